#include "site/security_headers.hpp"

#include <algorithm>
#include <string_view>

#include <boost/beast/core/string.hpp>

namespace gazette::site {
namespace {

bool IsHtml(const http::Response& response) {
  for (const auto& [name, value] : response.headers) {
    if (boost::beast::iequals(name, "Content-Type")) return std::string_view(value).starts_with("text/html");
  }
  return false;
}

}  // namespace

void AddSecurityHeaders(http::Response& response) {
  if (!IsHtml(response)) return;
  constexpr std::string_view kOwn[] = {"X-Content-Type-Options", "Content-Security-Policy", "Referrer-Policy"};
  std::erase_if(response.headers, [&](const auto& header) {
    return std::any_of(std::begin(kOwn), std::end(kOwn), [&](std::string_view own) { return boost::beast::iequals(header.first, own); });
  });
  response.Header("X-Content-Type-Options", "nosniff");
  response.Header("Content-Security-Policy", kContentSecurityPolicy);
  response.Header("Referrer-Policy", "strict-origin-when-cross-origin");
}

http::Handler WithSecurityHeaders(http::Handler handler) {
  return [handler = std::move(handler)](const http::Request& request, const http::PathParams& params) {
    http::Response response = handler(request, params);
    AddSecurityHeaders(response);
    return response;
  };
}

}  // namespace gazette::site
