// How the session frames a response: docs/http.md, "Writing".
#include "http/detail/response_head.hpp"

#include <chrono>
#include <string>

#include <boost/beast/core/string.hpp>
#include <boost/beast/http/status.hpp>
#include <spdlog/spdlog.h>

#include "http/http_date.hpp"

namespace gazette::http {
namespace {

bool IsSafeFieldText(std::string_view text) {
  return text.find_first_of(std::string_view("\r\n\0", 3)) == std::string_view::npos;
}

// The session owns framing and these fields; a handler's copy would contradict it.
bool IsSessionField(std::string_view name) {
  for (std::string_view own : {"Content-Length", "Transfer-Encoding", "Connection", "Date", "Server"}) {
    if (boost::beast::iequals(name, own)) return true;
  }
  return false;
}

}  // namespace

std::string SerializeHeaderFields(const HeaderFields& headers) {
  std::string out;
  for (const auto& [name, value] : headers) {
    if (name.empty() || !IsSafeFieldText(name) || !IsSafeFieldText(value)) {
      spdlog::warn("dropped a response header field holding CR, LF or NUL");
      continue;
    }
    if (IsSessionField(name)) continue;
    out.append(name).append(": ").append(value).append("\r\n");
  }
  return out;
}

namespace detail {

bool HasBody(int status) { return status >= 200 && status != 204 && status != 304; }

std::string_view HttpDateNow() {
  thread_local std::chrono::system_clock::time_point formatted_second{};
  thread_local std::string text;
  const auto second = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  if (second != formatted_second || text.empty()) {
    text = FormatHttpDate(second);
    formatted_second = second;
  }
  return text;
}

void WriteResponseHead(std::string& head, int status, std::size_t body_bytes, unsigned version, bool keep_alive) {
  const auto reason = boost::beast::http::obsolete_reason(static_cast<boost::beast::http::status>(status));
  head.clear();
  head.append(version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ").append(std::to_string(status)).append(" ");
  head.append(reason.data(), reason.size()).append("\r\nServer: Gazette\r\nDate: ").append(HttpDateNow()).append("\r\n");
  if (HasBody(status)) head.append("Content-Length: ").append(std::to_string(body_bytes)).append("\r\n");
  if (version == 10 && keep_alive) head.append("Connection: keep-alive\r\n");
  if (version != 10 && !keep_alive) head.append("Connection: close\r\n");
}

}  // namespace detail
}  // namespace gazette::http
