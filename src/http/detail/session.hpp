#pragma once
// One client connection: reads requests within the limits and timeouts of ServerSettings,
// answers them through the Router, one at a time and in order. See docs/http.md.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <spdlog/logger.h>

#include "http/detail/deadlines.hpp"
#include "http/detail/wire.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "http/trusted_proxies.hpp"

namespace gazette::http::detail {

// What all sessions of one server share. Must outlive them.
struct SessionContext {
  const ServerSettings& settings;
  const Router& router;
  spdlog::logger* access_log;  // Null when access logging is off.
  // Set once the server shuts down, before it calls Shutdown() on each session.
  const std::atomic<bool>& stopping;
  // Requests read and not yet answered, across all sessions (ServerSettings::max_in_flight).
  std::atomic<std::size_t>& in_flight;
  // Where requests that the router's shortcut does not answer are handled.
  boost::asio::io_context::executor_type workers;
  // Peers whose X-Forwarded-For names the client (ServerSettings::trusted_proxies).
  const TrustedProxies& proxies;
};

// Shared ownership because the coroutine, the server's list of open connections and the
// shutdown notices posted to it all need the session alive, and any of them may end last.
class Session : public std::enable_shared_from_this<Session>, private Expiring {
 public:
  // A socket bound to one io_context, which one thread runs: the session's steps never overlap
  // without a strand. `deadlines` belongs to that io_context.
  using Socket = boost::asio::basic_stream_socket<boost::asio::ip::tcp, boost::asio::io_context::executor_type>;
  Session(Socket socket, const SessionContext& context, Deadlines& deadlines);

  // Serves requests until the client leaves, a timeout, an error answer or Shutdown(). Never
  // throws; closes the socket before it returns.
  boost::asio::awaitable<void> Run();

  // Finishes the request in progress, if any, with "Connection: close"; closes at once when
  // the connection is idle. Thread-safe.
  void Shutdown();
  // Closes the connection now, cutting off whatever is in progress. Thread-safe.
  void ForceClose();

  Socket::executor_type executor() { return socket_.get_executor(); }

 private:
  using Clock = std::chrono::steady_clock;
  using Parser = boost::beast::http::request_parser<boost::beast::http::string_body>;

  boost::asio::awaitable<void> Serve();
  // Reads and answers one request. Returns whether the connection stays open.
  boost::asio::awaitable<bool> ServeOne(Clock::time_point deadline);
  // Answers a request the session refused (400, 413, 414, 431), then closes. Returns false.
  boost::asio::awaitable<bool> Refuse(int status, const Parser& parser, Clock::time_point start);
  // Adds the framing fields and writes; no body for HEAD. Returns whether it was all sent.
  boost::asio::awaitable<bool> Write(Response response, unsigned version, bool keep_alive,
                                     bool head);
  boost::asio::awaitable<void> LingeringClose();
  // The router's answer, routed on a worker: for requests its shortcut did not answer.
  boost::asio::awaitable<Response> Answer(const Request& request) const;
  void Log(const Parser& parser, int status, std::size_t body_bytes, Clock::time_point start);

  // Closes the socket: whatever operation is pending ends with an error.
  void Expire() override;

  const SessionContext& context_;
  Deadlines& deadlines_;
  Socket socket_;
  boost::beast::flat_buffer buffer_;
  std::string client_address_;  // The peer's.
  std::string client_;          // The current request's client: the peer, or who a proxy names.
  std::string head_;  // The status line and the session's fields of the answer being written.
  bool idle_ = false;  // Waiting for the first byte of a request.
};

}  // namespace gazette::http::detail
