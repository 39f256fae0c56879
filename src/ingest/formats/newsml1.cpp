// NewsML 1.x; docs/wire-formats.md ("NewsML 1").
#include <fmt/format.h>

#include "ingest/formats/field_values.hpp"
#include "ingest/formats/formats.hpp"
#include "ingest/formats/nitf_fields.hpp"
#include "ingest/formats/text.hpp"
#include "ingest/formats/wire_time.hpp"
#include "ingest/formats/xml_document.hpp"

namespace gazette::ingest::formats {
namespace {

std::string FormalName(const pugi::xml_node& node) { return std::string(Attribute(node, "FormalName")); }

// The first text ContentItem below a NewsComponent, depth first.
pugi::xml_node TextContent(const pugi::xml_node& component) {
  for (const pugi::xml_node& content : Children(component, "ContentItem")) {
    const std::string media = FormalName(Child(content, "MediaType"));
    const pugi::xml_node data = Child(content, "DataContent");
    if ((media.empty() || media == "Text") && data && data.first_child()) return data;
  }
  for (const pugi::xml_node& child : Children(component, "NewsComponent")) {
    if (pugi::xml_node found = TextContent(child)) return found;
  }
  return {};
}

void ReadBody(const pugi::xml_node& data, news::WireItem& item) {
  for (pugi::xml_node child = data.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    if (LocalName(child) == "nitf") return ReadNitf(child, item);
    if (LocalName(child) == "html") {
      item.body = XmlParagraphs(Child(child, "body"));
      return;
    }
    item.body = XmlParagraphs(data);
    return;
  }
  item.body = TextParagraphs(data.text().get());
}

void SetIfEmpty(std::string& field, const pugi::xml_node& node) {
  if (field.empty()) field = NodeText(node);
}

// The NewsLines of the component and of those inside it (Business Wire nests the story's
// lines one level down); the outer lines win.
void ReadNewsLines(const pugi::xml_node& component, news::WireItem& item) {
  const pugi::xml_node lines = Child(component, "NewsLines");
  SetIfEmpty(item.headline, Child(lines, "HeadLine"));
  SetIfEmpty(item.standfirst, Child(lines, "SubHeadLine"));
  SetIfEmpty(item.byline, Child(lines, "ByLine"));
  SetIfEmpty(item.dateline, Child(lines, "DateLine"));
  for (const pugi::xml_node& keyword : Children(lines, "KeywordLine")) {
    item.keywords.push_back(NodeText(keyword));
  }
  for (const pugi::xml_node& child : Children(component, "NewsComponent")) {
    ReadNewsLines(child, item);
  }
}

void ReadMetadata(const pugi::xml_node& component, news::WireItem& item) {
  const pugi::xml_node admin = Child(component, "AdministrativeMetadata");
  if (std::string provider = FormalName(Descendant(Child(admin, "Provider"), "Party"));
      !provider.empty()) {
    item.provider = provider;
  }
  const pugi::xml_node described = Child(component, "DescriptiveMetadata");
  if (std::string language = FormalName(Child(described, "Language")); !language.empty()) {
    item.language = language;
  }
  for (const pugi::xml_node& code : Children(described, "SubjectCode")) {
    for (pugi::xml_node subject = code.first_child(); subject; subject = subject.next_sibling()) {
      if (subject.type() == pugi::node_element) item.subjects.push_back({FormalName(subject), ""});
    }
  }
  for (const pugi::xml_node& property : Children(described, "Property")) {
    if (FormalName(property) == "Keyword" && Attribute(property, "Role").empty()) {
      item.keywords.emplace_back(Attribute(property, "Value"));
    }
  }
}

void ParseNewsItem(const pugi::xml_node& node, WireBatch& batch, const ParserSettings& settings) {
  news::WireItem item;
  const pugi::xml_node id = Descendant(Child(node, "Identification"), "NewsIdentifier");
  const std::string provider_id = NodeText(Child(id, "ProviderId"));
  const std::string item_id = NodeText(Child(id, "NewsItemId"));
  // The public identifier ends in the revision; the guid must stay the same across revisions.
  item.guid = item_id.empty() ? NodeText(Child(id, "PublicIdentifier"))
                              : fmt::format("urn:newsml:{}:{}:{}", provider_id,
                                            NodeText(Child(id, "DateId")), item_id);
  item.version = ParseVersion(NodeText(Child(id, "RevisionId")));
  item.provider = provider_id;
  item.language = Attribute(node, "lang");
  const pugi::xml_node management = Child(node, "NewsManagement");
  item.first_created = ParseWireTime(NodeText(Child(management, "FirstCreated")));
  item.version_created = ParseWireTime(NodeText(Child(management, "ThisRevisionCreated")));
  const std::string status = FormalName(Child(management, "Status"));
  if (const auto parsed = ParseWireStatus(status)) item.status = *parsed;
  if (status == "Embargoed") {
    item.embargoed_until =
        ParseWireTime(NodeText(Descendant(Child(management, "StatusWillChange"), "DateAndTime")));
  }
  const pugi::xml_node component = Child(node, "NewsComponent");
  if (!component) {
    Skip(batch, item.guid, ParseProblem::kNotAStory,
         "the NewsItem has no NewsComponent (an update or a reference only)");
    return;
  }
  ReadNewsLines(component, item);
  ReadMetadata(component, item);
  const pugi::xml_node data = TextContent(component);
  if (!data) {
    Skip(batch, item.guid, ParseProblem::kNotAStory,
         "the NewsItem carries no text ContentItem (photos or other media only)");
    return;
  }
  // NITF inside fills only what NewsLines left empty; its ids are not the item's.
  const std::string guid = item.guid;
  const std::int64_t version = item.version;
  ReadBody(data, item);
  item.guid = guid;
  item.version = version;
  AddItem(batch, std::move(item), settings);
}

}  // namespace

WireBatch ParseNewsMl1(std::string_view bytes, const ParserSettings& settings) {
  const auto document = LoadXml(bytes, settings);
  const pugi::xml_node root = RootElement(*document);
  WireBatch batch;
  batch.format = news::WireFormat::kNewsMl1;
  for (const pugi::xml_node& item : Children(root, "NewsItem")) ParseNewsItem(item, batch, settings);
  if (batch.items.empty() && batch.skipped.empty()) {
    Skip(batch, "", ParseProblem::kMissingField, "the NewsML document carries no NewsItem");
  }
  return batch;
}

}  // namespace gazette::ingest::formats
