#pragma once
// Text out of XML trees, HTML strings and plain strings, shared by the parsers in formats/.
#include <pugixml.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace gazette::ingest::formats {

// The name without its namespace prefix: "ns0:newsItem" -> "newsItem".
std::string_view LocalName(const pugi::xml_node& node);
// First child element with this local name; an empty node when none.
pugi::xml_node Child(const pugi::xml_node& node, std::string_view local_name);
std::vector<pugi::xml_node> Children(const pugi::xml_node& node, std::string_view local_name);
// First element below node (depth first) with this local name; an empty node when none.
pugi::xml_node Descendant(const pugi::xml_node& node, std::string_view local_name);
// The attribute's value with the local name (any prefix), or "" when absent.
std::string_view Attribute(const pugi::xml_node& node, std::string_view local_name);

// All text below node, white space collapsed to single spaces and trimmed.
std::string NodeText(const pugi::xml_node& node);
// Paragraphs below node: block elements (p, div, li, h1-h6, br, hl1 ...) break paragraphs;
// script, style, media and the like are dropped.
std::vector<std::string> XmlParagraphs(const pugi::xml_node& node);

// The same from an HTML string (tags need not be balanced; entities are decoded).
std::vector<std::string> HtmlParagraphs(std::string_view html);
// One line of text from an HTML string: tags dropped, entities decoded, spaces collapsed.
std::string HtmlLine(std::string_view html);
// Paragraphs of plain text: each non-blank line is a paragraph.
std::vector<std::string> TextParagraphs(std::string_view text);

// White space collapsed to single spaces, control characters dropped, trimmed.
std::string CollapseSpaces(std::string_view text);

// Reverses double-encoded UTF-8 (UTF-8 read as Windows-1252 and encoded again: "Ã©" -> "é",
// "â€™" -> "’"), sequence by sequence, so correct text mixed in stays as it is. Returns true
// when something was repaired. Expects valid UTF-8.
bool RepairDoubleEncoding(std::string& text);

// "nprov:REUTERS" -> "REUTERS"; "stat:usable" -> "usable".
std::string_view AfterColon(std::string_view qcode);

}  // namespace gazette::ingest::formats
