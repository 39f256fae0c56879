// The real server on a loopback port, driven over raw TCP so malformed input can be sent.
// Waits are generous upper bounds; no test asserts how fast anything happens.
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <functional>
#include <future>
#include <optional>
#include <sstream>
#include <thread>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "http/server.hpp"
#include "http/static_files.hpp"
#include "news/error.hpp"

namespace gazette::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
using asio::ip::tcp;
using namespace std::chrono_literals;
using WireResponse = beast::http::response<beast::http::string_body>;

// Long enough for a loaded CI machine; only reached when something is broken.
constexpr std::chrono::milliseconds kWait = 10s;
constexpr std::string_view kLastModified = "Sun, 06 Nov 1994 08:49:37 GMT";

ServerSettings TestSettings() {
  ServerSettings settings;
  settings.port = 0;
  settings.threads = 2;
  settings.request_timeout = 10s;
  settings.idle_timeout = 10s;
  settings.max_target_bytes = 1024;
  settings.max_header_bytes = 4096;
  settings.max_body_bytes = 1024;
  settings.shutdown_grace = 10s;
  settings.access_log = false;
  return settings;
}

// A client socket whose every operation gives up after a deadline instead of hanging.
class RawClient {
 public:
  explicit RawClient(std::uint16_t port) : socket_(io_) {
    socket_.connect({asio::ip::make_address("127.0.0.1"), port});
  }

  void Send(std::string_view bytes) {
    auto ec = RunFor(kWait, [&](auto done) {
      asio::async_write(socket_, asio::buffer(bytes), [done](auto ec, std::size_t) { done(ec); });
    });
    ASSERT_FALSE(ec) << ec.message();
  }

  // One response, or nothing when none arrives in time. `head`: the response has no body.
  std::optional<WireResponse> Read(bool head = false) {
    beast::http::response_parser<beast::http::string_body> parser;
    parser.skip(head);
    parser.body_limit(16 << 20);
    auto ec = RunFor(kWait, [&](auto done) {
      beast::http::async_read(socket_, buffer_, parser, [done](auto ec, std::size_t) { done(ec); });
    });
    if (ec) return std::nullopt;
    return parser.release();
  }

  // True when the server closes the connection within `wait`; what it sent meanwhile is kept.
  bool ClosedWithin(std::chrono::milliseconds wait = kWait) {
    auto deadline = std::chrono::steady_clock::now() + wait;
    unread_.assign(static_cast<const char*>(buffer_.data().data()), buffer_.size());
    buffer_.clear();
    std::array<char, 4096> chunk;
    for (;;) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left <= 0ms) return false;
      std::size_t got = 0;
      auto ec = RunFor(left, [&](auto done) {
        socket_.async_read_some(asio::buffer(chunk), [done, &got](auto ec, std::size_t n) {
          got = n;
          done(ec);
        });
      });
      if (ec == asio::error::timed_out) return false;
      if (ec) return true;  // End of stream or reset: closed.
      unread_.append(chunk.data(), got);
    }
  }

  // Bytes that arrived after the last response read, up to the close.
  const std::string& unread() const { return unread_; }

 private:
  boost::system::error_code RunFor(std::chrono::milliseconds limit,
                                   const std::function<void(std::function<void(
                                       boost::system::error_code)>)>& start) {
    std::optional<boost::system::error_code> result;
    start([&result](boost::system::error_code ec) { result = ec; });
    io_.restart();
    io_.run_for(limit);
    if (result) return *result;
    socket_.cancel();
    io_.restart();
    io_.run();
    return asio::error::timed_out;
  }

  asio::io_context io_;
  tcp::socket socket_;
  beast::flat_buffer buffer_;
  std::string unread_;
};

// A Server running on its own thread; Stop() waits for Run() to return.
class RunningServer {
 public:
  RunningServer(const Router& router, ServerSettings settings)
      : server_(std::move(settings), router),
        thread_([this] {
          server_.Run();
          returned_.set_value();
        }) {}
  ~RunningServer() { Stop(); }

  std::uint16_t port() const { return server_.port(); }
  Server& server() { return server_; }

  // Fails the test (instead of hanging) when Run() does not return.
  void Stop() {
    if (!thread_.joinable()) return;
    server_.Stop();
    auto returned = returned_future_.wait_for(kWait + 5s);
    EXPECT_EQ(returned, std::future_status::ready) << "Run() did not return";
    if (returned == std::future_status::ready) {
      thread_.join();
    } else {
      thread_.detach();  // Leaks a stuck server rather than hanging the test binary.
    }
  }

 private:
  Server server_;
  std::promise<void> returned_;
  std::future<void> returned_future_ = returned_.get_future();
  std::thread thread_;
};

class ServerTest : public testing::Test {
 protected:
  ServerTest() : assets_{{"static/site.css", "body{color:#222}"}} {
    router_.Add(Method::kGet, "/hello", [](const Request&, const PathParams&) {
      return Text(200, "hello\n");
    });
    router_.Add(Method::kGet, "/items/{id}", [](const Request& r, const PathParams& p) {
      return Text(200, "item " + p.at("id") + (r.Query("q") ? " q=" + std::string(*r.Query("q")) : ""));
    });
    router_.Add(Method::kPost, "/echo", [](const Request& r, const PathParams&) {
      return Text(200, r.body);
    });
    router_.Add(Method::kGet, "/fail", [](const Request&, const PathParams&) -> Response {
      throw std::runtime_error("handler bug");
    });
    router_.Add(Method::kGet, "/slow", [this](const Request&, const PathParams&) {
      slow_entered_.set_value();
      slow_release_.get_future().wait();
      return Text(200, std::string(5000, 's'));
    });
    static_files_.Register(router_);
  }

  RunningServer& Start(ServerSettings settings = TestSettings()) {
    server_.emplace(router_, std::move(settings));
    return *server_;
  }
  std::uint16_t port() const { return server_->port(); }

  // Sends one request on a fresh connection and returns the answer.
  std::optional<WireResponse> Exchange(std::string_view request, bool head = false) {
    RawClient client(port());
    client.Send(request);
    return client.Read(head);
  }

  std::map<std::string_view, std::string_view> assets_;
  StaticFiles static_files_{assets_, "static/", "/static/", std::string(kStaticCacheControl),
                            std::string(kLastModified)};
  Router router_;
  std::promise<void> slow_entered_;
  std::promise<void> slow_release_;
  std::optional<RunningServer> server_;  // Last: stops before the router goes.
};

TEST_F(ServerTest, BindsAnOsChosenPort) {
  Start();
  EXPECT_NE(port(), 0);
  auto response = Exchange("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 200);
  EXPECT_EQ(response->body(), "hello\n");
  EXPECT_EQ((*response)[beast::http::field::server], "Gazette");
  EXPECT_EQ((*response)[beast::http::field::content_length], "6");
  EXPECT_FALSE((*response)[beast::http::field::date].empty());
}

TEST_F(ServerTest, BusyPortIsUnavailable) {
  Start();
  ServerSettings settings = TestSettings();
  settings.port = port();
  try {
    Server second(settings, router_);
    FAIL() << "bound a port in use";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::kUnavailable);
  }
}

TEST_F(ServerTest, KeepAliveServesTwoRequestsOnOneConnection) {
  Start();
  RawClient client(port());
  client.Send("GET /items/1 HTTP/1.1\r\nHost: x\r\n\r\n");
  auto first = client.Read();
  ASSERT_TRUE(first);
  EXPECT_TRUE(first->keep_alive());
  client.Send("GET /items/2?q=a+b HTTP/1.1\r\nHost: x\r\n\r\n");
  auto second = client.Read();
  ASSERT_TRUE(second);
  EXPECT_EQ(first->body(), "item 1");
  EXPECT_EQ(second->body(), "item 2 q=a b");
}

TEST_F(ServerTest, Http10ClosesUnlessKeepAliveAsked) {
  Start();
  {
    RawClient client(port());
    client.Send("GET /hello HTTP/1.0\r\n\r\n");
    auto response = client.Read();
    ASSERT_TRUE(response);
    EXPECT_EQ(response->version(), 10u);
    EXPECT_EQ(response->body(), "hello\n");
    EXPECT_TRUE(client.ClosedWithin());
  }
  RawClient client(port());
  client.Send("GET /items/1 HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
  auto first = client.Read();
  ASSERT_TRUE(first);
  EXPECT_TRUE(first->keep_alive());
  client.Send("GET /items/2 HTTP/1.0\r\n\r\n");
  auto second = client.Read();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->body(), "item 2");
  EXPECT_TRUE(client.ClosedWithin());
}

TEST_F(ServerTest, PipelinedRequestsAreAnsweredInOrder) {
  Start();
  RawClient client(port());
  client.Send(
      "GET /items/1 HTTP/1.1\r\nHost: x\r\n\r\n"
      "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\n\r\nbody"
      "GET /items/3 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  std::vector<std::string> bodies;
  for (int i = 0; i < 3; ++i) {
    auto response = client.Read();
    ASSERT_TRUE(response) << i;
    bodies.push_back(response->body());
  }
  EXPECT_EQ(bodies, (std::vector<std::string>{"item 1", "body", "item 3"}));
  EXPECT_TRUE(client.ClosedWithin());
}

TEST_F(ServerTest, HeadSendsGetHeadersWithoutBody) {
  Start();
  RawClient client(port());
  client.Send("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  auto head = client.Read(/*head=*/true);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->result_int(), 200);
  EXPECT_EQ((*head)[beast::http::field::content_length], "6");
  // Had a body been sent, it would be read here as the next response's start.
  client.Send("GET /items/9 HTTP/1.1\r\nHost: x\r\n\r\n");
  auto next = client.Read();
  ASSERT_TRUE(next);
  EXPECT_EQ(next->body(), "item 9");
}

TEST_F(ServerTest, BodiesOfGetAreReadAndIgnored) {
  Start();
  RawClient client(port());
  client.Send(
      "GET /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello"
      "GET /items/2 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
      "GET /items/3 HTTP/1.1\r\nHost: x\r\n\r\n");
  for (std::string_view expected : {"hello\n", "item 2", "item 3"}) {
    auto response = client.Read();
    ASSERT_TRUE(response) << expected;
    EXPECT_EQ(response->body(), expected);
  }
}

TEST_F(ServerTest, PostBodiesReachHandlers) {
  Start();
  auto plain = Exchange("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world");
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->body(), "hello world");
  auto chunked = Exchange(
      "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
      "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
  ASSERT_TRUE(chunked);
  EXPECT_EQ(chunked->body(), "hello world");
  RawClient client(port());
  client.Send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n");
  auto go_on = client.Read(/*head=*/true);
  ASSERT_TRUE(go_on);
  EXPECT_EQ(go_on->result_int(), 100);
  client.Send("ok");
  auto echoed = client.Read();
  ASSERT_TRUE(echoed);
  EXPECT_EQ(echoed->body(), "ok");
}

// Each refused request gets its status, then the connection closes.
void ExpectRefused(std::uint16_t port, std::string_view request, int status) {
  RawClient client(port);
  client.Send(request);
  auto response = client.Read();
  ASSERT_TRUE(response) << "no answer, expected " << status;
  EXPECT_EQ(response->result_int(), status) << request.substr(0, 60);
  EXPECT_FALSE(response->keep_alive());
  EXPECT_TRUE(client.ClosedWithin()) << status;
}

TEST_F(ServerTest, LongRequestLineIs414) {
  Start();
  std::string over_target = "/" + std::string(2000, 'a');  // Over the target limit only.
  ExpectRefused(port(), "GET " + over_target + " HTTP/1.1\r\nHost: x\r\n\r\n", 414);
  std::string over_header = "/" + std::string(10000, 'a');  // Over the header limit too.
  ExpectRefused(port(), "GET " + over_header + " HTTP/1.1\r\nHost: x\r\n\r\n", 414);
}

TEST_F(ServerTest, LargeHeaderBlockIs431) {
  Start();
  std::string request = "GET /hello HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 40; ++i) request += "X-Filler-" + std::to_string(i) + ": " + std::string(200, 'v') + "\r\n";
  ExpectRefused(port(), request + "\r\n", 431);
}

TEST_F(ServerTest, LargeBodyIs413) {
  Start();
  ExpectRefused(port(), "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n", 413);
  std::string chunked = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 3; ++i) chunked += "200\r\n" + std::string(512, 'b') + "\r\n";
  ExpectRefused(port(), chunked + "0\r\n\r\n", 413);
}

TEST_F(ServerTest, MalformedRequestsAre400) {
  Start();
  for (std::string_view request : {
           "garbage\r\n\r\n",
           "GET /hello HTTP/9.9\r\n\r\n",
           "GET /hello HTTP/1.1\r\nBad Header: x\r\n\r\n",
           "GET /hello HTTP/1.1\r\nContent-Length: x\r\n\r\n",
           "GET /a/../b HTTP/1.1\r\nHost: x\r\n\r\n",
           "GET /%2e%2e/x HTTP/1.1\r\nHost: x\r\n\r\n",
           "GET /%ff HTTP/1.1\r\nHost: x\r\n\r\n",
           "GET /a%00 HTTP/1.1\r\nHost: x\r\n\r\n",
           "GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n",
           "GET nopath HTTP/1.1\r\nHost: x\r\n\r\n",
       }) {
    SCOPED_TRACE(request);
    ExpectRefused(port(), request, 400);
  }
}

TEST_F(ServerTest, RoutingStatuses) {
  Start();
  auto missing = Exchange("GET /nothing/here HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->result_int(), 404);
  auto wrong_method = Exchange("DELETE /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(wrong_method);
  EXPECT_EQ(wrong_method->result_int(), 405);
  EXPECT_EQ((*wrong_method)[beast::http::field::allow], "GET, HEAD");
  auto failing = Exchange("GET /fail HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(failing);
  EXPECT_EQ(failing->result_int(), 500);
  EXPECT_EQ(failing->body().find("handler bug"), std::string::npos);
}

TEST_F(ServerTest, StaticAssetAnswers304ToMatchingValidators) {
  Start();
  auto full = Exchange("GET /static/site.css HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(full);
  EXPECT_EQ(full->result_int(), 200);
  EXPECT_EQ(full->body(), "body{color:#222}");
  EXPECT_EQ((*full)[beast::http::field::content_type], "text/css; charset=utf-8");
  EXPECT_EQ((*full)[beast::http::field::cache_control], kStaticCacheControl);
  const std::string etag((*full)[beast::http::field::etag]);
  ASSERT_FALSE(etag.empty());

  struct Case {
    std::string conditions;
    int status;
  };
  const Case cases[] = {
      {"If-None-Match: " + etag, 304},
      {"If-None-Match: \"other\", W/" + etag, 304},
      {"If-None-Match: *", 304},
      {"If-None-Match: \"other\"", 200},
      {"If-Modified-Since: " + std::string(kLastModified), 304},
      {"If-Modified-Since: Mon, 01 Jan 2024 00:00:00 GMT", 304},
      {"If-Modified-Since: Sat, 05 Nov 1994 00:00:00 GMT", 200},
      {"If-None-Match: \"other\"\r\nIf-Modified-Since: Mon, 01 Jan 2024 00:00:00 GMT", 200},
  };
  for (const Case& c : cases) {
    RawClient client(port());
    client.Send("GET /static/site.css HTTP/1.1\r\nHost: x\r\n" + c.conditions + "\r\n\r\n");
    auto response = client.Read();
    ASSERT_TRUE(response) << c.conditions;
    EXPECT_EQ(response->result_int(), c.status) << c.conditions;
    EXPECT_EQ((*response)[beast::http::field::etag], etag);
    if (c.status == 304) {
      EXPECT_TRUE(response->body().empty());
      EXPECT_TRUE((*response)[beast::http::field::content_type].empty());
      // The connection stays usable: no stray body bytes follow a 304.
      client.Send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
      auto next = client.Read();
      ASSERT_TRUE(next);
      EXPECT_EQ(next->body(), "hello\n");
    }
  }
}

TEST_F(ServerTest, SlowClientIsCutOff) {
  ServerSettings settings = TestSettings();
  settings.request_timeout = 300ms;
  Start(settings);
  RawClient half(port());
  half.Send("GET /hello HTTP/1.1\r\nHost: x\r\n");  // And then nothing.
  EXPECT_TRUE(half.ClosedWithin());
  EXPECT_EQ(half.unread(), "");
  RawClient silent(port());  // Connects and never speaks.
  EXPECT_TRUE(silent.ClosedWithin());
}

TEST_F(ServerTest, IdleKeepAliveConnectionIsClosed) {
  ServerSettings settings = TestSettings();
  settings.idle_timeout = 300ms;
  Start(settings);
  RawClient client(port());
  client.Send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(client.Read());
  EXPECT_TRUE(client.ClosedWithin());
}

TEST_F(ServerTest, StopLetsInFlightRequestFinish) {
  auto& server = Start();
  RawClient idle(port());  // A keep-alive connection between requests.
  idle.Send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(idle.Read());

  RawClient busy(port());
  busy.Send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_EQ(slow_entered_.get_future().wait_for(kWait), std::future_status::ready);
  server.server().Stop();
  EXPECT_TRUE(idle.ClosedWithin());  // Shutdown has begun while /slow is still running.
  slow_release_.set_value();

  auto response = busy.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 200);
  EXPECT_EQ(response->body(), std::string(5000, 's'));
  EXPECT_FALSE(response->keep_alive());
  EXPECT_TRUE(busy.ClosedWithin());
  server.Stop();  // Fails if Run() does not return.
}

TEST(ServerLifecycleTest, StopBeforeRunReturnsAtOnce) {
  Router router;
  Server server(TestSettings(), router);
  server.Stop();
  auto run = std::async(std::launch::async, [&server] { server.Run(); });
  EXPECT_EQ(run.wait_for(kWait), std::future_status::ready);
}

TEST(ServerLifecycleTest, ShutdownGraceCutsOffStuckClients) {
  Router router;
  ServerSettings settings = TestSettings();
  settings.shutdown_grace = 200ms;
  std::optional<RunningServer> server(std::in_place, router, settings);
  RawClient stuck(server->port());
  stuck.Send("GET /hello HTTP/1.1\r\nHost: x\r\n");  // Mid-request: not idle.
  server->Stop();  // Returns only once Run() has.
  EXPECT_TRUE(stuck.ClosedWithin());
}

TEST(AccessLogTest, LogsOneLinePerRequest) {
  std::ostringstream lines;
  auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(lines);
  sink->set_pattern("%v");
  spdlog::drop("access");
  spdlog::register_logger(std::make_shared<spdlog::logger>("access", sink));

  Router router;
  router.Add(Method::kGet, "/items/{id}", [](const Request&, const PathParams& p) {
    return Text(200, "item " + p.at("id"));
  });
  ServerSettings settings = TestSettings();
  settings.access_log = true;
  {
    RunningServer server(router, settings);
    RawClient client(server.port());
    client.Send("GET /items/5?x=1 HTTP/1.1\r\nHost: x\r\nUser-Agent: test-agent/1.0\r\n\r\n");
    ASSERT_TRUE(client.Read());
    client.Send("GARBAGE\r\n\r\n");
    ASSERT_TRUE(client.Read());
  }  // Stopped: every line is written.
  spdlog::drop("access");

  std::string log = lines.str();
  EXPECT_NE(log.find("127.0.0.1 \"GET /items/5?x=1\" 200 6 "), std::string::npos) << log;
  EXPECT_NE(log.find("ms \"test-agent/1.0\"\n"), std::string::npos) << log;
  EXPECT_NE(log.find("127.0.0.1 \"- -\" 400 "), std::string::npos) << log;
}

}  // namespace
}  // namespace gazette::http
