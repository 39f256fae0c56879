#pragma once
// Request-target checks and decoding, before any handler sees a path. See docs/http.md.
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace gazette::http::detail {

struct ParsedTarget {
  std::string path;                               // Decoded, checked.
  std::multimap<std::string, std::string> query;  // Decoded, in the order sent.
};

// Decodes %XX escapes (and '+' as a space when asked). Nothing when an escape is malformed.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_as_space);

// Splits origin-form ("/a/b?x=1") or absolute-form ("http://host/a/b?x=1") targets.
// Nothing when the path is missing, badly escaped, not UTF-8 after decoding, holds a NUL, or
// has a "." or ".." segment (also escaped, "%2e%2e"). Query pairs that fail the same checks are
// dropped rather than failing the request: tracking links often carry broken parameters.
std::optional<ParsedTarget> ParseTarget(std::string_view target);

}  // namespace gazette::http::detail
