#pragma once
// Test helpers for http_test: a real Server on a loopback port, and a raw TCP client whose every
// wait has a deadline, so malformed input can be sent and no test can hang.
#include <gtest/gtest.h>

#include <array>
#include <chrono>
#include <functional>
#include <future>
#include <map>
#include <optional>
#include <string>
#include <thread>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>

#include "http/server.hpp"
#include "http/static_files.hpp"

namespace gazette::http::test_support {

namespace asio = boost::asio;
namespace beast = boost::beast;
using asio::ip::tcp;
using namespace std::chrono_literals;
using WireResponse = beast::http::response<beast::http::string_body>;

// Long enough for a loaded CI machine; only reached when something is broken.
inline constexpr std::chrono::milliseconds kWait = 10s;
inline constexpr std::string_view kLastModified = "Sun, 06 Nov 1994 08:49:37 GMT";

inline ServerSettings TestSettings() {
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

}  // namespace gazette::http::test_support
