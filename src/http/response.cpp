#include "http/response.hpp"

#include "news/error.hpp"

namespace gazette::http {
namespace {

Response WithType(int status, std::string body, std::string content_type) {
  Response response;
  response.status = status;
  response.body = std::move(body);
  response.Header("Content-Type", std::move(content_type));
  return response;
}

// A site path: "/x", not "//evil.example" or "/\evil.example", which browsers read as hosts.
bool IsSitePath(std::string_view location) {
  if (location.empty() || location[0] != '/') return false;
  if (location.size() > 1 && (location[1] == '/' || location[1] == '\\')) return false;
  for (char c : location) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return false;  // Header injection.
  }
  return true;
}

}  // namespace

Response Html(int status, std::string body) {
  return WithType(status, std::move(body), "text/html; charset=utf-8");
}

Response Text(int status, std::string body) {
  return WithType(status, std::move(body), "text/plain; charset=utf-8");
}

Response Json(int status, std::string body) {
  return WithType(status, std::move(body), "application/json; charset=utf-8");
}

Response Redirect(std::string location, int status) {
  // Targets often come from a "return to" parameter: refuse to send readers off-site.
  if (!IsSitePath(location)) {
    throw Error(ErrorKind::kInvalid, "redirect target is not a path on this site");
  }
  Response response = Text(status, "");
  response.Header("Location", std::move(location));
  return response;
}

}  // namespace gazette::http
