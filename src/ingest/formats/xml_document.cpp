// Safe XML loading; docs/wire-formats.md ("Hostile input").
#include "ingest/formats/xml_document.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "news/utf8.hpp"

namespace gazette::ingest::formats {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The encoding named in "<?xml ... encoding='...'?>", lower case; "" when none.
std::string DeclaredEncoding(std::string_view bytes) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  if (bytes.substr(0, 5) != "<?xml") return {};
  const std::size_t end = bytes.find("?>");
  const std::string_view declaration = bytes.substr(0, end);
  const std::size_t key = declaration.find("encoding");
  if (key == std::string_view::npos) return {};
  const std::size_t quote = declaration.find_first_of("\"'", key);
  if (quote == std::string_view::npos) return {};
  const std::size_t close = declaration.find(declaration[quote], quote + 1);
  if (close == std::string_view::npos) return {};
  return Lower(declaration.substr(quote + 1, close - quote - 1));
}

bool StartsWithUtf16Bom(std::string_view bytes) {
  return bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF";
}

pugi::xml_encoding CheckEncoding(std::string_view bytes) {
  if (StartsWithUtf16Bom(bytes)) return pugi::encoding_auto;
  const std::string declared = DeclaredEncoding(bytes);
  if (declared == "iso-8859-1" || declared == "latin1" || declared == "latin-1") {
    return pugi::encoding_latin1;
  }
  if (!declared.empty() && declared != "utf-8" && declared != "utf8") {
    throw ParseError(ParseProblem::kUnsupportedEncoding,
                     fmt::format("the XML declares encoding \"{}\"; only UTF-8, UTF-16 and "
                                 "ISO-8859-1 are read", declared));
  }
  if (const auto bad = news::FirstInvalidUtf8(bytes)) {
    throw ParseError(ParseProblem::kInvalidUtf8, "expected UTF-8 (the XML declares UTF-8)", *bad);
  }
  return pugi::encoding_utf8;
}

void CheckDepth(const pugi::xml_document& document, std::size_t max_depth) {
  // Iterative: the tree may be arbitrarily deep until this check passes.
  std::vector<std::pair<pugi::xml_node, std::size_t>> stack{{document, 0}};
  while (!stack.empty()) {
    auto [node, depth] = stack.back();
    stack.pop_back();
    for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
      if (child.type() != pugi::node_element) continue;
      if (depth + 1 > max_depth) {
        throw ParseError(ParseProblem::kTooDeep,
                         fmt::format("elements nest deeper than {} levels", max_depth),
                         static_cast<std::size_t>(child.offset_debug()));
      }
      stack.emplace_back(child, depth + 1);
    }
  }
}

}  // namespace

std::unique_ptr<pugi::xml_document> LoadXml(std::string_view bytes,
                                            const ParserSettings& settings) {
  if (bytes.size() > settings.max_bytes) {
    throw ParseError(ParseProblem::kTooLarge,
                     fmt::format("{} bytes, over the limit of {}", bytes.size(),
                                 settings.max_bytes));
  }
  const pugi::xml_encoding encoding = CheckEncoding(bytes);
  auto document = std::make_unique<pugi::xml_document>();
  // parse_doctype keeps the DOCTYPE as a node so its internal subset can be checked; no entity
  // it declares is ever expanded by pugixml.
  const unsigned options = pugi::parse_default | pugi::parse_doctype;
  const pugi::xml_parse_result result =
      document->load_buffer(bytes.data(), bytes.size(), options, encoding);
  if (!result) {
    throw ParseError(ParseProblem::kMalformed, fmt::format("malformed XML: {}", result.description()),
                     static_cast<std::size_t>(result.offset));
  }
  for (pugi::xml_node node = document->first_child(); node; node = node.next_sibling()) {
    if (node.type() != pugi::node_doctype) continue;
    if (std::string_view(node.value()).find("<!ENTITY") != std::string_view::npos) {
      const std::size_t at = bytes.find("<!ENTITY");
      throw ParseError(ParseProblem::kEntityDeclaration,
                       "the DOCTYPE declares entities; refused (entity expansion and external "
                       "entities are attacks, and wires never need them)",
                       at == std::string_view::npos ? std::optional<std::size_t>{} : at);
    }
  }
  if (!RootElement(*document)) {
    throw ParseError(ParseProblem::kMalformed, "expected a root element");
  }
  CheckDepth(*document, settings.max_depth);
  return document;
}

pugi::xml_node RootElement(const pugi::xml_document& document) {
  for (pugi::xml_node node = document.first_child(); node; node = node.next_sibling()) {
    if (node.type() == pugi::node_element) return node;
  }
  return {};
}

}  // namespace gazette::ingest::formats
