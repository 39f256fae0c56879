// Listener, threads and graceful shutdown: docs/http.md.
#include "http/server.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <set>
#include <thread>
#include <vector>

#include <array>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/write.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <spdlog/spdlog.h>

#include "http/detail/access_log.hpp"
#include "http/detail/deadlines.hpp"
#include "http/detail/session.hpp"
#include "news/error.hpp"

namespace gazette::http {
namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

asio::awaitable<void> RefuseConnection(detail::Session::Socket socket, std::chrono::seconds retry_after);

// Workers render at a lower priority than the I/O threads: when the CPU is busy, the scheduler
// runs hits (microseconds each) before renders (a millisecond or more), and renders still get
// their share. Linux applies a nice value to a single thread.
void LowerThisThreadsPriority() {
  constexpr int kWorkerNice = 5;
  if (setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kWorkerNice) != 0) {
    spdlog::debug("cannot lower a worker thread's priority: {}", std::strerror(errno));
  }
}

}  // namespace

// Everything below `control` is touched only on that strand, so the acceptor, the signal
// wait, the grace timer and the list of open sessions need no lock.
struct Server::Impl {
  Impl(ServerSettings settings_in, const Router& router_in)
      : settings(std::move(settings_in)),
        router(router_in),
        control(asio::make_strand(io)),
        acceptor(control),
        signals(control, SIGINT, SIGTERM),
        grace_timer(control),
        access_log(settings.access_log ? detail::AccessLogger() : nullptr),
        proxies(settings.trusted_proxies),
        context{settings, router, access_log.get(), stopping, in_flight, workers.get_executor(), proxies} {}

  void Listen();
  void Start();
  void BeginShutdown();
  void Forget(const std::shared_ptr<detail::Session>& session);
  asio::awaitable<void> Accept();

  const ServerSettings settings;
  const Router& router;
  std::atomic<bool> stopping{false};  // Written on `control` only; sessions read it.
  std::atomic<std::size_t> in_flight{0};
  std::atomic<int> refusing{0};  // Connections being answered 503 beyond max_connections.
  asio::io_context io{1};
  // One io_context per I/O thread beyond the first (see Run), so that threads share no
  // scheduler lock and do not wake each other: each connection lives on one of them.
  std::vector<std::unique_ptr<asio::io_context>> extra_io;
  // The connections' deadlines, one per I/O thread: `io`'s first, then extra_io's in order.
  std::vector<std::unique_ptr<detail::Deadlines>> deadlines;
  std::size_t accepted = 0;  // On `control`: picks the next connection's io_context.
  asio::io_context workers;  // Handlers that are not cache hits; see ServerSettings::workers.
  asio::strand<asio::io_context::executor_type> control;
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::steady_timer grace_timer;
  std::shared_ptr<spdlog::logger> access_log;
  const TrustedProxies proxies;
  detail::SessionContext context;
  std::uint16_t port = 0;
  std::set<std::shared_ptr<detail::Session>> sessions;
};

void Server::Impl::Listen() {
  const std::string where = settings.address + ":" + std::to_string(settings.port);
  try {
    // A literal address needs no lookup; a name such as "localhost" takes its first address.
    boost::system::error_code not_literal;
    auto address = asio::ip::make_address(settings.address, not_literal);
    tcp::endpoint endpoint{address, settings.port};
    if (not_literal) {
      tcp::resolver resolver(io);
      endpoint = *resolver.resolve(settings.address, std::to_string(settings.port),
                                   tcp::resolver::passive | tcp::resolver::numeric_service)
                      .begin();
    }
    acceptor.open(endpoint.protocol());
    acceptor.set_option(tcp::acceptor::reuse_address(true));
    acceptor.bind(endpoint);
    acceptor.listen(asio::socket_base::max_listen_connections);
    port = acceptor.local_endpoint().port();
  } catch (const boost::system::system_error& error) {
    throw Error(ErrorKind::kUnavailable, "cannot listen on " + where + ": " + error.what());
  }
}

// Runs on `control`.
void Server::Impl::Start() {
  if (stopping) return;  // Stop() came before Run().
  signals.async_wait([this](const boost::system::error_code& ec, int signal) {
    if (ec) return;
    spdlog::info("signal {}: shutting down", signal);
    BeginShutdown();
  });
  asio::co_spawn(control, Accept(), [](std::exception_ptr error) {
    if (!error) return;
    try {
      std::rethrow_exception(error);
    } catch (const std::exception& e) {
      spdlog::error("accept loop failed, no new connections: {}", e.what());
    } catch (...) {
      spdlog::error("accept loop failed, no new connections");
    }
  });
}

asio::awaitable<void> Server::Impl::Accept() {
  constexpr auto kUseTuple = asio::as_tuple(asio::use_awaitable);
  while (!stopping) {
    // One thread runs each io_context: a connection's steps never overlap, and connections on
    // different threads run in parallel.
    const std::size_t pick = accepted++ % (extra_io.size() + 1);
    auto& connection_io = pick == 0 ? io : *extra_io[pick - 1];
    auto [ec, socket] = co_await acceptor.async_accept(connection_io.get_executor(), kUseTuple);
    if (stopping || ec == asio::error::operation_aborted) co_return;
    if (ec) {
      // Out of file descriptors and the like: pause instead of spinning.
      spdlog::warn("accept failed: {}", ec.message());
      asio::steady_timer pause(control, std::chrono::milliseconds(100));
      co_await pause.async_wait(kUseTuple);
      continue;
    }
    if (sessions.size() >= settings.max_connections) {
      // Past a few refusals in progress, even the 503 costs too much: just close.
      if (refusing.load() < 64) {
        ++refusing;
        auto executor = socket.get_executor();
        asio::co_spawn(executor, RefuseConnection(std::move(socket), settings.retry_after),
                       [this](std::exception_ptr) { --refusing; });
      }
      continue;
    }
    auto session = std::make_shared<detail::Session>(std::move(socket), context, *deadlines[pick]);
    sessions.insert(session);
    asio::co_spawn(session->executor(), session->Run(),
                   [this, session](std::exception_ptr) { Forget(session); });
  }
}

namespace {

// Answers a connection beyond max_connections with 503 and closes it, within about a second.
asio::awaitable<void> RefuseConnection(detail::Session::Socket accepted, std::chrono::seconds retry_after) {
  constexpr auto kUseTuple = asio::as_tuple(asio::use_awaitable);
  const std::string body = "503 Service Unavailable\n";
  const std::string answer = "HTTP/1.1 503 Service Unavailable\r\nServer: Gazette\r\nRetry-After: " +
                             std::to_string(retry_after.count()) +
                             "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " +
                             std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
  // Shared with the timer's handler, which may run after this coroutine has ended.
  auto socket = std::make_shared<detail::Session::Socket>(std::move(accepted));
  // A second at most: then the socket closes and the operation in progress ends.
  asio::steady_timer limit(socket->get_executor(), std::chrono::seconds(1));
  limit.async_wait([socket](const boost::system::error_code& ec) {
    boost::system::error_code ignored;
    if (!ec) socket->close(ignored);
  });
  auto [ec, n] = co_await boost::asio::async_write(*socket, asio::buffer(answer), kUseTuple);
  boost::system::error_code ignored;
  if (!ec) {
    // Read what the client sent meanwhile, so that closing does not reset the answer away.
    socket->shutdown(tcp::socket::shutdown_send, ignored);
    std::array<char, 4096> sink;
    for (;;) {
      auto [read_error, read] = co_await socket->async_read_some(asio::buffer(sink), kUseTuple);
      if (read_error) break;
    }
  }
  limit.cancel();
  socket->close(ignored);
}

}  // namespace

// Runs on `control`.
void Server::Impl::BeginShutdown() {
  if (stopping) return;
  stopping = true;
  boost::system::error_code ignored;
  acceptor.close(ignored);
  signals.cancel(ignored);
  for (const auto& session : sessions) session->Shutdown();
  if (sessions.empty()) return;
  grace_timer.expires_after(settings.shutdown_grace);
  grace_timer.async_wait([this](const boost::system::error_code& ec) {
    if (ec) return;
    if (!sessions.empty()) spdlog::warn("closing {} connections after the grace", sessions.size());
    for (const auto& session : sessions) session->ForceClose();
  });
}

// Called on the session's strand when its coroutine has ended.
void Server::Impl::Forget(const std::shared_ptr<detail::Session>& session) {
  asio::post(control, [this, session] {
    sessions.erase(session);
    // The pending grace timer would keep Run() waiting for nothing.
    if (stopping && sessions.empty()) grace_timer.cancel();
  });
}

Server::Server(ServerSettings settings, const Router& router)
    : impl_(std::make_unique<Impl>(std::move(settings), router)) {
  impl_->Listen();
}

Server::~Server() = default;

std::uint16_t Server::port() const { return impl_->port; }

void Server::Run() {
  Impl& impl = *impl_;
  asio::post(impl.control, [&impl] { impl.Start(); });
  int threads = impl.settings.threads > 0 ? impl.settings.threads
                                          : static_cast<int>(std::thread::hardware_concurrency());
  auto run = [](asio::io_context& io) {
    // Handlers report their failures themselves; this only keeps a thread from dying silently.
    for (;;) {
      try {
        io.run();
        return;
      } catch (const std::exception& error) {
        spdlog::error("I/O thread: {}", error.what());
      }
    }
  };
  // The extra io_contexts run until the main one, which holds the listener and waits for every
  // session to end, has finished.
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> keep_running;
  impl.deadlines.push_back(std::make_unique<detail::Deadlines>(impl.io));
  for (int i = 1; i < threads; ++i) {
    impl.extra_io.push_back(std::make_unique<asio::io_context>(1));
    keep_running.push_back(asio::make_work_guard(*impl.extra_io.back()));
    impl.deadlines.push_back(std::make_unique<detail::Deadlines>(*impl.extra_io.back()));
  }
  std::vector<std::thread> io_threads;
  for (auto& extra : impl.extra_io) io_threads.emplace_back([&run, &extra] { run(*extra); });
  // Workers run until every session has ended: a session waits for the handler it started.
  auto workers_running = asio::make_work_guard(impl.workers);
  const int workers = impl.settings.workers > 0 ? impl.settings.workers
                                                : std::max(2, static_cast<int>(std::thread::hardware_concurrency()));
  std::vector<std::thread> worker_threads;
  for (int i = 0; i < workers; ++i) {
    worker_threads.emplace_back([&run, &impl] {
      LowerThisThreadsPriority();
      run(impl.workers);
    });
  }
  run(impl.io);
  for (auto& guard : keep_running) guard.reset();
  workers_running.reset();
  for (auto& thread : io_threads) thread.join();
  for (auto& thread : worker_threads) thread.join();
}

void Server::Stop() {
  asio::post(impl_->control, [impl = impl_.get()] { impl->BeginShutdown(); });
}

}  // namespace gazette::http
