// NITF 3.x; docs/wire-formats.md ("NITF").
#include "ingest/formats/field_values.hpp"
#include "ingest/formats/formats.hpp"
#include "ingest/formats/nitf_fields.hpp"
#include "ingest/formats/text.hpp"
#include "ingest/formats/wire_time.hpp"
#include "ingest/formats/xml_document.hpp"

namespace gazette::ingest::formats {
namespace {

std::optional<news::TimePoint> NormTime(const pugi::xml_node& node) {
  if (!node) return std::nullopt;
  return ParseWireTime(Attribute(node, "norm"));
}

// "By BERNARD CONDON<byttl>AP Business Writer</byttl>" -> "BERNARD CONDON".
std::string BylineOf(const pugi::xml_node& byline) {
  std::string text;
  for (pugi::xml_node child = byline.first_child(); child; child = child.next_sibling()) {
    if (child.type() == pugi::node_element && LocalName(child) == "byttl") continue;
    text += child.type() == pugi::node_element ? NodeText(child) : std::string(child.value());
    text += ' ';
  }
  text = CollapseSpaces(text);
  if (text.size() > 3 && (text.starts_with("By ") || text.starts_with("BY "))) text.erase(0, 3);
  return text;
}

void Set(std::string& field, std::string value) {
  if (field.empty()) field = std::move(value);
}

}  // namespace

void ReadNitf(const pugi::xml_node& nitf, news::WireItem& item) {
  const pugi::xml_node head = Child(nitf, "head");
  const pugi::xml_node docdata = Child(head, "docdata");
  const pugi::xml_node body = Child(nitf, "body");
  const pugi::xml_node body_head = Child(body, "body.head");
  const pugi::xml_node doc_id = Child(docdata, "doc-id");
  Set(item.guid, std::string(Attribute(doc_id, "id-string")));
  Set(item.provider, std::string(Attribute(doc_id, "regsrc")));
  Set(item.provider, std::string(Attribute(Child(docdata, "doc.copyright"), "holder")));
  Set(item.provider, std::string(Attribute(Descendant(docdata, "from-src"), "src-name")));
  Set(item.provider, NodeText(Child(body_head, "distributor")));
  if (const std::string_view version = Attribute(Child(docdata, "du-key"), "version");
      !version.empty()) {
    item.version = ParseVersion(version);
  }
  Set(item.language, std::string(Attribute(nitf, "lang")));
  Set(item.language, std::string(Attribute(nitf, "baselang")));
  Set(item.language, std::string(Attribute(body, "lang")));
  if (const auto status = ParseWireStatus(Attribute(docdata, "management-status"))) {
    item.status = *status;
  }
  if (const auto issued = NormTime(Child(docdata, "date.issue"))) {
    if (!item.version_created) item.version_created = issued;
    if (!item.first_created) item.first_created = issued;
  }
  if (const auto release = NormTime(Child(docdata, "date.release"))) {
    if (!item.version_created || *release > *item.version_created) item.embargoed_until = release;
  }
  for (const pugi::xml_node& key_list : Children(docdata, "key-list")) {
    for (const pugi::xml_node& keyword : Children(key_list, "keyword")) {
      item.keywords.emplace_back(Attribute(keyword, "key"));
    }
  }
  for (const pugi::xml_node& tobject : Children(head, "tobject")) {
    for (const pugi::xml_node& subject : Children(tobject, "tobject.subject")) {
      std::string name(Attribute(subject, "tobject.subject.matter"));
      if (name.empty()) name = Attribute(subject, "tobject.subject.type");
      item.subjects.push_back({std::string(Attribute(subject, "tobject.subject.refnum")), name});
    }
  }
  const pugi::xml_node hedline = Child(body_head, "hedline");
  Set(item.headline, NodeText(Child(hedline, "hl1")));
  Set(item.headline, NodeText(Child(head, "title")));
  Set(item.standfirst, NodeText(Child(body_head, "abstract")));
  Set(item.byline, BylineOf(Child(body_head, "byline")));
  Set(item.dateline, NodeText(Child(body_head, "dateline")));
  if (item.body.empty()) item.body = XmlParagraphs(Child(body, "body.content"));
}

WireBatch ParseNitf(std::string_view bytes, const ParserSettings& settings) {
  const auto document = LoadXml(bytes, settings);
  WireBatch batch;
  batch.format = news::WireFormat::kNitf;
  news::WireItem item;
  ReadNitf(RootElement(*document), item);
  AddItem(batch, std::move(item), settings);
  return batch;
}

}  // namespace gazette::ingest::formats
