#pragma once
// One parser per wire format, bytes -> items. Each throws ParseError as ParseWire says; none
// checks that the bytes are of its format beyond what it needs (DetectFormat does that).
// Field mapping per format: docs/wire-formats.md.
#include <string_view>

#include "ingest/wire_parser.hpp"

namespace gazette::ingest::formats {

// A newsItem, or a newsMessage of them (text items only; pictures, packages, concepts,
// planning and knowledge items are skipped with the reason).
WireBatch ParseNewsMlG2(std::string_view bytes, const ParserSettings& settings);
// One ninjs 1.x, 2.x or 3.x object, an array of them, or an API envelope ({"item": [...]},
// {"data": {"item": {...}}}).
WireBatch ParseNinjs(std::string_view bytes, const ParserSettings& settings);
// One NITF 3.x document.
WireBatch ParseNitf(std::string_view bytes, const ParserSettings& settings);
// A NewsML 1.x document: each NewsItem whose components carry text.
WireBatch ParseNewsMl1(std::string_view bytes, const ParserSettings& settings);
// An RSS 2.0 channel, an RSS 1.0 (RDF) document or an Atom feed: one item per entry.
WireBatch ParseFeed(std::string_view bytes, const ParserSettings& settings);

// Cleans an item's text (double encoding repaired when settings say so, spaces collapsed,
// language lower-cased, keyword and subject duplicates dropped) and adds it to the batch, or to
// batch.skipped when it has no guid or no headline.
void AddItem(WireBatch& batch, news::WireItem item, const ParserSettings& settings);
// Adds a skipped item.
void Skip(WireBatch& batch, std::string guid, ParseProblem problem, std::string reason);

}  // namespace gazette::ingest::formats
