#pragma once
// Small readers of field values shared by the parsers in formats/.
#include <cstdint>
#include <optional>
#include <string_view>

#include "news/wire_item.hpp"

namespace gazette::ingest::formats {

// The leading digits of a version field ("11", "6", "3.1" -> 3); 1 when there are none.
std::int64_t ParseVersion(std::string_view text);

// IPTC pubStatus and its relatives, with or without a scheme prefix, any case:
// "stat:usable", "Withheld", "canceled", "cancelled", "embargoed" (usable: the embargo time says
// when). Returns nothing for anything else.
std::optional<news::WireStatus> ParseWireStatus(std::string_view text);

}  // namespace gazette::ingest::formats
