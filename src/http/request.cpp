#include "http/request.hpp"

namespace gazette::http {

std::optional<std::string_view> Request::Query(std::string_view name) const {
  // multimap::find would give any of the equal keys; lower_bound gives the first one sent.
  auto it = query.lower_bound(std::string(name));
  if (it == query.end() || it->first != name) return std::nullopt;
  return it->second;
}

std::optional<std::string_view> Request::Header(std::string_view lower_name) const {
  auto it = headers.find(lower_name);
  if (it == headers.end()) return std::nullopt;
  return it->second;
}

}  // namespace gazette::http
