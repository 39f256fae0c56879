// Request-target rules: docs/http.md.
#include "http/detail/target.hpp"

#include "news/utf8.hpp"

namespace gazette::http::detail {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool IsCleanText(std::string_view text) {
  return text.find('\0') == std::string_view::npos && news::IsValidUtf8(text);
}

// Dot segments would let "/static/../secret" escape a prefix that a handler trusts.
bool HasDotSegment(std::string_view path) {
  while (!path.empty()) {
    path.remove_prefix(1);  // The '/' that starts every segment.
    auto segment = path.substr(0, path.find('/'));
    if (segment == "." || segment == "..") return true;
    path.remove_prefix(segment.size());
  }
  return false;
}

std::multimap<std::string, std::string> ParseQuery(std::string_view query) {
  std::multimap<std::string, std::string> out;
  while (!query.empty()) {
    auto pair = query.substr(0, query.find('&'));
    query.remove_prefix(std::min(query.size(), pair.size() + 1));
    if (pair.empty()) continue;
    auto equals = pair.find('=');
    auto name = PercentDecode(pair.substr(0, equals), true);
    auto value = PercentDecode(
        equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1), true);
    if (!name || !value || !IsCleanText(*name) || !IsCleanText(*value)) continue;
    out.emplace(std::move(*name), std::move(*value));
  }
  return out;
}

}  // namespace

std::optional<std::string> PercentDecode(std::string_view text, bool plus_as_space) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  for (;;) {
    // Plain runs are copied whole: every request's path goes through here.
    std::size_t special = i;
    while (special < text.size() && text[special] != '%' && !(plus_as_space && text[special] == '+')) ++special;
    out.append(text.substr(i, special - i));
    if (special == text.size()) return out;
    i = special;
    if (text[i] == '+') {
      out.push_back(' ');
      ++i;
      continue;
    }
    if (i + 2 >= text.size()) return std::nullopt;
    int high = HexValue(text[i + 1]);
    int low = HexValue(text[i + 2]);
    if (high < 0 || low < 0) return std::nullopt;
    out.push_back(static_cast<char>(high * 16 + low));
    i += 3;
  }
}

std::optional<ParsedTarget> ParseTarget(std::string_view target) {
  // Absolute-form, which proxies send: keep what follows the authority.
  for (std::string_view scheme : {"http://", "https://"}) {
    if (target.substr(0, scheme.size()) == scheme) {
      target.remove_prefix(scheme.size());
      auto slash = target.find_first_of("/?#");
      if (slash == std::string_view::npos || target[slash] != '/') return std::nullopt;
      target.remove_prefix(slash);
    }
  }
  target = target.substr(0, target.find('#'));
  if (target.empty() || target.front() != '/') return std::nullopt;

  auto question = target.find('?');
  auto path = PercentDecode(target.substr(0, question), false);
  if (!path || !IsCleanText(*path) || HasDotSegment(*path)) return std::nullopt;

  ParsedTarget parsed;
  parsed.path = std::move(*path);
  if (question != std::string_view::npos) parsed.query = ParseQuery(target.substr(question + 1));
  return parsed;
}

}  // namespace gazette::http::detail
