#include "importer/json_records.hpp"

#include <boost/json/stream_parser.hpp>

#include "news/utf8.hpp"

namespace gazette::importer {
namespace {

// Real records nest three levels; anything far deeper is hostile.
constexpr std::size_t kMaxDepth = 64;

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::size_t SkipSpace(std::string_view text, std::size_t i) {
  while (i < text.size() && IsJsonSpace(text[i])) ++i;
  return i;
}

// The end of the array element starting at i: the ',' or ']' after it at depth 0, or the end.
std::size_t ElementEnd(std::string_view text, std::size_t i) {
  std::size_t depth = 0;
  bool in_string = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      ++depth;
    } else if (c == '}' || c == ']') {
      if (depth == 0) {
        if (c == ']') return i;
        continue;  // A stray '}' stays inside this (broken) element.
      }
      --depth;
    } else if (c == ',' && depth == 0) {
      return i;
    }
  }
  return text.size();
}

JsonRecord ParseRecord(std::string_view file, std::size_t begin, std::size_t end, std::size_t number) {
  JsonRecord record;
  record.number = number;
  record.offset = begin;
  std::string_view input = file.substr(begin, end - begin);
  std::string repaired;
  if (auto bad = news::FirstInvalidUtf8(input)) {
    record.repaired_utf8_offset = begin + *bad;
    repaired = news::RepairAsLatin1(input);
    input = repaired;
  }
  boost::json::parse_options options;
  options.max_depth = kMaxDepth;
  boost::json::stream_parser parser({}, options);
  boost::system::error_code ec;
  const std::size_t consumed = parser.write(input.data(), input.size(), ec);
  if (!ec) parser.finish(ec);
  if (ec) {
    record.error = "invalid JSON: " + ec.message();
    // Offsets inside a repaired record no longer match the file; point at the record then.
    record.error_offset = begin + (repaired.empty() ? consumed : 0);
    return record;
  }
  boost::json::value value = parser.release();
  if (!value.is_object()) {
    record.error = "not a JSON object";
    record.error_offset = begin;
    return record;
  }
  record.object = std::move(value.as_object());
  return record;
}

}  // namespace

JsonRecords ReadJsonRecords(std::string_view text) {
  JsonRecords result;
  std::size_t i = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  i = SkipSpace(text, i);
  if (i == text.size()) {
    result.error = "the file is empty";
    return result;
  }
  if (text[i] == '{') {
    result.records.push_back(ParseRecord(text, i, text.size(), 1));
    return result;
  }
  if (text[i] != '[') {
    result.error = "expected a JSON array or object";
    return result;
  }
  result.is_array = true;
  for (++i;;) {
    i = SkipSpace(text, i);
    if (i == text.size()) {
      result.error = "the array is cut short: no closing ']'";
      return result;
    }
    if (text[i] == ']') return result;
    const std::size_t begin = i;
    i = ElementEnd(text, i);
    std::size_t end = i;
    while (end > begin && IsJsonSpace(text[end - 1])) --end;
    result.records.push_back(ParseRecord(text, begin, end, result.records.size() + 1));
    if (i < text.size() && text[i] == ',') ++i;
  }
}

std::optional<std::string> StringField(const boost::json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  if (value == nullptr || !value->is_string()) return std::nullopt;
  return std::string(value->as_string());
}

std::optional<std::vector<std::string>> StringListField(const boost::json::object& object,
                                                        std::string_view key) {
  std::vector<std::string> strings;
  const auto* value = object.if_contains(key);
  if (value == nullptr) return strings;
  if (!value->is_array()) return std::nullopt;
  for (const auto& element : value->as_array()) {
    if (!element.is_string()) return std::nullopt;
    strings.emplace_back(element.as_string());
  }
  return strings;
}

}  // namespace gazette::importer
