#pragma once
// A parsed, checked HTTP request as handlers see it: the path is percent-decoded, valid UTF-8
// and free of "." and ".." segments (the session answers 400 before a handler sees it).
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace gazette::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kOther };

struct Request {
  Method method = Method::kGet;
  std::string target;  // As sent: "/ar/sports/%D9%87?page=2".
  std::string path;    // Decoded: "/ar/sports/ه".
  std::multimap<std::string, std::string> query;  // Decoded names and values.
  std::map<std::string, std::string, std::less<>> headers;  // Lower-case names.
  std::string body;
  std::string client_address;  // "127.0.0.1".

  // The first query value with this name, or nothing.
  std::optional<std::string_view> Query(std::string_view name) const;
  // The header with this lower-case name, or nothing.
  std::optional<std::string_view> Header(std::string_view lower_name) const;
};

}  // namespace gazette::http
