// IPTC ninjs 1.x, 2.x and 3.x; docs/wire-formats.md ("ninjs").
#include <boost/json.hpp>
#include <fmt/format.h>

#include <initializer_list>

#include "ingest/formats/field_values.hpp"
#include "ingest/formats/formats.hpp"
#include "ingest/formats/text.hpp"
#include "ingest/formats/wire_time.hpp"
#include "news/utf8.hpp"

namespace gazette::ingest::formats {
namespace {

namespace json = boost::json;

// The first of the names (1.x/2.x lower case, 3.x camel case) that holds a string or number.
std::string Str(const json::object& object, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    const json::value* value = object.if_contains(name);
    if (!value) continue;
    if (value->is_string()) return std::string(value->get_string());
    if (value->is_int64()) return std::to_string(value->get_int64());
    if (value->is_uint64()) return std::to_string(value->get_uint64());
  }
  return {};
}

const json::array* Array(const json::object& object, std::initializer_list<std::string_view> names) {
  for (std::string_view name : names) {
    if (const json::value* value = object.if_contains(name); value && value->is_array()) {
      return &value->get_array();
    }
  }
  return nullptr;
}

std::optional<news::TimePoint> Time(const json::object& object,
                                    std::initializer_list<std::string_view> names) {
  const std::string text = Str(object, names);
  if (text.empty()) return std::nullopt;
  return ParseWireTime(text);
}

bool Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

std::string HeadlineOf(const json::object& item) {
  if (std::string headline = Str(item, {"headline", "headline_main"}); !headline.empty()) {
    return headline;
  }
  if (const json::array* headlines = Array(item, {"headlines"})) {
    std::string first;
    for (const json::value& value : *headlines) {
      if (!value.is_object()) continue;
      const std::string role = Str(value.get_object(), {"role"});
      std::string text = Str(value.get_object(), {"value"});
      if (role.empty() || role == "main") return text;
      if (first.empty()) first = std::move(text);
    }
    return first;
  }
  for (const auto& [key, value] : item) {
    if (key.starts_with("headline_") && value.is_string()) return std::string(value.get_string());
  }
  return {};
}

std::string StandfirstOf(const json::object& item) {
  if (const json::array* descriptions = Array(item, {"descriptions"})) {
    for (const json::value& value : *descriptions) {
      if (!value.is_object()) continue;
      const std::string role = Str(value.get_object(), {"role"});
      if (role == "summary" || role == "abstract" || role == "teaser" || role == "lead" ||
          role == "text" || role == "ingress") {
        return HtmlLine(Str(value.get_object(), {"value"}));
      }
    }
  }
  return HtmlLine(Str(item, {"description_text", "description_summary"}));
}

// HTML bodies keep their paragraphs; plain text is next; NITF strings are read as HTML last.
std::vector<std::string> BodyOf(const json::object& item) {
  std::string html, text, other;
  if (const json::array* bodies = Array(item, {"bodies"})) {
    for (const json::value& value : *bodies) {
      if (!value.is_object()) continue;
      const json::object& body = value.get_object();
      const std::string type = Str(body, {"contenttype", "contentType"});
      const std::string role = Str(body, {"role"});
      std::string content = Str(body, {"value"});
      if (Contains(type, "html") || Contains(role, "html")) {
        if (html.empty()) html = std::move(content);
      } else if (type.empty() || type == "text/plain") {
        if (text.empty()) text = std::move(content);
      } else if (other.empty()) {
        other = std::move(content);
      }
    }
  }
  for (const auto& [key, value] : item) {
    if (!key.starts_with("body_") || !value.is_string()) continue;
    if (Contains(key, "html") || Contains(key, "richtext")) {
      if (html.empty()) html = std::string(value.get_string());
    } else if (text.empty()) {
      text = std::string(value.get_string());
    }
  }
  if (!html.empty()) return HtmlParagraphs(html);
  if (!text.empty()) return TextParagraphs(text);
  if (!other.empty()) {
    const std::size_t content = other.find("<body.content");
    return HtmlParagraphs(content == std::string::npos ? std::string_view(other)
                                                       : std::string_view(other).substr(content));
  }
  return {};
}

std::string ProviderOf(const json::object& item) {
  if (std::string provider = Str(item, {"provider"}); !provider.empty()) return provider;
  for (std::string_view name : {"copyrightholder", "copyrightHolder"}) {
    const json::value* value = item.if_contains(name);
    if (!value) continue;
    if (value->is_string()) return std::string(value->get_string());
    if (value->is_object()) return Str(value->get_object(), {"name", "literal"});
  }
  // Else the host of the item's URI: "http://api.ap.org/..." -> "api.ap.org".
  const std::string uri = Str(item, {"uri"});
  const std::size_t scheme = uri.find("://");
  if (scheme == std::string::npos) return {};
  const std::size_t end = uri.find_first_of("/?#", scheme + 3);
  return uri.substr(scheme + 3, end == std::string::npos ? std::string::npos : end - scheme - 3);
}

void ParseItem(const json::value& value, WireBatch& batch, const ParserSettings& settings) {
  if (!value.is_object()) {
    Skip(batch, "", ParseProblem::kMissingField, "expected a ninjs object");
    return;
  }
  const json::object& object = value.get_object();
  const std::string guid = Str(object, {"uri"});
  const std::string type = Str(object, {"type"});
  if (type == "picture" || type == "video" || type == "audio" || type == "graphic" ||
      type == "event" || type == "planning" || type == "component" || type == "advisory") {
    Skip(batch, guid, ParseProblem::kNotAStory,
         fmt::format("a ninjs {} item, not a text story", type));
    return;
  }
  if (object.contains("eventDetails")) {
    Skip(batch, guid, ParseProblem::kNotAStory, "a ninjs event (it has eventDetails), not a story");
    return;
  }
  news::WireItem item;
  item.guid = guid;
  item.version = ParseVersion(Str(object, {"version"}));
  item.provider = ProviderOf(object);
  item.language = Str(object, {"language"});
  item.headline = HeadlineOf(object);
  item.standfirst = StandfirstOf(object);
  item.byline = Str(object, {"by", "byline"});
  item.dateline = Str(object, {"located"});
  item.first_created = Time(object, {"firstcreated", "firstCreated"});
  item.version_created = Time(object, {"versioncreated", "versionCreated"});
  item.embargoed_until = Time(object, {"embargoed", "embargoedUntil"});
  if (const auto status = ParseWireStatus(Str(object, {"pubstatus", "pubStatus"}))) {
    item.status = *status;
  }
  if (const json::array* subjects = Array(object, {"subjects", "subject"})) {
    for (const json::value& subject : *subjects) {
      if (!subject.is_object()) continue;
      const json::object& fields = subject.get_object();
      item.subjects.push_back({Str(fields, {"code", "qcode", "uri", "literal"}),
                               Str(fields, {"name"})});
    }
  }
  if (const json::array* keywords = Array(object, {"keywords"})) {
    for (const json::value& keyword : *keywords) {
      if (keyword.is_string()) item.keywords.emplace_back(keyword.get_string());
    }
  }
  item.body = BodyOf(object);
  AddItem(batch, std::move(item), settings);
}

json::value ParseJson(std::string_view bytes, const ParserSettings& settings) {
  if (bytes.size() > settings.max_bytes) {
    throw ParseError(ParseProblem::kTooLarge,
                     fmt::format("{} bytes, over the limit of {}", bytes.size(), settings.max_bytes));
  }
  if (const auto bad = news::FirstInvalidUtf8(bytes)) {
    throw ParseError(ParseProblem::kInvalidUtf8, "expected UTF-8 (JSON is UTF-8)", *bad);
  }
  json::parse_options options;
  options.max_depth = settings.max_depth;
  json::stream_parser parser(json::storage_ptr(), options);
  boost::system::error_code error;
  const std::size_t used = parser.write_some(bytes.data(), bytes.size(), error);
  if (!error) {
    const std::size_t rest = bytes.find_first_not_of(" \t\r\n", used);
    if (rest != std::string_view::npos) {
      throw ParseError(ParseProblem::kMalformed, "expected the end of the JSON text", rest);
    }
    parser.finish(error);
  }
  if (error == json::error::too_deep) {
    throw ParseError(ParseProblem::kTooDeep,
                     fmt::format("JSON nests deeper than {} levels", settings.max_depth), used);
  }
  if (error) {
    throw ParseError(ParseProblem::kMalformed, "malformed JSON: " + error.message(), used);
  }
  return parser.release();
}

}  // namespace

WireBatch ParseNinjs(std::string_view bytes, const ParserSettings& settings) {
  const json::value root = ParseJson(bytes, settings);
  WireBatch batch;
  batch.format = news::WireFormat::kNinjs;
  const json::value* items = &root;
  if (root.is_object()) {
    // API envelopes: {"item": [...]} (a listing) and {"data": {"item": {...}}} (AP Media API).
    const json::object& object = root.get_object();
    if (!object.contains("uri")) {
      if (const json::value* data = object.if_contains("data"); data && data->is_object()) {
        if (const json::value* item = data->get_object().if_contains("item")) items = item;
      } else if (const json::value* item = object.if_contains("item")) {
        items = item;
      }
    }
  }
  if (items->is_array()) {
    for (const json::value& item : items->get_array()) ParseItem(item, batch, settings);
    if (batch.items.empty() && batch.skipped.empty()) {
      Skip(batch, "", ParseProblem::kMissingField, "the ninjs list is empty");
    }
  } else {
    ParseItem(*items, batch, settings);
  }
  return batch;
}

}  // namespace gazette::ingest::formats
