#pragma once
// What the newsroom reads from a request: form fields and cookies. Never throws.
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "http/request.hpp"

namespace gazette::newsroom {

// The fields of an application/x-www-form-urlencoded body ("+" is a space); a repeated field
// keeps its first value. A malformed body gives no fields.
class Form {
 public:
  explicit Form(std::string_view body);
  // The field's value, or "" when absent.
  std::string Get(std::string_view name) const;
  bool Has(std::string_view name) const { return fields_.contains(name); }

 private:
  std::map<std::string, std::string, std::less<>> fields_;
};

// The value of the cookie with this name in the Cookie header, or nothing.
std::optional<std::string> CookieValue(const http::Request& request, std::string_view name);

// "name=value; Path=/newsroom; HttpOnly; SameSite=Lax[; Secure][; Max-Age=0]".
std::string SetCookie(std::string_view name, std::string_view value, std::string_view path, bool secure,
                      std::optional<long long> max_age_seconds = std::nullopt, std::string_view same_site = "Lax");

}  // namespace gazette::newsroom
