#pragma once
// Bytes from a wire (a file, a push, a feed) to wire items. Formats: docs/wire-formats.md.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/parse_error.hpp"
#include "news/wire_item.hpp"

namespace gazette::ingest {

struct ParserSettings {
  std::size_t max_bytes = 16 << 20;  // Agency items are under 1 MB; larger files are rejected.
  std::size_t max_depth = 64;        // JSON and XML nesting; real items stay under 20 levels.
  bool repair_double_encoding = true;  // "Ã©" -> "é"; off keeps the text as sent.
};

// An item the file carried but that is not a story for the site, with the reason.
struct SkippedItem {
  std::string guid;  // Empty when the item has none.
  ParseProblem problem = ParseProblem::kNotAStory;
  std::string reason;
};

// What one file held: a NewsML-G2 newsMessage or a feed holds many items, the others one.
struct WireBatch {
  news::WireFormat format = news::WireFormat::kNewsMlG2;
  std::vector<news::WireItem> items;
  std::vector<SkippedItem> skipped;
};

// The format of the bytes, from the root element and its namespace (XML) or the object's
// fields (JSON). Returns nothing for anything else. Looks at the first 64 KB only.
std::optional<news::WireFormat> DetectFormat(std::string_view bytes);

// Detects the format and parses. Throws ParseError when the file is too large, of no known
// format, malformed, not UTF-8, declares entities, or holds items but no usable story (the
// reason of the first skipped item is given). A feed with no items is an empty batch.
// Thread-safe: no shared state.
WireBatch ParseWire(std::string_view bytes, const ParserSettings& settings = {});

// The same for a format known beforehand (a source's configuration); bytes of another format
// fail as that parser finds them (usually kMissingField or kUnknownFormat).
WireBatch ParseWireAs(news::WireFormat format, std::string_view bytes,
                      const ParserSettings& settings = {});

}  // namespace gazette::ingest
