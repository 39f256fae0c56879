#pragma once
// Loading untrusted XML safely for the wire parsers: size, encoding, DOCTYPE and depth checks.
#include <pugixml.hpp>

#include <memory>
#include <string_view>

#include "ingest/wire_parser.hpp"

namespace gazette::ingest::formats {

// Parses bytes into a tree. Throws ParseError when the bytes are over settings.max_bytes, declare
// UTF-8 (or nothing) but are not, declare an encoding other than UTF-8/UTF-16/ISO-8859-1, carry
// a DOCTYPE that declares entities, are not well-formed (pugixml's offset), or nest deeper than
// settings.max_depth. pugixml never reads DTDs or external entities and expands only the five
// predefined and numeric references, so nothing outside the bytes is ever read.
std::unique_ptr<pugi::xml_document> LoadXml(std::string_view bytes, const ParserSettings& settings);

// The document's root element (the first element child); an empty node when none.
pugi::xml_node RootElement(const pugi::xml_document& document);

}  // namespace gazette::ingest::formats
