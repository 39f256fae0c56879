#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "cache/cached_pages.hpp"
#include "cache/change_bus.hpp"
#include "cache/content_coding.hpp"
#include "cache/response_cache.hpp"

namespace gazette::cache {
namespace {

std::shared_ptr<const CachedPage> Page(std::vector<std::string> tags, std::size_t body_bytes = 100) {
  auto page = std::make_shared<CachedPage>();
  page->bodies[0] = std::make_shared<const std::string>(body_bytes, 'x');
  page->tags = std::move(tags);
  return page;
}

TEST(NegotiateCodingTest, PrefersBrotliThenGzipAndRespectsQZero) {
  const struct {
    const char* accept;
    Coding expected;
  } cases[] = {
      {"", Coding::kIdentity},
      {"gzip", Coding::kGzip},
      {"gzip, deflate, br", Coding::kBrotli},
      {"br;q=0, gzip", Coding::kGzip},
      {"br;q=0.0, gzip;q=0", Coding::kIdentity},
      {"*", Coding::kBrotli},
      {"*;q=0, gzip", Coding::kGzip},
      {"BR", Coding::kBrotli},
      {"x-gzip", Coding::kGzip},
      {"br;q=0.001", Coding::kBrotli},
      {"br;q=2, gzip", Coding::kGzip},  // A malformed member is ignored.
      {"identity;q=0", Coding::kIdentity},
      {"deflate", Coding::kIdentity},
      {" gzip ; q=0.5 , br ; q=0 ", Coding::kGzip},
  };
  for (const auto& c : cases) EXPECT_EQ(NegotiateCoding(c.accept), c.expected) << c.accept;
}

TEST(ResponseCacheTest, FindsWhatItStored) {
  ResponseCache cache(1 << 20);
  EXPECT_EQ(cache.Find("/en/"), nullptr);
  auto page = Page({"edition:en"});
  EXPECT_TRUE(cache.Insert("/en/", page, cache.Epoch()));
  EXPECT_EQ(cache.Find("/en/"), page);  // The very same bytes: no copy.
  EXPECT_EQ(cache.Stats().hits, 1u);
  EXPECT_EQ(cache.Stats().misses, 1u);
}

TEST(ResponseCacheTest, InvalidateDropsExactlyTheEntriesWithATag) {
  ResponseCache cache(1 << 20);
  cache.Insert("/en/", Page({"edition:en", "article:1", "article:2", "site"}), cache.Epoch());
  cache.Insert("/en/world/a", Page({"article:1", "tag:en/iran", "site"}), cache.Epoch());
  cache.Insert("/en/world/b", Page({"article:2", "tag:en/iraq", "site"}), cache.Epoch());
  cache.Insert("/ar/", Page({"edition:ar", "site"}), cache.Epoch());

  EXPECT_EQ(cache.Invalidate({"article:1"}), 2u);
  EXPECT_EQ(cache.Find("/en/"), nullptr);
  EXPECT_EQ(cache.Find("/en/world/a"), nullptr);
  EXPECT_NE(cache.Find("/en/world/b"), nullptr);
  EXPECT_NE(cache.Find("/ar/"), nullptr);

  EXPECT_EQ(cache.Invalidate({"tag:en/nothing"}), 0u);
  EXPECT_EQ(cache.Invalidate({"tag:en/iraq", "edition:ar"}), 2u);
  EXPECT_EQ(cache.Stats().entries, 0u);
  EXPECT_EQ(cache.Stats().bytes, 0u);
}

TEST(ResponseCacheTest, ClearDropsEverythingAndRefusesPagesRenderedBefore) {
  ResponseCache cache(1 << 20);
  const auto before = cache.Epoch();
  ASSERT_TRUE(cache.Insert("/en/", Page({"edition:en"}), before));
  cache.Clear();
  EXPECT_FALSE(cache.Find("/en/"));
  EXPECT_FALSE(cache.Insert("/en/world/a", Page({"article:1"}), before));
  EXPECT_TRUE(cache.Insert("/en/world/a", Page({"article:1"}), cache.Epoch()));
}

TEST(ResponseCacheTest, SiteTagDropsEverything) {
  ResponseCache cache(1 << 20);
  for (int i = 0; i < 50; ++i) cache.Insert("/p" + std::to_string(i), Page({"site"}), cache.Epoch());
  EXPECT_EQ(cache.Invalidate({"site"}), 50u);
  EXPECT_EQ(cache.Stats().entries, 0u);
}

TEST(ResponseCacheTest, EvictsLeastRecentlyUsedWithinBudget) {
  // 16 shards: with one key per shard budget of ~3 pages, fill one shard by using many keys.
  const std::size_t page_bytes = Page({"t"}, 10000)->Bytes();
  ResponseCache cache(16 * (3 * page_bytes + 200));
  std::vector<std::string> keys;
  for (int i = 0; i < 400; ++i) {
    std::string key = "/k" + std::to_string(i);
    cache.Insert(key, Page({"t"}, 10000), cache.Epoch());
    keys.push_back(key);
    cache.Find(keys.front());  // Keep the first one warm.
  }
  const auto stats = cache.Stats();
  EXPECT_LE(stats.bytes, 16 * (3 * page_bytes + 200));
  EXPECT_GT(stats.evictions, 0u);
  EXPECT_NE(cache.Find(keys.front()), nullptr);  // Recently used: kept.
  EXPECT_NE(cache.Find(keys.back()), nullptr);   // Just stored: kept.
  EXPECT_EQ(cache.Find(keys[1]), nullptr);       // Old and cold: gone.
}

TEST(ResponseCacheTest, RefusesAPageLargerThanAShard) {
  ResponseCache cache(16 * 1000);
  EXPECT_FALSE(cache.Insert("/big", Page({"t"}, 5000), cache.Epoch()));
  EXPECT_EQ(cache.Find("/big"), nullptr);
}

TEST(ResponseCacheTest, RefusesAPageRenderedBeforeAChangeToItsTags) {
  ResponseCache cache(1 << 20);
  const auto before = cache.Epoch();
  cache.Invalidate({"article:7"});
  // Rendered from data read before the change: stale, must not be stored.
  EXPECT_FALSE(cache.Insert("/en/world/seven", Page({"article:7", "site"}), before));
  // A change to something else does not matter.
  EXPECT_TRUE(cache.Insert("/en/world/eight", Page({"article:8", "site"}), before));
  // Rendered after the change: fine.
  EXPECT_TRUE(cache.Insert("/en/world/seven", Page({"article:7", "site"}), cache.Epoch()));
}

TEST(ResponseCacheTest, RefusesWhenTooManyChangesHappenedToKnowTheirTags) {
  ResponseCache cache(1 << 20);
  const auto before = cache.Epoch();
  for (int i = 0; i < 1000; ++i) cache.Invalidate({"article:" + std::to_string(i)});
  EXPECT_FALSE(cache.Insert("/x", Page({"article:5000"}), before));
}

TEST(ResponseCacheTest, ReplacingAKeyKeepsTheTagIndexRight) {
  ResponseCache cache(1 << 20);
  cache.Insert("/a", Page({"tag:old"}), cache.Epoch());
  cache.Insert("/a", Page({"tag:new"}), cache.Epoch());
  EXPECT_EQ(cache.Invalidate({"tag:old"}), 0u);
  EXPECT_NE(cache.Find("/a"), nullptr);
  EXPECT_EQ(cache.Invalidate({"tag:new"}), 1u);
}

TEST(ResponseCacheTest, ConcurrentReadersWritersAndInvalidationsStayConsistent) {
  ResponseCache cache(64 * 1024);
  std::atomic<bool> stop{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 20000; ++i) {
        std::string key = "/k" + std::to_string((i * 7 + t) % 97);
        if (auto page = cache.Find(key)) {
          ASSERT_EQ(page->bodies[0]->size(), 300u);
        } else {
          cache.Insert(key, Page({"t" + std::to_string(i % 5), "site"}, 300), cache.Epoch());
        }
      }
    });
  }
  threads.emplace_back([&] {
    for (int i = 0; !stop; ++i) cache.Invalidate({"t" + std::to_string(i % 5)});
  });
  for (int t = 0; t < 4; ++t) threads[t].join();
  stop = true;
  threads.back().join();
  const auto stats = cache.Stats();
  EXPECT_LE(stats.bytes, 64u * 1024);
  cache.Invalidate({"site"});
  EXPECT_EQ(cache.Stats().entries, 0u);
  EXPECT_EQ(cache.Stats().bytes, 0u);
}

TEST(ContentCodingTest, GzipAndBrotliShrinkText) {
  std::string html;
  for (int i = 0; i < 200; ++i) html += "<p>The council voted on the riverside park.</p>\n";
  const auto gzip = Gzip(html, 6);
  const auto br = Brotli(html, 5);
  EXPECT_LT(gzip.size(), html.size() / 4);
  EXPECT_LT(br.size(), html.size() / 4);
  ASSERT_GE(gzip.size(), 2u);
  EXPECT_EQ(static_cast<unsigned char>(gzip[0]), 0x1f);  // gzip magic
  EXPECT_EQ(static_cast<unsigned char>(gzip[1]), 0x8b);
}

http::Request Get(std::string path, std::string accept_encoding = "") {
  http::Request request;
  request.path = std::move(path);
  request.target = request.path;
  if (!accept_encoding.empty()) request.headers["accept-encoding"] = std::move(accept_encoding);
  return request;
}

std::string HeaderOf(const http::Response& response, std::string_view name) {
  for (const auto& [key, value] : response.Fields())
    if (key == name) return value;
  return "";
}

// A page of 1,800 bytes that compresses well, with these tags; counts its renders.
http::Handler HelloPage(int& renders, std::vector<std::string> tags) {
  return [&renders, tags](const http::Request&, const http::PathParams&) {
    ++renders;
    std::string body;
    for (int i = 0; i < 100; ++i) body += "<p>hello world</p>";
    auto response = http::Html(200, body);
    response.cache_tags = tags;
    return response;
  };
}

TEST(CachedPagesTest, MissRendersOnceThenHitsInEveryCoding) {
  ResponseCache cache(1 << 20);
  CachedPages pages(cache, CacheSettings{});
  int renders = 0;
  auto handler = pages.Wrap(HelloPage(renders, {"article:1", "site"}));
  auto first = handler(Get("/en/a", "gzip, br"), {});
  EXPECT_EQ(HeaderOf(first, "X-Cache"), "miss");
  EXPECT_EQ(HeaderOf(first, "Content-Encoding"), "br");
  EXPECT_EQ(HeaderOf(first, "Vary"), "Accept-Encoding");
  EXPECT_EQ(HeaderOf(first, "Content-Type"), "text/html; charset=utf-8");
  EXPECT_FALSE(HeaderOf(first, "Last-Modified").empty());
  auto plain = handler(Get("/en/a"), {});
  auto gzip = handler(Get("/en/a", "gzip"), {});
  EXPECT_EQ(renders, 1);
  EXPECT_EQ(HeaderOf(plain, "X-Cache"), "hit");
  EXPECT_EQ(HeaderOf(plain, "Content-Encoding"), "");
  EXPECT_EQ(HeaderOf(gzip, "Content-Encoding"), "gzip");
  EXPECT_EQ(plain.Body().size(), 1800u);
  // One strong ETag per representation.
  EXPECT_NE(HeaderOf(plain, "ETag"), HeaderOf(gzip, "ETag"));
  EXPECT_NE(HeaderOf(first, "ETag"), HeaderOf(gzip, "ETag"));
  EXPECT_EQ(HeaderOf(plain, "ETag").front(), '"');

  // Other query parameters share the page; "page" does not.
  auto request = Get("/en/a");
  request.query.emplace("utm", "x");
  handler(request, {});
  EXPECT_EQ(renders, 1);
  request.query.emplace("page", "2");
  handler(request, {});
  EXPECT_EQ(renders, 2);

  cache.Invalidate({"article:1"});
  EXPECT_EQ(HeaderOf(handler(Get("/en/a"), {}), "X-Cache"), "miss");
  EXPECT_EQ(renders, 3);
}

// A page is compressed in a coding when a client first asks for it, off the I/O thread: the
// shortcut declines until then, the wrapped handler compresses and stores it without a render.
TEST(CachedPagesTest, CompressesEachCodingWhenFirstAskedFor) {
  ResponseCache cache(1 << 20);
  CachedPages pages(cache, CacheSettings{});
  int renders = 0;
  auto handler = pages.Wrap(HelloPage(renders, {"article:1"}));
  handler(Get("/en/a"), {});  // Identity only.
  auto stored = cache.Find("/en/a");
  ASSERT_TRUE(stored);
  EXPECT_FALSE(stored->bodies[static_cast<std::size_t>(Coding::kBrotli)]);
  EXPECT_TRUE(pages.Hit(Get("/en/a")));
  EXPECT_FALSE(pages.Hit(Get("/en/a", "br")));  // Not compressed yet: not for the I/O thread.

  auto br = handler(Get("/en/a", "br"), {});
  EXPECT_EQ(renders, 1);
  EXPECT_EQ(HeaderOf(br, "X-Cache"), "hit");
  EXPECT_EQ(HeaderOf(br, "Content-Encoding"), "br");
  EXPECT_LT(br.Body().size(), 1800u);
  auto hit = pages.Hit(Get("/en/a", "br"));  // Stored with the page now.
  ASSERT_TRUE(hit);
  EXPECT_EQ(HeaderOf(*hit, "ETag"), HeaderOf(br, "ETag"));
  EXPECT_EQ(hit->Body(), br.Body());
  EXPECT_FALSE(pages.Hit(Get("/en/a", "gzip")));

  // A change drops the page with its variants; the next request renders it again.
  cache.Invalidate({"article:1"});
  EXPECT_FALSE(pages.Hit(Get("/en/a", "br")));
  EXPECT_EQ(HeaderOf(handler(Get("/en/a", "br"), {}), "X-Cache"), "miss");
  EXPECT_EQ(renders, 2);
}

TEST(CachedPagesTest, SimultaneousMissesOfOnePageRenderItOnce) {
  ResponseCache cache(1 << 20);
  CachedPages pages(cache, CacheSettings{});
  constexpr int kReaders = 8;
  std::atomic<int> renders{0}, arrived{0};
  auto handler = pages.Wrap([&](const http::Request&, const http::PathParams&) {
    ++renders;
    // Hold the render until every reader has asked, and a moment more for them to wait on it.
    while (arrived.load() < kReaders) std::this_thread::yield();
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    auto response = http::Html(200, "<p>breaking</p>");
    response.cache_tags = {"article:1", "site"};
    return response;
  });
  std::vector<std::string> bodies(kReaders);
  std::vector<std::thread> readers;
  for (int i = 0; i < kReaders; ++i) {
    readers.emplace_back([&, i] {
      ++arrived;
      bodies[i] = std::string(handler(Get("/en/"), {}).Body());
    });
  }
  for (auto& reader : readers) reader.join();
  EXPECT_EQ(renders.load(), 1);
  for (const auto& body : bodies) EXPECT_EQ(body, "<p>breaking</p>");
}

TEST(CachedPagesTest, WaitersRenderThemselvesWhenThePageIsNotStored) {
  ResponseCache cache(1 << 20);
  CachedPages pages(cache, CacheSettings{});
  std::atomic<int> renders{0}, arrived{0};
  auto handler = pages.Wrap([&](const http::Request&, const http::PathParams&) {
    ++renders;
    while (arrived.load() < 2) std::this_thread::yield();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    return http::Html(404, "<p>no</p>");  // Not cacheable: nothing to share.
  });
  std::vector<std::thread> readers;
  std::atomic<int> not_found{0};
  for (int i = 0; i < 2; ++i) {
    readers.emplace_back([&] {
      ++arrived;
      if (handler(Get("/en/x"), {}).status == 404) ++not_found;
    });
  }
  for (auto& reader : readers) reader.join();
  EXPECT_EQ(renders.load(), 2);
  EXPECT_EQ(not_found.load(), 2);
}

TEST(CachedPagesTest, PassesUntaggedAndNon200ResponsesThrough) {
  ResponseCache cache(1 << 20);
  CachedPages pages(cache, CacheSettings{});
  int status = 404;
  bool tagged = true;
  auto handler = pages.Wrap([&](const http::Request&, const http::PathParams&) {
    auto response = http::Html(status, "x");
    if (tagged) response.cache_tags = {"site"};
    return response;
  });
  EXPECT_EQ(HeaderOf(handler(Get("/nope"), {}), "X-Cache"), "");
  status = 200;
  tagged = false;
  EXPECT_EQ(HeaderOf(handler(Get("/nope"), {}), "X-Cache"), "");
  EXPECT_EQ(cache.Stats().entries, 0u);
}

TEST(ChangeBusTest, PublishesToEveryListenerEvenWhenOneThrows) {
  ChangeBus bus;
  std::vector<std::string> seen;
  bus.Subscribe([](const std::vector<std::string>&) { throw std::runtime_error("boom"); });
  bus.Subscribe([&](const std::vector<std::string>& tags) { seen = tags; });
  bus.Publish({"article:1"});
  EXPECT_EQ(seen, std::vector<std::string>{"article:1"});
}

}  // namespace
}  // namespace gazette::cache
