// Field value readers; docs/wire-formats.md.
#include "ingest/formats/field_values.hpp"

#include <cctype>
#include <string>

#include "ingest/formats/text.hpp"

namespace gazette::ingest::formats {

std::int64_t ParseVersion(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  std::int64_t value = 0;
  std::size_t digits = 0;
  for (char c : text) {
    if (c < '0' || c > '9') break;
    if (value > 1'000'000'000'000) break;  // Absurd versions stop growing rather than overflow.
    value = value * 10 + (c - '0');
    ++digits;
  }
  return digits == 0 ? 1 : value;
}

std::optional<news::WireStatus> ParseWireStatus(std::string_view text) {
  std::string lower;
  for (char c : AfterColon(text)) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "usable" || lower == "embargoed") return news::WireStatus::kUsable;
  if (lower == "withheld") return news::WireStatus::kWithheld;
  if (lower == "canceled" || lower == "cancelled" || lower == "kill" || lower == "killed") {
    return news::WireStatus::kCancelled;
  }
  return std::nullopt;
}

}  // namespace gazette::ingest::formats
