// NewsML-G2 news items; docs/wire-formats.md ("NewsML-G2").
#include <fmt/format.h>

#include "ingest/formats/field_values.hpp"
#include "ingest/formats/formats.hpp"
#include "ingest/formats/text.hpp"
#include "ingest/formats/wire_time.hpp"
#include "ingest/formats/xml_document.hpp"

namespace gazette::ingest::formats {
namespace {

std::optional<news::TimePoint> TimeOf(const pugi::xml_node& node) {
  if (!node) return std::nullopt;
  return ParseWireTime(node.text().get());
}

std::string ProviderOf(const pugi::xml_node& provider) {
  if (!provider) return {};
  if (std::string_view qcode = Attribute(provider, "qcode"); !qcode.empty()) {
    return std::string(AfterColon(qcode));
  }
  if (std::string_view literal = Attribute(provider, "literal"); !literal.empty()) {
    return std::string(literal);
  }
  if (pugi::xml_node name = Child(provider, "name")) return NodeText(name);
  return std::string(Attribute(provider, "uri"));
}

// The main headline: one without a role or with a "main" role, else the first.
std::string HeadlineOf(const pugi::xml_node& content_meta) {
  const auto headlines = Children(content_meta, "headline");
  for (const pugi::xml_node& headline : headlines) {
    const std::string_view role = Attribute(headline, "role");
    if (role.empty() || role.find("main") != std::string_view::npos) return NodeText(headline);
  }
  return headlines.empty() ? std::string() : NodeText(headlines.front());
}

std::string StandfirstOf(const pugi::xml_node& content_meta) {
  for (const pugi::xml_node& description : Children(content_meta, "description")) {
    const std::string_view role = Attribute(description, "role");
    if (role.find("summary") != std::string_view::npos ||
        role.find("abstract") != std::string_view::npos ||
        role.find("teaser") != std::string_view::npos ||
        role.find("lead") != std::string_view::npos) {
      return NodeText(description);
    }
  }
  return {};
}

std::string BylineOf(const pugi::xml_node& content_meta) {
  if (pugi::xml_node by = Child(content_meta, "by")) return NodeText(by);
  std::string names;
  for (const pugi::xml_node& creator : Children(content_meta, "creator")) {
    std::string name = NodeText(Child(creator, "name"));
    if (name.empty()) continue;
    if (!names.empty()) names += ", ";
    names += name;
  }
  return names;
}

std::vector<std::string> BodyOf(const pugi::xml_node& item) {
  const pugi::xml_node content_set = Child(item, "contentSet");
  for (const pugi::xml_node& inline_xml : Children(content_set, "inlineXML")) {
    pugi::xml_node root;
    for (pugi::xml_node child = inline_xml.first_child(); child; child = child.next_sibling()) {
      if (child.type() == pugi::node_element) {
        root = child;
        break;
      }
    }
    if (!root) continue;
    if (LocalName(root) == "html") {
      if (pugi::xml_node body = Child(root, "body")) return XmlParagraphs(body);
    }
    if (LocalName(root) == "nitf") {
      if (pugi::xml_node content = Descendant(root, "body.content")) return XmlParagraphs(content);
    }
    return XmlParagraphs(inline_xml);
  }
  for (const pugi::xml_node& inline_data : Children(content_set, "inlineData")) {
    const std::string_view type = Attribute(inline_data, "contenttype");
    if (type.find("html") != std::string_view::npos) return HtmlParagraphs(inline_data.text().get());
    return TextParagraphs(inline_data.text().get());
  }
  return {};
}

void ParseNewsItem(const pugi::xml_node& node, WireBatch& batch, const ParserSettings& settings) {
  const pugi::xml_node item_meta = Child(node, "itemMeta");
  const pugi::xml_node content_meta = Child(node, "contentMeta");
  const std::string guid(Attribute(node, "guid"));
  const std::string item_class(AfterColon(Attribute(Child(item_meta, "itemClass"), "qcode")));
  if (!item_class.empty() && item_class != "text") {
    Skip(batch, guid, ParseProblem::kNotAStory,
         fmt::format("a NewsML-G2 {} item (itemClass {}), not a text story", item_class,
                     Attribute(Child(item_meta, "itemClass"), "qcode")));
    return;
  }
  news::WireItem item;
  item.guid = guid;
  item.version = ParseVersion(Attribute(node, "version"));
  item.provider = ProviderOf(Child(item_meta, "provider"));
  item.language = Attribute(node, "lang");
  if (item.language.empty()) item.language = Attribute(Child(content_meta, "language"), "tag");
  item.first_created = TimeOf(Child(item_meta, "firstCreated"));
  item.version_created = TimeOf(Child(item_meta, "versionCreated"));
  item.embargoed_until = TimeOf(Child(item_meta, "embargoed"));
  if (const auto status = ParseWireStatus(Attribute(Child(item_meta, "pubStatus"), "qcode"))) {
    item.status = *status;
  }
  if (!item.first_created) item.first_created = TimeOf(Child(content_meta, "contentCreated"));
  item.headline = HeadlineOf(content_meta);
  item.standfirst = StandfirstOf(content_meta);
  item.byline = BylineOf(content_meta);
  item.dateline = NodeText(Child(content_meta, "dateline"));
  for (const pugi::xml_node& subject : Children(content_meta, "subject")) {
    std::string code(Attribute(subject, "qcode"));
    if (code.empty()) code = Attribute(subject, "uri");
    item.subjects.push_back({std::move(code), NodeText(Child(subject, "name"))});
  }
  for (const pugi::xml_node& keyword : Children(content_meta, "keyword")) {
    item.keywords.push_back(NodeText(keyword));
  }
  for (const pugi::xml_node& link : Children(item_meta, "link")) {
    if (Attribute(link, "rel").find("canonical") != std::string_view::npos) {
      item.link = Attribute(link, "href");
    }
  }
  item.body = BodyOf(node);
  AddItem(batch, std::move(item), settings);
}

void ParseAnyItem(const pugi::xml_node& node, WireBatch& batch, const ParserSettings& settings) {
  const std::string_view name = LocalName(node);
  if (name == "newsItem") {
    ParseNewsItem(node, batch, settings);
  } else if (name == "packageItem") {
    Skip(batch, std::string(Attribute(node, "guid")), ParseProblem::kNotAStory,
         "a NewsML-G2 packageItem: a list of references to other items, not a story");
  } else if (name == "conceptItem" || name == "knowledgeItem" || name == "catalogItem") {
    Skip(batch, std::string(Attribute(node, "guid")), ParseProblem::kNotAStory,
         fmt::format("a NewsML-G2 {}: vocabulary or reference data, not a story", name));
  } else if (name == "planningItem") {
    Skip(batch, std::string(Attribute(node, "guid")), ParseProblem::kNotAStory,
         "a NewsML-G2 planningItem: coverage planning, not a story");
  } else {
    Skip(batch, "", ParseProblem::kNotAStory,
         fmt::format("<{}> is not a NewsML-G2 item (a fragment of one, or another kind)", name));
  }
}

}  // namespace

WireBatch ParseNewsMlG2(std::string_view bytes, const ParserSettings& settings) {
  const auto document = LoadXml(bytes, settings);
  const pugi::xml_node root = RootElement(*document);
  WireBatch batch;
  batch.format = news::WireFormat::kNewsMlG2;
  if (LocalName(root) == "newsMessage") {
    for (const pugi::xml_node& item_set : Children(root, "itemSet")) {
      for (pugi::xml_node child = item_set.first_child(); child; child = child.next_sibling()) {
        if (child.type() == pugi::node_element) ParseAnyItem(child, batch, settings);
      }
    }
    if (batch.items.empty() && batch.skipped.empty()) {
      Skip(batch, "", ParseProblem::kMissingField, "the newsMessage carries no items");
    }
  } else {
    ParseAnyItem(root, batch, settings);
  }
  return batch;
}

}  // namespace gazette::ingest::formats
