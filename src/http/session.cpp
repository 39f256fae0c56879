// Connection lifecycle, limits and timeouts: docs/http.md.
#include "http/detail/session.hpp"

#include <algorithm>
#include <array>
#include <limits>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/write.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <spdlog/spdlog.h>

#include "http/detail/access_log.hpp"
#include "http/detail/conditional.hpp"
#include "http/detail/response_head.hpp"
#include "http/detail/target.hpp"

namespace gazette::http::detail {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace {

using Parser = http::request_parser<http::string_body>;

constexpr auto kUseTuple = asio::as_tuple(asio::use_awaitable);
// A client may still be sending when we close after an error answer; reading it for a moment
// keeps the kernel from answering with a RST that can destroy our answer in flight.
constexpr std::chrono::seconds kLinger{1};
constexpr std::size_t kFirstReadBytes = 16 * 1024;

bool IsParseError(const beast::error_code& ec) {
  static const auto& category = beast::error_code(http::error::bad_target).category();
  return ec.category() == category && ec != http::error::end_of_stream &&
         ec != http::error::partial_message;
}

// A header block over the limit is 414 when the request line alone is too long, else 431. The
// parser may stop before it read the request line, so look at the raw bytes it left.
int HeaderLimitStatus(const Parser& parser,
                      std::string_view unparsed, std::size_t max_target_bytes) {
  if (!parser.get().target().empty()) return 431;
  auto end = unparsed.find("\r\n");
  if (end == std::string_view::npos) return 414;
  auto line = unparsed.substr(0, end);
  auto first_space = line.find(' ');
  auto last_space = line.rfind(' ');
  if (first_space == std::string_view::npos || last_space <= first_space) return 431;
  return last_space - first_space - 1 > max_target_bytes ? 414 : 431;
}

// The status for a request the session refuses, or nothing when there is nobody to answer.
std::optional<int> RefusalStatus(const beast::error_code& ec, const Parser& parser,
                                 std::string_view unparsed, const ServerSettings& settings) {
  if (ec == http::error::header_limit) {
    return HeaderLimitStatus(parser, unparsed, settings.max_target_bytes);
  }
  if (ec == http::error::body_limit) return 413;
  if (IsParseError(ec)) return 400;
  return std::nullopt;
}

// Every X-Forwarded-For line of the request, joined as one list.
std::string ForwardedFor(const WireRequest& wire) {
  std::string list;
  const auto [first, last] = wire.equal_range("X-Forwarded-For");
  for (auto field = first; field != last; ++field) {
    if (!list.empty()) list += ',';
    list.append(field->value());
  }
  return list;
}

// Counts a request as in flight for as long as it lives.
class InFlight {
 public:
  explicit InFlight(std::atomic<std::size_t>& count) : count_(count), value_(count.fetch_add(1) + 1) {}
  ~InFlight() { count_.fetch_sub(1); }
  InFlight(const InFlight&) = delete;
  InFlight& operator=(const InFlight&) = delete;
  // How many were in flight, this one included, when it started.
  std::size_t value() const { return value_; }

 private:
  std::atomic<std::size_t>& count_;
  std::size_t value_;
};

}  // namespace

Session::Session(Socket socket, const SessionContext& context, Deadlines& deadlines)
    : context_(context), deadlines_(deadlines), socket_(std::move(socket)) {
  beast::error_code ec;
  auto remote = socket_.remote_endpoint(ec);
  client_address_ = ec ? "-" : remote.address().to_string();
}

asio::awaitable<void> Session::Run() {
  deadlines_.Watch(*this);
  try {
    co_await Serve();
  } catch (const std::exception& error) {
    spdlog::warn("connection from {} failed: {}", client_address_, error.what());
  } catch (...) {
    spdlog::warn("connection from {} failed", client_address_);
  }
  beast::error_code ignored;
  socket_.shutdown(asio::ip::tcp::socket::shutdown_both, ignored);
  socket_.close(ignored);
  deadlines_.Unwatch(*this);
}

void Session::Expire() {
  beast::error_code ignored;
  socket_.close(ignored);
}

void Session::Shutdown() {
  // A busy session sees `stopping` itself and answers with "Connection: close".
  asio::post(executor(), [self = shared_from_this()] {
    beast::error_code ignored;
    if (self->idle_) self->socket_.cancel(ignored);
  });
}

void Session::ForceClose() {
  asio::post(executor(), [self = shared_from_this()] { self->Expire(); });
}

asio::awaitable<void> Session::Serve() {
  const auto& settings = context_.settings;
  // The first request counts from the accept: a client that connects and says nothing is as
  // slow as one that stops halfway.
  auto deadline = Clock::now() + settings.request_timeout;
  for (bool first = true;; first = false) {
    if (buffer_.size() == 0) {
      if (context_.stopping) co_return;
      expiry = first ? deadline : Clock::now() + settings.idle_timeout;
      idle_ = true;
      auto [ec, n] = co_await socket_.async_read_some(buffer_.prepare(kFirstReadBytes), kUseTuple);
      idle_ = false;
      if (ec) co_return;  // The client left or went quiet, or the server is shutting down.
      buffer_.commit(n);
    }
    if (!first) deadline = Clock::now() + settings.request_timeout;
    if (!co_await ServeOne(deadline)) co_return;
  }
}

asio::awaitable<bool> Session::ServeOne(Clock::time_point deadline) {
  const auto& settings = context_.settings;
  const auto start = Clock::now();
  Parser parser;
  parser.header_limit(static_cast<std::uint32_t>(
      std::min<std::size_t>(settings.max_header_bytes, std::numeric_limits<std::uint32_t>::max())));
  parser.body_limit(settings.max_body_bytes);

  expiry = deadline;
  client_ = client_address_;
  auto [ec, n] = co_await http::async_read_header(socket_, buffer_, parser, kUseTuple);
  if (!ec && !context_.proxies.empty()) client_ = context_.proxies.ClientAddress(client_address_, ForwardedFor(parser.get()));
  std::optional<ParsedTarget> target;
  std::optional<InFlight> in_flight;
  if (!ec) {
    // Check the target before reading a body that would only be thrown away.
    std::string_view raw_target = parser.get().target();
    if (raw_target.size() > settings.max_target_bytes) co_return co_await Refuse(414, parser, start);
    // Beast applies header_limit to what it has not yet parsed, so many small header lines that
    // arrive in pieces can pass it: check the whole header block that the parser consumed.
    if (n > settings.max_header_bytes) co_return co_await Refuse(431, parser, start);
    target = ParseTarget(raw_target);
    if (!target) co_return co_await Refuse(400, parser, start);
    // Over capacity: say so at once, so the client can come back, rather than queue.
    in_flight.emplace(context_.in_flight);
    if (in_flight->value() > settings.max_in_flight) co_return co_await Refuse(503, parser, start);
    if (!parser.is_done()) {
      if (beast::iequals(parser.get()[http::field::expect], "100-continue")) {
        http::response<http::empty_body> go_on{http::status::continue_, parser.get().version()};
        std::tie(ec, n) = co_await http::async_write(socket_, go_on, kUseTuple);
      }
      if (!ec) std::tie(ec, n) = co_await http::async_read(socket_, buffer_, parser, kUseTuple);
    }
  }
  if (ec) {
    const auto* data = static_cast<const char*>(buffer_.data().data());
    if (auto status = RefusalStatus(ec, parser, {data, buffer_.size()}, settings)) {
      co_return co_await Refuse(*status, parser, start);
    }
    co_return false;  // Timeout, or the client left mid-request: nobody to answer.
  }

  expiry = DeadlineClock::time_point::max();  // The handler's time is not the client's.
  auto& wire = parser.get();
  Request request = ToRequest(wire, std::move(*target), client_);
  // A cache hit is answered here; anything else on a worker (Answer), so no coroutine frame is
  // made for the many hits.
  // Not a ?: around the co_await: built with GCC 12, that form crashed in the write that follows.
  Response response;
  if (auto hit = context_.router.TryShortcut(request)) response = std::move(*hit);  // Maps its own exceptions.
  else response = co_await Answer(request);
  if (IsNotModified(request, response)) response = NotModified(response);
  const bool head = request.method == Method::kHead;
  const bool keep_alive = wire.keep_alive() && !context_.stopping;
  const int status = response.status;
  const bool bodiless = head || status == 204 || status == 304;
  const std::size_t body_bytes = bodiless ? 0 : response.Body().size();
  const bool sent = co_await Write(std::move(response), wire.version(), keep_alive, head);
  Log(parser, status, sent ? body_bytes : 0, start);
  if (!sent) co_return false;
  if (!keep_alive) {
    co_await LingeringClose();
    co_return false;
  }
  co_return true;
}

namespace {

// The router's exception mapping catches what handlers throw; this catches what escapes it
// (bad_alloc, ...) and any status outside what a final answer may have.
template <class Step>
Response Checked(const Request& request, Step step) {
  try {
    Response response = step();
    // 1xx would change the framing under us; anything outside 100-599 is not HTTP.
    if (response.status >= 200 && response.status <= 599) return response;
    spdlog::error("request {} answered with status {}", request.target, response.status);
  } catch (const std::exception& error) {
    spdlog::error("request {} failed: {}", request.target, error.what());
  } catch (...) {
    spdlog::error("request {} failed with a non-standard exception", request.target);
  }
  return StatusPage(500);
}

}  // namespace

asio::awaitable<Response> Session::Answer(const Request& request) const {
  // Renders and writes can take milliseconds and may block on the database: on this thread
  // they would hold up every other connection it serves, hits included.
  const Router& router = context_.router;
  co_return co_await asio::co_spawn(
      context_.workers,
      [&router, &request]() -> asio::awaitable<Response> {
        co_return Checked(request, [&] { return router.DispatchRoutes(request); });
      },
      asio::use_awaitable);
}

asio::awaitable<bool> Session::Refuse(int status, const Parser& parser, Clock::time_point start) {
  Response page = StatusPage(status);
  if (status == 503) page.Header("Retry-After", std::to_string(context_.settings.retry_after.count()));
  const std::size_t body_bytes = page.body.size();
  const bool sent = co_await Write(std::move(page), 11, false, false);
  Log(parser, status, sent ? body_bytes : 0, start);
  if (sent) co_await LingeringClose();
  co_return false;
}

asio::awaitable<bool> Session::Write(Response response, unsigned version, bool keep_alive,
                                     bool head) {
  // A client that stops reading must not hold the connection forever.
  expiry = Clock::now() + context_.settings.write_timeout;
  // One gather write: the session's fields, the handler's (shared, prepared once, for cached
  // pages), and the body, which `response` keeps alive until the write ends.
  const bool has_body = HasBody(response.status);
  const std::string_view body = has_body && !head ? response.Body() : std::string_view();
  WriteResponseHead(head_, response.status, has_body ? response.Body().size() : 0, version, keep_alive);
  std::string own_fields;
  if (!response.prepared_head) own_fields = SerializeHeaderFields(response.headers);
  const std::string& fields = response.prepared_head ? response.prepared_head->wire : own_fields;
  const std::array<asio::const_buffer, 4> buffers{asio::buffer(head_), asio::buffer(fields),
                                                  asio::buffer("\r\n", 2), asio::buffer(body)};
  auto [ec, n] = co_await asio::async_write(socket_, buffers, kUseTuple);
  co_return !ec;
}

asio::awaitable<void> Session::LingeringClose() {
  beast::error_code ignored;
  socket_.shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
  expiry = Clock::now() + kLinger;
  std::array<char, 4096> sink;
  for (;;) {
    auto [ec, n] = co_await socket_.async_read_some(asio::buffer(sink), kUseTuple);
    if (ec) break;
  }
}

void Session::Log(const Parser& parser, int status, std::size_t body_bytes,
                  Clock::time_point start) {
  if (context_.access_log == nullptr) return;
  const auto& wire = parser.get();
  std::string_view method = wire.method_string();
  std::string_view target = wire.target();
  AccessRecord record{
      .client_address = client_,
      .method = method.empty() ? "-" : method,
      .target = target.empty() ? "-" : target,
      .status = status,
      .body_bytes = body_bytes,
      .duration = Clock::now() - start,
      .user_agent = wire[http::field::user_agent],
  };
  context_.access_log->info(FormatAccess(record));
}

}  // namespace gazette::http::detail
