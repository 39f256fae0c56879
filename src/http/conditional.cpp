#include "http/detail/conditional.hpp"

#include <array>
#include <optional>

#include <boost/beast/core/string.hpp>

#include "http/http_date.hpp"

namespace gazette::http::detail {
namespace {

std::optional<std::string_view> Find(const Response& response, std::string_view name) {
  for (const auto& [key, value] : response.Fields()) {
    if (boost::beast::iequals(key, name)) return value;
  }
  return std::nullopt;
}

// The opaque part of an entity tag: W/"abc" -> abc. Nothing when it is not a quoted tag.
std::optional<std::string_view> Opaque(std::string_view tag) {
  if (tag.substr(0, 2) == "W/") tag.remove_prefix(2);
  if (tag.size() < 2 || tag.front() != '"' || tag.back() != '"') return std::nullopt;
  return tag.substr(1, tag.size() - 2);
}

}  // namespace

bool EtagListMatches(std::string_view list, std::string_view etag) {
  auto wanted = Opaque(etag);
  if (!wanted) return false;
  std::size_t i = 0;
  while (i < list.size()) {
    char c = list[i];
    if (c == ' ' || c == '\t' || c == ',') {
      ++i;
      continue;
    }
    if (c == '*') return true;
    std::size_t start = i;
    if (list.substr(i, 2) == "W/") i += 2;
    if (i >= list.size() || list[i] != '"') return false;  // Malformed: match nothing.
    auto close = list.find('"', i + 1);
    if (close == std::string_view::npos) return false;
    if (Opaque(list.substr(start, close + 1 - start)) == wanted) return true;
    i = close + 1;
  }
  return false;
}

bool IsNotModified(const Request& request, const Response& response) {
  if (response.status != 200) return false;
  if (request.method != Method::kGet && request.method != Method::kHead) return false;

  // If-None-Match takes precedence: If-Modified-Since is then ignored (RFC 9110 13.2.2).
  if (auto if_none_match = request.Header("if-none-match")) {
    auto etag = Find(response, "ETag");
    return etag && EtagListMatches(*if_none_match, *etag);
  }
  auto if_modified_since = request.Header("if-modified-since");
  if (!if_modified_since) return false;
  auto last_modified = Find(response, "Last-Modified");
  if (!last_modified) return false;
  auto since = ParseHttpDate(*if_modified_since);
  auto modified = ParseHttpDate(*last_modified);
  return since && modified && *modified <= *since;
}

Response NotModified(const Response& response) {
  static constexpr std::array<std::string_view, 6> kKept = {
      "Cache-Control", "Content-Location", "ETag", "Expires", "Last-Modified", "Vary"};
  Response out;
  out.status = 304;
  for (const auto& header : response.Fields()) {
    for (std::string_view kept : kKept) {
      if (boost::beast::iequals(header.first, kept)) out.headers.push_back(header);
    }
  }
  return out;
}

}  // namespace gazette::http::detail
