#pragma once
// The HTTP/1.1 server: Boost.Beast on Asio coroutines, one io_context per I/O thread.
// Knows nothing about news: it parses, checks and times requests, and hands them to a Router.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "http/router.hpp"

namespace gazette::http {

struct ServerSettings {
  // An IPv4 or IPv6 address, or a name such as "localhost" (its first address is used).
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;  // 0: the OS picks; see Server::port().
  int threads = 0;            // I/O threads; 0: one per core.
  // Threads for requests that are not cache hits: renders, form posts, the API. They run at a
  // lower CPU priority than the I/O threads, so a hit never waits behind a render. 0: one per
  // core, at least two (a handler may block on the database).
  int workers = 0;
  // Slow clients hold a socket and memory: a whole request must arrive within this time.
  std::chrono::milliseconds request_timeout{15000};
  // An idle keep-alive connection is closed after this.
  std::chrono::milliseconds idle_timeout{30000};
  // A client that stops reading its response is dropped after this.
  std::chrono::milliseconds write_timeout{30000};
  std::size_t max_target_bytes = 8 * 1024;   // Longer request lines: 414.
  std::size_t max_header_bytes = 16 * 1024;  // Larger header blocks: 431.
  std::size_t max_body_bytes = 1 << 20;      // Larger bodies: 413.
  // On SIGTERM, in-flight requests get this long to finish.
  std::chrono::milliseconds shutdown_grace{10000};
  bool access_log = true;  // One line per request on the "access" spdlog logger.
  // Each open connection holds a socket and buffers (up to max_header_bytes + max_body_bytes),
  // and every connection waits its turn for the I/O threads: beyond this many, a new connection
  // gets 503 with Retry-After and is closed. Keep it under the process's file descriptor limit.
  std::size_t max_connections = 10000;
  // Requests read and not yet answered (receiving a body, being handled, being written) across
  // all connections. Beyond it a request gets 503 with Retry-After at once instead of waiting.
  std::size_t max_in_flight = 1024;
  std::chrono::seconds retry_after{5};  // Sent with those 503s.
  // Load balancers and proxies in front ("127.0.0.1", "10.0.0.0/8"): for a connection from one
  // of them the client is the address it names in X-Forwarded-For (http/trusted_proxies.hpp).
  // Empty: every peer is the client.
  std::vector<std::string> trusted_proxies;
};

class Server {
 public:
  // Binds and listens at once; throws Error kUnavailable when the address cannot be bound.
  Server(ServerSettings settings, const Router& router);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // The bound port (useful with port 0).
  std::uint16_t port() const;

  // Serves until Stop() or SIGTERM/SIGINT, then stops accepting, lets in-flight requests
  // finish (up to shutdown_grace), closes idle connections and returns.
  void Run();

  // Thread-safe; may be called from any thread, also before Run().
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gazette::http
