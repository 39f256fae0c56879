// Format detection and dispatch; docs/wire-formats.md.
#include "ingest/wire_parser.hpp"

#include <fmt/format.h>

#include "ingest/formats/formats.hpp"

namespace gazette::ingest {
namespace {

// Index of the first '<' that opens an element, past the XML declaration, comments,
// processing instructions and the DOCTYPE; npos when there is none.
std::size_t RootStart(std::string_view text) {
  std::size_t i = 0;
  while (true) {
    i = text.find('<', i);
    if (i == std::string_view::npos || i + 1 >= text.size()) return std::string_view::npos;
    if (text.substr(i, 4) == "<!--") {
      const std::size_t end = text.find("-->", i + 4);
      if (end == std::string_view::npos) return end;
      i = end + 3;
    } else if (text[i + 1] == '?') {
      const std::size_t end = text.find("?>", i + 2);
      if (end == std::string_view::npos) return end;
      i = end + 2;
    } else if (text[i + 1] == '!') {
      // A DOCTYPE, with an internal subset in brackets perhaps.
      const std::size_t bracket = text.find('[', i);
      const std::size_t close = text.find('>', i);
      if (close == std::string_view::npos) return close;
      if (bracket != std::string_view::npos && bracket < close) {
        const std::size_t end = text.find("]>", bracket);
        if (end == std::string_view::npos) return end;
        i = end + 2;
      } else {
        i = close + 1;
      }
    } else {
      return i;
    }
  }
}

std::optional<news::WireFormat> DetectXml(std::string_view text) {
  const std::size_t start = RootStart(text);
  if (start == std::string_view::npos) return std::nullopt;
  std::size_t end = start + 1;
  while (end < text.size() && text[end] != ' ' && text[end] != '>' && text[end] != '/' &&
         text[end] != '\t' && text[end] != '\n' && text[end] != '\r') {
    ++end;
  }
  std::string_view name = text.substr(start + 1, end - start - 1);
  if (const std::size_t colon = name.rfind(':'); colon != std::string_view::npos) {
    name = name.substr(colon + 1);
  }
  const std::size_t tag_end = text.find('>', end);
  const std::string_view tag = text.substr(start, tag_end == std::string_view::npos
                                                      ? std::string_view::npos
                                                      : tag_end - start);
  using news::WireFormat;
  if (name == "newsItem" || name == "newsMessage" || name == "packageItem" ||
      name == "conceptItem" || name == "knowledgeItem" || name == "planningItem" ||
      name == "catalogItem") {
    return WireFormat::kNewsMlG2;
  }
  if (tag.find("iptc.org/std/nar/") != std::string_view::npos) return WireFormat::kNewsMlG2;
  if (name == "nitf") return WireFormat::kNitf;
  if (name == "NewsML") return WireFormat::kNewsMl1;
  if (name == "rss") return WireFormat::kRss2;
  if (name == "RDF") return WireFormat::kRss1;
  if (name == "feed") return WireFormat::kAtom;
  return std::nullopt;
}

}  // namespace

std::optional<news::WireFormat> DetectFormat(std::string_view bytes) {
  std::string_view text = bytes.substr(0, 64 << 10);
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return std::nullopt;
  if (text[first] == '{' || text[first] == '[') {
    // ninjs items all carry "uri"; a JSON Schema describes them and is not one.
    if (text.find("\"$schema\"") != std::string_view::npos) return std::nullopt;
    if (text.find("\"uri\"") != std::string_view::npos) return news::WireFormat::kNinjs;
    return std::nullopt;
  }
  if (text[first] == '<') return DetectXml(text.substr(first));
  return std::nullopt;
}

WireBatch ParseWireAs(news::WireFormat format, std::string_view bytes,
                      const ParserSettings& settings) {
  if (bytes.size() > settings.max_bytes) {
    throw ParseError(ParseProblem::kTooLarge,
                     fmt::format("{} bytes, over the limit of {}", bytes.size(), settings.max_bytes));
  }
  WireBatch batch;
  switch (format) {
    case news::WireFormat::kNewsMlG2: batch = formats::ParseNewsMlG2(bytes, settings); break;
    case news::WireFormat::kNinjs: batch = formats::ParseNinjs(bytes, settings); break;
    case news::WireFormat::kNitf: batch = formats::ParseNitf(bytes, settings); break;
    case news::WireFormat::kNewsMl1: batch = formats::ParseNewsMl1(bytes, settings); break;
    case news::WireFormat::kRss2:
    case news::WireFormat::kRss1:
    case news::WireFormat::kAtom: batch = formats::ParseFeed(bytes, settings); break;
  }
  if (batch.items.empty() && !batch.skipped.empty()) {
    const SkippedItem& first = batch.skipped.front();
    std::string reason = first.reason;
    if (batch.skipped.size() > 1) {
      reason += fmt::format(" (and {} more items, none a story)", batch.skipped.size() - 1);
    }
    throw ParseError(first.problem, reason);
  }
  return batch;
}

WireBatch ParseWire(std::string_view bytes, const ParserSettings& settings) {
  if (bytes.size() > settings.max_bytes) {
    throw ParseError(ParseProblem::kTooLarge,
                     fmt::format("{} bytes, over the limit of {}", bytes.size(), settings.max_bytes));
  }
  const auto format = DetectFormat(bytes);
  if (!format) {
    throw ParseError(ParseProblem::kUnknownFormat,
                     "expected NewsML-G2, NewsML 1, NITF, RSS, Atom (XML root element) or ninjs "
                     "(a JSON object with \"uri\")");
  }
  return ParseWireAs(*format, bytes, settings);
}

}  // namespace gazette::ingest
