// RSS 2.0, RSS 1.0 (RDF) and Atom; docs/wire-formats.md ("Feeds").
#include "ingest/formats/formats.hpp"
#include "ingest/formats/text.hpp"
#include "ingest/formats/wire_time.hpp"
#include "ingest/formats/xml_document.hpp"

namespace gazette::ingest::formats {
namespace {

std::string Text(const pugi::xml_node& node) { return node ? std::string(node.text().get()) : ""; }

// RSS puts HTML into title and description; a second pass decodes what the XML left escaped.
std::string HtmlText(const pugi::xml_node& node) { return HtmlLine(Text(node)); }

void AddCategories(const pugi::xml_node& item, std::string_view local_name,
                   std::vector<std::string>& keywords) {
  for (const pugi::xml_node& category : Children(item, local_name)) {
    keywords.push_back(HtmlText(category));
  }
}

// RSS 2.0 items and RSS 1.0 items share their fields, with Dublin Core for the rest.
void ParseRssItem(const pugi::xml_node& node, const std::string& provider,
                  const std::string& language, WireBatch& batch, const ParserSettings& settings) {
  news::WireItem item;
  item.provider = provider;
  item.language = language;
  item.link = CollapseSpaces(Text(node.child("link")));
  item.guid = CollapseSpaces(Text(node.child("guid")));
  if (item.guid.empty()) item.guid = Attribute(node, "about");
  if (item.guid.empty()) item.guid = item.link;  // Feeds without guids identify items by link.
  item.headline = HtmlText(node.child("title"));
  const std::string description = Text(node.child("description"));
  item.standfirst = HtmlLine(description);
  const std::string encoded = Text(Child(node, "encoded"));
  item.body = HtmlParagraphs(encoded.empty() ? description : encoded);
  for (const pugi::xml_node& creator : Children(node, "creator")) {
    if (!item.byline.empty()) item.byline += ", ";
    item.byline += NodeText(creator);
  }
  if (item.byline.empty()) item.byline = NodeText(node.child("author"));
  item.version_created = ParseWireTime(Text(node.child("pubDate")));
  if (!item.version_created) item.version_created = ParseWireTime(Text(Child(node, "date")));
  item.first_created = item.version_created;
  AddCategories(node, "category", item.keywords);
  AddCategories(node, "subject", item.keywords);
  AddItem(batch, std::move(item), settings);
}

WireBatch ParseRss2(const pugi::xml_node& rss, const ParserSettings& settings) {
  WireBatch batch;
  batch.format = news::WireFormat::kRss2;
  const pugi::xml_node channel = rss.child("channel");
  const std::string provider = HtmlText(channel.child("title"));
  std::string language = CollapseSpaces(Text(channel.child("language")));
  if (language.empty()) language = CollapseSpaces(Text(Child(channel, "language")));
  for (const pugi::xml_node& item : Children(channel, "item")) {
    ParseRssItem(item, provider, language, batch, settings);
  }
  return batch;
}

WireBatch ParseRss1(const pugi::xml_node& rdf, const ParserSettings& settings) {
  WireBatch batch;
  batch.format = news::WireFormat::kRss1;
  const pugi::xml_node channel = Child(rdf, "channel");
  const std::string provider = HtmlText(channel.child("title"));
  const std::string language = CollapseSpaces(Text(Child(channel, "language")));
  for (const pugi::xml_node& item : Children(rdf, "item")) {
    ParseRssItem(item, provider, language, batch, settings);
  }
  return batch;
}

// Atom text constructs: type="text" (default), "html" or "xhtml".
std::vector<std::string> AtomParagraphs(const pugi::xml_node& node) {
  if (!node) return {};
  const std::string_view type = Attribute(node, "type");
  if (type == "html" || type == "text/html") return HtmlParagraphs(node.text().get());
  if (type == "xhtml" || type == "application/xhtml+xml") return XmlParagraphs(node);
  return TextParagraphs(node.text().get());
}

std::string AtomLine(const pugi::xml_node& node) {
  std::string line;
  for (const std::string& paragraph : AtomParagraphs(node)) {
    if (!line.empty()) line += ' ';
    line += paragraph;
  }
  return line;
}

WireBatch ParseAtom(const pugi::xml_node& feed, const ParserSettings& settings) {
  WireBatch batch;
  batch.format = news::WireFormat::kAtom;
  const std::string provider = AtomLine(Child(feed, "title"));
  const std::string feed_language(Attribute(feed, "lang"));
  for (const pugi::xml_node& entry : Children(feed, "entry")) {
    news::WireItem item;
    item.provider = provider;
    item.language = Attribute(entry, "lang");
    if (item.language.empty()) item.language = feed_language;
    item.guid = NodeText(Child(entry, "id"));
    item.headline = AtomLine(Child(entry, "title"));
    item.standfirst = AtomLine(Child(entry, "summary"));
    item.body = AtomParagraphs(Child(entry, "content"));
    for (const pugi::xml_node& author : Children(entry, "author")) {
      if (!item.byline.empty()) item.byline += ", ";
      item.byline += NodeText(Child(author, "name"));
    }
    item.first_created = ParseWireTime(NodeText(Child(entry, "published")));
    item.version_created = ParseWireTime(NodeText(Child(entry, "updated")));
    if (!item.first_created) item.first_created = item.version_created;
    for (const pugi::xml_node& category : Children(entry, "category")) {
      std::string_view label = Attribute(category, "label");
      item.keywords.emplace_back(label.empty() ? Attribute(category, "term") : label);
    }
    for (const pugi::xml_node& link : Children(entry, "link")) {
      const std::string_view rel = Attribute(link, "rel");
      if (rel.empty() || rel == "alternate") {
        item.link = Attribute(link, "href");
        break;
      }
    }
    AddItem(batch, std::move(item), settings);
  }
  return batch;
}

}  // namespace

WireBatch ParseFeed(std::string_view bytes, const ParserSettings& settings) {
  const auto document = LoadXml(bytes, settings);
  const pugi::xml_node root = RootElement(*document);
  const std::string_view name = LocalName(root);
  if (name == "rss") return ParseRss2(root, settings);
  if (name == "RDF") return ParseRss1(root, settings);
  if (name == "feed") return ParseAtom(root, settings);
  throw ParseError(ParseProblem::kUnknownFormat,
                   "expected <rss>, <rdf:RDF> or <feed> as the root element, found <" +
                       std::string(root.name()) + ">");
}

}  // namespace gazette::ingest::formats
