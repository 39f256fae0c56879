#include "newsroom/form.hpp"

#include <boost/url/params_view.hpp>
#include <boost/url/parse_query.hpp>

namespace gazette::newsroom {

Form::Form(std::string_view body) {
  auto parsed = boost::urls::parse_query(body);
  if (!parsed) return;
  boost::urls::encoding_opts plus_is_space;
  plus_is_space.space_as_plus = true;
  for (const auto& param : boost::urls::params_view(*parsed, plus_is_space))
    fields_.emplace(param.key, param.has_value ? param.value : std::string());
}

std::string Form::Get(std::string_view name) const {
  auto it = fields_.find(name);
  return it == fields_.end() ? std::string() : it->second;
}

std::optional<std::string> CookieValue(const http::Request& request, std::string_view name) {
  auto header = request.Header("cookie");
  if (!header) return std::nullopt;
  std::string_view rest = *header;
  while (!rest.empty()) {
    auto end = rest.find(';');
    auto pair = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    auto equals = pair.find('=');
    if (equals == std::string_view::npos) continue;
    if (pair.substr(0, equals) == name) return std::string(pair.substr(equals + 1));
  }
  return std::nullopt;
}

std::string SetCookie(std::string_view name, std::string_view value, std::string_view path, bool secure,
                      std::optional<long long> max_age_seconds, std::string_view same_site) {
  std::string cookie = std::string(name) + "=" + std::string(value) + "; Path=" + std::string(path) +
                       "; HttpOnly; SameSite=" + std::string(same_site);
  if (secure) cookie += "; Secure";
  if (max_age_seconds) cookie += "; Max-Age=" + std::to_string(*max_age_seconds);
  return cookie;
}

}  // namespace gazette::newsroom
