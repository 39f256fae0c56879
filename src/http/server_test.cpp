// The server's life: binding, timeouts, graceful shutdown, signals, the access log. Waits are
// generous upper bounds; no test asserts how fast anything happens.
#include <gtest/gtest.h>

#include <csignal>
#include <sstream>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>

#include "http/test_support.hpp"
#include "news/error.hpp"

namespace gazette::http::test_support {
namespace {

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

TEST(ServerLifecycleTest, ListensOnHostNames) {
  Router router;
  ServerSettings settings = TestSettings();
  settings.address = "localhost";
  Server server(settings, router);
  EXPECT_NE(server.port(), 0);
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

// Timeouts bound the client, not the handler: a render longer than request_timeout is answered.
TEST_F(ServerTest, SlowHandlerOutlastsRequestTimeout) {
  ServerSettings settings = TestSettings();
  settings.request_timeout = 200ms;
  Start(settings);
  RawClient client(port());
  client.Send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_EQ(slow_entered_.get_future().wait_for(kWait), std::future_status::ready);
  std::this_thread::sleep_for(600ms);  // Three request timeouts, and more than one sweep.
  slow_release_.set_value();
  auto response = client.Read();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->result_int(), 200);
}

// A client that stops reading holds a socket and the response's memory: after write_timeout
// the connection is dropped, before the answer was all sent.
TEST(ServerLifecycleTest, ClientThatStopsReadingIsDropped) {
  constexpr std::size_t kBig = 32 << 20;  // Far more than the loopback socket buffers hold.
  Router router;
  router.Add(Method::kGet, "/big", [](const Request&, const PathParams&) { return Text(200, std::string(kBig, 'b')); });
  ServerSettings settings = TestSettings();
  settings.write_timeout = 300ms;
  RunningServer server(router, settings);
  RawClient client(server.port());
  client.Send("GET /big HTTP/1.1\r\nHost: x\r\n\r\n");
  std::this_thread::sleep_for(1s);  // Reads nothing meanwhile.
  EXPECT_TRUE(client.ClosedWithin());
  EXPECT_LT(client.unread().size(), kBig);
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

// Handlers run on worker threads, shortcuts (cache hits) on the I/O thread: with one I/O thread,
// a handler that blocks must hold up neither. (Before workers existed this test deadlocked.)
TEST_F(ServerTest, BlockedHandlerHoldsUpNoOtherRequest) {
  router_.SetShortcut([](const Request& request) -> std::optional<Response> {
    if (request.path == "/cached") return Text(200, "from the shortcut\n");
    return std::nullopt;
  });
  ServerSettings settings = TestSettings();
  settings.threads = 1;
  settings.workers = 2;
  Start(settings);
  RawClient busy(port());
  busy.Send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_EQ(slow_entered_.get_future().wait_for(kWait), std::future_status::ready);

  auto hit = Exchange("GET /cached HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->body(), "from the shortcut\n");
  auto routed = Exchange("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");  // On the other worker.
  ASSERT_TRUE(routed);
  EXPECT_EQ(routed->body(), "hello\n");

  slow_release_.set_value();
  auto slow = busy.Read();
  ASSERT_TRUE(slow);
  EXPECT_EQ(slow->body(), std::string(5000, 's'));
}

TEST(ServerLifecycleTest, StopBeforeRunReturnsAtOnce) {
  Router router;
  Server server(TestSettings(), router);
  server.Stop();
  auto run = std::async(std::launch::async, [&server] { server.Run(); });
  EXPECT_EQ(run.wait_for(kWait), std::future_status::ready);
}

TEST(ServerLifecycleTest, SigtermStopsRun) {
  Router router;
  router.Add(Method::kGet, "/hello", [](const Request&, const PathParams&) {
    return Text(200, "hello\n");
  });
  Server server(TestSettings(), router);
  auto run = std::async(std::launch::async, [&server] { server.Run(); });
  RawClient client(server.port());
  client.Send("GET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(client.Read());  // Serving, so the signal handler is in place.
  std::raise(SIGTERM);
  EXPECT_TRUE(client.ClosedWithin());
  if (run.wait_for(kWait) != std::future_status::ready) {
    ADD_FAILURE() << "Run() did not return after SIGTERM";
    server.Stop();
  }
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
}  // namespace gazette::http::test_support
