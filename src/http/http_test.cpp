// Pure parts of http/: router, target checks, dates, conditional requests, static files.
#include <gtest/gtest.h>

#include <chrono>
#include <stdexcept>

#include "http/detail/access_log.hpp"
#include "http/detail/conditional.hpp"
#include "http/detail/target.hpp"
#include "http/error_status.hpp"
#include "http/http_date.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"
#include "http/trusted_proxies.hpp"
#include "news/error.hpp"

namespace gazette::http {
namespace {

using std::chrono::system_clock;

Request Get(std::string path) {
  Request request;
  request.path = std::move(path);
  return request;
}

std::string HeaderOf(const Response& response, std::string_view name) {
  for (const auto& [key, value] : response.headers) {
    if (key == name) return value;
  }
  return "";
}

Handler Reply(std::string text) {
  return [text](const Request&, const PathParams& params) {
    std::string body = text;
    for (const auto& [name, value] : params) body += " " + name + "=" + value;
    return Text(200, body);
  };
}

TEST(RouterTest, LiteralBeatsCaptureWhateverTheOrder) {
  Router router;
  router.Add(Method::kGet, "/{lang}/{section}/", Reply("section"));
  router.Add(Method::kGet, "/{lang}/tag/", Reply("tags"));
  router.Add(Method::kGet, "/en/{section}/", Reply("english"));
  EXPECT_EQ(router.Dispatch(Get("/en/tag/")).body, "english section=tag");
  EXPECT_EQ(router.Dispatch(Get("/ar/tag/")).body, "tags lang=ar");
  EXPECT_EQ(router.Dispatch(Get("/ar/world/")).body, "section lang=ar section=world");
}

TEST(RouterTest, EarlierRouteWinsBetweenEquals) {
  Router router;
  router.Add(Method::kGet, "/{a}", Reply("first"));
  router.Add(Method::kGet, "/{b}", Reply("second"));
  EXPECT_EQ(router.Dispatch(Get("/x")).body, "first a=x");
}

TEST(RouterTest, CapturesAreDecoded) {
  Router router;
  router.Add(Method::kGet, "/{lang}/{section}/{slug}", Reply("article"));
  Request request;
  request.target = "/ar/sports/%D9%87%20x?page=2";  // Only the target: path is derived.
  EXPECT_EQ(router.Dispatch(request).body, "article lang=ar section=sports slug=\xD9\x87 x");
  EXPECT_EQ(router.Dispatch(Get("/ar/sports/\xD9\x87")).body,
            "article lang=ar section=sports slug=\xD9\x87");
}

TEST(RouterTest, TrailingSlashAndEmptySegmentsMatter) {
  Router router;
  router.Add(Method::kGet, "/", Reply("root"));
  router.Add(Method::kGet, "/{lang}/", Reply("home"));
  EXPECT_EQ(router.Dispatch(Get("/")).body, "root");
  EXPECT_EQ(router.Dispatch(Get("/en/")).body, "home lang=en");
  EXPECT_EQ(router.Dispatch(Get("/en")).status, 404);
  EXPECT_EQ(router.Dispatch(Get("//")).status, 404);  // A capture never matches "".
}

TEST(RouterTest, HeadUsesGetRoutes) {
  Router router;
  router.Add(Method::kGet, "/page", Reply("page"));
  Request request = Get("/page");
  request.method = Method::kHead;
  EXPECT_EQ(router.Dispatch(request).body, "page");
}

TEST(RouterTest, WrongMethodIs405WithAllow) {
  Router router;
  router.Add(Method::kPost, "/items/{id}", Reply("post"));
  router.Add(Method::kGet, "/items/{id}", Reply("get"));
  router.Add(Method::kDelete, "/items/new", Reply("delete"));
  Request request = Get("/items/7");
  request.method = Method::kPut;
  Response response = router.Dispatch(request);
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(HeaderOf(response, "Allow"), "GET, HEAD, POST");
}

TEST(RouterTest, NotFoundFallback) {
  Router router;
  router.Add(Method::kGet, "/a", Reply("a"));
  EXPECT_EQ(router.Dispatch(Get("/b")).status, 404);
  router.SetNotFound([](const Request& r, const PathParams&) { return Html(404, "no " + r.path); });
  EXPECT_EQ(router.Dispatch(Get("/b")).body, "no /b");
}

TEST(RouterTest, ExceptionsBecomeStatuses) {
  struct Case {
    std::function<void()> thrower;
    int status;
    bool shows_message;
  };
  const Case cases[] = {
      {[] { throw Error(ErrorKind::kNotFound, "no such story"); }, 404, true},
      {[] { throw Error(ErrorKind::kInvalid, "bad page"); }, 400, true},
      {[] { throw Error(ErrorKind::kConflict, "edited meanwhile"); }, 409, true},
      {[] { throw Error(ErrorKind::kUnavailable, "db down at 10.0.0.5"); }, 503, false},
      {[] { throw Error(ErrorKind::kInternal, "secret detail"); }, 500, false},
      {[] { throw std::runtime_error("secret detail"); }, 500, false},
      {[] { throw 42; }, 500, false},
  };
  for (const Case& c : cases) {
    Router router;
    router.Add(Method::kGet, "/x", [&c](const Request&, const PathParams&) -> Response {
      c.thrower();
      return Text(200, "unreachable");
    });
    Response response = router.Dispatch(Get("/x"));
    EXPECT_EQ(response.status, c.status);
    bool leaked = response.body.find("detail") != std::string::npos ||
                  response.body.find("10.0.0.5") != std::string::npos;
    EXPECT_FALSE(leaked) << response.body;
    if (c.shows_message) {
      EXPECT_GT(response.body.size(), 5u) << response.body;
    }
  }
}

TEST(PercentDecodeTest, DecodesEscapesAndRefusesBrokenOnes) {
  EXPECT_EQ(detail::PercentDecode("/en/world/plain-slug-42", false), "/en/world/plain-slug-42");
  EXPECT_EQ(detail::PercentDecode("", false), "");
  EXPECT_EQ(detail::PercentDecode("%41%42c", false), "ABc");
  EXPECT_EQ(detail::PercentDecode("/ar/%D9%87", false), "/ar/\xD9\x87");
  EXPECT_EQ(detail::PercentDecode("a%2fb", false), "a/b");
  EXPECT_EQ(detail::PercentDecode("a+b%2B", false), "a+b+");  // Paths keep '+'.
  EXPECT_EQ(detail::PercentDecode("a+b%2B", true), "a b+");   // Queries read it as a space.
  EXPECT_EQ(detail::PercentDecode("+", true), " ");
  for (std::string_view broken : {"%", "a%", "a%4", "%zz", "%4g", "%%41"}) {
    EXPECT_FALSE(detail::PercentDecode(broken, false)) << broken;
  }
}

TEST(TrustedProxiesTest, NamesTheClientOnlyForTrustedPeers) {
  const TrustedProxies proxies({"127.0.0.1", "10.0.0.0/8", "fd00::/8"});
  EXPECT_TRUE(proxies.Trusts(boost::asio::ip::make_address("10.200.3.4")));
  EXPECT_TRUE(proxies.Trusts(boost::asio::ip::make_address("::ffff:10.0.0.1")));  // IPv4 on an IPv6 socket.
  EXPECT_TRUE(proxies.Trusts(boost::asio::ip::make_address("fd12::1")));
  EXPECT_FALSE(proxies.Trusts(boost::asio::ip::make_address("11.0.0.1")));
  EXPECT_FALSE(proxies.Trusts(boost::asio::ip::make_address("fe80::1")));

  // An untrusted peer's header is whatever it chose to send.
  EXPECT_EQ(proxies.ClientAddress("203.0.113.7", "198.51.100.1"), "203.0.113.7");
  EXPECT_EQ(proxies.ClientAddress("127.0.0.1", "198.51.100.1"), "198.51.100.1");
  EXPECT_EQ(proxies.ClientAddress("127.0.0.1", ""), "127.0.0.1");
  // Right to left past trusted hops; entries left of the first untrusted one are the client's.
  EXPECT_EQ(proxies.ClientAddress("127.0.0.1", "6.6.6.6, 198.51.100.1, 10.1.1.1"), "198.51.100.1");
  EXPECT_EQ(proxies.ClientAddress("::ffff:127.0.0.1", " 2001:db8::5 "), "2001:db8::5");
  EXPECT_EQ(proxies.ClientAddress("127.0.0.1", "10.0.0.2,10.0.0.3"), "10.0.0.2");
  // Not an address: the walk ends at the last address read.
  EXPECT_EQ(proxies.ClientAddress("127.0.0.1", "198.51.100.1, unknown"), "127.0.0.1");
  EXPECT_EQ(proxies.ClientAddress("127.0.0.1", "junk, 10.0.0.9"), "10.0.0.9");

  EXPECT_EQ(TrustedProxies().ClientAddress("127.0.0.1", "198.51.100.1"), "127.0.0.1");
  for (const std::string bad : {"10.0.0.0/33", "localhost", "10.0.0", "::1/200", ""}) {
    EXPECT_THROW(TrustedProxies({bad}), Error) << bad;
  }
}

TEST(ErrorStatusTest, MapsEveryKind) {
  EXPECT_EQ(ErrorStatus(ErrorKind::kNotFound), 404);
  EXPECT_EQ(ErrorStatus(ErrorKind::kInvalid), 400);
  EXPECT_EQ(ErrorStatus(ErrorKind::kConflict), 409);
  EXPECT_EQ(ErrorStatus(ErrorKind::kUnavailable), 503);
  EXPECT_EQ(ErrorStatus(ErrorKind::kInternal), 500);
}

TEST(ResponseTest, HelpersSetContentType) {
  EXPECT_EQ(HeaderOf(Html(200, "x"), "Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(HeaderOf(Text(200, "x"), "Content-Type"), "text/plain; charset=utf-8");
  EXPECT_EQ(HeaderOf(Json(201, "{}"), "Content-Type"), "application/json; charset=utf-8");
  Response redirect = Redirect("/en/");
  EXPECT_EQ(redirect.status, 303);
  EXPECT_EQ(HeaderOf(redirect, "Location"), "/en/");
  EXPECT_EQ(Redirect("/en/", 301).status, 301);
}

TEST(ResponseTest, RedirectRefusesOtherSites) {
  for (std::string bad : {"https://evil.example/", "//evil.example/", "/\\evil.example",
                          "en/", "", "/a\r\nSet-Cookie: x=1"}) {
    EXPECT_THROW(Redirect(bad), Error) << bad;
  }
}

TEST(TargetTest, ChecksAndDecodesPaths) {
  struct Case {
    std::string_view target;
    std::optional<std::string_view> path;  // Nothing: the request is refused (400).
  };
  const Case cases[] = {
      {"/", "/"},
      {"/a/b", "/a/b"},
      {"/ar/sports/%D9%87?page=2", "/ar/sports/\xD9\x87"},
      {"/a%20b/c+d", "/a b/c+d"},  // '+' is a plus in paths.
      {"/a/..b/.c", "/a/..b/.c"},
      {"/.well-known/x", "/.well-known/x"},
      {"http://example.com/x?y=1", "/x"},
      {"/a/b#frag", "/a/b"},
      {"/a/../b", std::nullopt},
      {"/..", std::nullopt},
      {"/./x", std::nullopt},
      {"/a/.", std::nullopt},
      {"/%2e%2e/x", std::nullopt},
      {"/%2E%2e/x", std::nullopt},
      {"/a%2f..%2fb", std::nullopt},  // Decodes to "/a/../b".
      {"/%ff", std::nullopt},
      {"/%C0%AF", std::nullopt},  // Overlong "/".
      {"/a%00b", std::nullopt},
      {"/a%zz", std::nullopt},
      {"/a%2", std::nullopt},
      {"/a%", std::nullopt},
      {"a/b", std::nullopt},
      {"*", std::nullopt},
      {"", std::nullopt},
      {"http://example.com", std::nullopt},
  };
  for (const Case& c : cases) {
    auto parsed = detail::ParseTarget(c.target);
    ASSERT_EQ(parsed.has_value(), c.path.has_value()) << c.target;
    if (parsed) {
      EXPECT_EQ(parsed->path, *c.path) << c.target;
    }
  }
}

TEST(TargetTest, DecodesQueryAndDropsBrokenPairs) {
  auto parsed = detail::ParseTarget("/s?q=a+b%26c&q=second&flag&x=%zz&y=%ff&z=%00&&=empty");
  ASSERT_TRUE(parsed);
  Request request;
  request.query = parsed->query;
  EXPECT_EQ(request.Query("q"), "a b&c");  // The first of repeated names.
  EXPECT_EQ(request.query.count("q"), 2u);
  EXPECT_EQ(request.Query("flag"), "");
  EXPECT_FALSE(request.Query("x"));
  EXPECT_FALSE(request.Query("y"));
  EXPECT_FALSE(request.Query("z"));
  EXPECT_EQ(request.Query(""), "empty");
  EXPECT_FALSE(request.Query("missing"));
}

TEST(RequestTest, HeaderLookup) {
  Request request;
  request.headers["user-agent"] = "x";
  EXPECT_EQ(request.Header("user-agent"), "x");
  EXPECT_FALSE(request.Header("accept"));
}

TEST(HttpDateTest, FormatsImfFixdate) {
  system_clock::time_point time{std::chrono::seconds(784111777)};
  EXPECT_EQ(FormatHttpDate(time), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_EQ(FormatHttpDate(system_clock::time_point{}), "Thu, 01 Jan 1970 00:00:00 GMT");
  EXPECT_EQ(FormatHttpDate(time + std::chrono::milliseconds(999)),
            "Sun, 06 Nov 1994 08:49:37 GMT");
}

TEST(HttpDateTest, ParsesTheThreeForms) {
  const system_clock::time_point expected{std::chrono::seconds(784111777)};
  for (std::string_view text : {"Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT",
                                "Sun Nov  6 08:49:37 1994"}) {
    EXPECT_EQ(ParseHttpDate(text), expected) << text;
  }
  for (std::string_view bad : {"", "yesterday", "Sun, 06 Nov 1994 08:49:37", "Sun, 31 Feb 2020 00:00:00 GMT",
                               "Sun, 06 Nov 1994 25:00:00 GMT", "Sun, 06 Foo 1994 08:49:37 GMT",
                               "Sun, 06 Nov 1994 08:49:37 GMT trailing", "1994-11-06T08:49:37Z"}) {
    EXPECT_FALSE(ParseHttpDate(bad)) << bad;
  }
}

TEST(ConditionalTest, EtagLists) {
  struct Case {
    std::string_view if_none_match;
    std::string_view etag;
    bool matches;
  };
  const Case cases[] = {
      {"\"abc\"", "\"abc\"", true},
      {"W/\"abc\"", "\"abc\"", true},  // Weak comparison.
      {"\"abc\"", "W/\"abc\"", true},
      {"\"x\", \"abc\"", "\"abc\"", true},
      {"\"x\",W/\"abc\"", "\"abc\"", true},
      {"*", "\"abc\"", true},
      {"\"a,b\"", "\"a,b\"", true},
      {"\"abd\"", "\"abc\"", false},
      {"abc", "\"abc\"", false},
      {"\"abc", "\"abc\"", false},
      {"", "\"abc\"", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(detail::EtagListMatches(c.if_none_match, c.etag), c.matches) << c.if_none_match;
  }
}

TEST(ConditionalTest, NotModifiedRules) {
  Response asset = Text(200, "body");
  asset.Header("ETag", "\"v1\"").Header("Last-Modified", "Sun, 06 Nov 1994 08:49:37 GMT");
  asset.Header("Cache-Control", "public");

  struct Case {
    Method method;
    std::string if_none_match;
    std::string if_modified_since;
    bool not_modified;
  };
  const Case cases[] = {
      {Method::kGet, "\"v1\"", "", true},
      {Method::kHead, "\"v1\"", "", true},
      {Method::kPost, "\"v1\"", "", false},
      {Method::kGet, "\"v0\"", "", false},
      {Method::kGet, "", "Sun, 06 Nov 1994 08:49:37 GMT", true},
      {Method::kGet, "", "Mon, 07 Nov 1994 00:00:00 GMT", true},
      {Method::kGet, "", "Sat, 05 Nov 1994 00:00:00 GMT", false},
      {Method::kGet, "", "not a date", false},
      // If-None-Match wins over a matching If-Modified-Since.
      {Method::kGet, "\"v0\"", "Mon, 07 Nov 1994 00:00:00 GMT", false},
  };
  for (const Case& c : cases) {
    Request request;
    request.method = c.method;
    if (!c.if_none_match.empty()) request.headers["if-none-match"] = c.if_none_match;
    if (!c.if_modified_since.empty()) request.headers["if-modified-since"] = c.if_modified_since;
    EXPECT_EQ(detail::IsNotModified(request, asset), c.not_modified)
        << c.if_none_match << " / " << c.if_modified_since;
  }

  Request matching;
  matching.headers["if-none-match"] = "\"v1\"";
  Response not_found = asset;
  not_found.status = 404;
  EXPECT_FALSE(detail::IsNotModified(matching, not_found));

  Response answer = detail::NotModified(asset);
  EXPECT_EQ(answer.status, 304);
  EXPECT_TRUE(answer.body.empty());
  EXPECT_EQ(HeaderOf(answer, "ETag"), "\"v1\"");
  EXPECT_EQ(HeaderOf(answer, "Cache-Control"), "public");
  EXPECT_EQ(HeaderOf(answer, "Content-Type"), "");
}

TEST(StaticFilesTest, ContentTypes) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"site.css", "text/css; charset=utf-8"},
      {"app.JS", "text/javascript; charset=utf-8"},
      {"logo.svg", "image/svg+xml; charset=utf-8"},
      {"robots.txt", "text/plain; charset=utf-8"},
      {"a/b/page.html", "text/html; charset=utf-8"},
      {"data.json", "application/json; charset=utf-8"},
      {"favicon.ico", "image/x-icon"},
      {"logo.png", "image/png"},
      {"fonts/noto.woff2", "font/woff2"},
      {"README", "application/octet-stream"},
      {"archive.tar.gz", "application/octet-stream"},
      {"dir.css/file", "application/octet-stream"},
  };
  for (const auto& [name, type] : cases) EXPECT_EQ(ContentTypeFor(name), type) << name;
}

TEST(StaticFilesTest, StrongEtagIsQuotedAndFollowsContent) {
  std::string a = StrongEtag("body{}");
  EXPECT_EQ(a, StrongEtag("body{}"));
  EXPECT_NE(a, StrongEtag("body{ }"));
  ASSERT_GE(a.size(), 3u);
  EXPECT_EQ(a.front(), '"');
  EXPECT_EQ(a.back(), '"');
  EXPECT_NE(a.substr(0, 2), "W/");
}

TEST(StaticFilesTest, ServesPrefixedFilesThroughRoutes) {
  const std::map<std::string_view, std::string_view> assets = {
      {"static/site.css", "body{}"},
      {"static/fonts/a.woff2", "wOF2"},
      {"templates/page.mustache", "{{secret}}"},
  };
  const StaticFiles files(assets, "static/", "/static/", "public, max-age=60",
                          "Sun, 06 Nov 1994 08:49:37 GMT");
  auto css = files.Find("/static/site.css");
  ASSERT_TRUE(css);
  EXPECT_EQ(css->status, 200);
  EXPECT_EQ(css->body, "body{}");
  EXPECT_EQ(HeaderOf(*css, "Content-Type"), "text/css; charset=utf-8");
  EXPECT_EQ(HeaderOf(*css, "ETag"), StrongEtag("body{}"));
  EXPECT_EQ(files.Etag("/static/site.css"), StrongEtag("body{}"));
  EXPECT_EQ(HeaderOf(*css, "Cache-Control"), "public, max-age=60");
  EXPECT_EQ(HeaderOf(*css, "Last-Modified"), "Sun, 06 Nov 1994 08:49:37 GMT");
  EXPECT_FALSE(files.Find("/static/page.mustache"));
  EXPECT_FALSE(files.Find("/templates/page.mustache"));

  Router router;
  files.Register(router);
  EXPECT_EQ(router.Dispatch(Get("/static/fonts/a.woff2")).body, "wOF2");
  EXPECT_EQ(HeaderOf(router.Dispatch(Get("/static/fonts/a.woff2")), "Content-Type"), "font/woff2");
  EXPECT_EQ(router.Dispatch(Get("/static/nothing.css")).status, 404);
  EXPECT_EQ(router.Dispatch(Get("/templates/page.mustache")).status, 404);
}

TEST(AccessLogTest, OneLineWithEscapes) {
  detail::AccessRecord record{
      .client_address = "127.0.0.1",
      .method = "GET",
      .target = "/a\"b",
      .status = 200,
      .body_bytes = 512,
      .duration = std::chrono::microseconds(1700),
      .user_agent = "curl/8.0\n\xff",
  };
  EXPECT_EQ(detail::FormatAccess(record),
            "127.0.0.1 \"GET /a\\x22b\" 200 512 1.7ms \"curl/8.0\\x0a\\xff\"");
}

}  // namespace
}  // namespace gazette::http
