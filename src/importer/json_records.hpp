#pragma once
// The records of a JSON data file, one at a time, so that one broken record costs only itself.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

namespace gazette::importer {

struct JsonRecord {
  std::size_t number = 0;  // From 1.
  std::size_t offset = 0;  // Of the record's first byte in the file.
  std::optional<boost::json::object> object;  // Nothing when the record is not a JSON object.
  std::string error;                          // Why object is empty.
  std::optional<std::size_t> error_offset;    // In the file.
  // The first ill-formed UTF-8 byte, in the file: the record was read with such bytes taken
  // as Latin-1.
  std::optional<std::size_t> repaired_utf8_offset;
};

struct JsonRecords {
  bool is_array = false;
  std::vector<JsonRecord> records;
  std::optional<std::string> error;  // About the file as a whole: not an array, cut short.
};

// Splits a file holding one JSON object, or an array of them, into records, and parses each on
// its own. A record with unbalanced brackets can swallow the records after it: they are then
// reported as one bad record.
JsonRecords ReadJsonRecords(std::string_view text);

// The string at key, or nothing when it is absent or not a string.
std::optional<std::string> StringField(const boost::json::object& object, std::string_view key);

// The strings of the array at key: empty when the key is absent, nothing when the value is not
// an array of strings.
std::optional<std::vector<std::string>> StringListField(const boost::json::object& object,
                                                        std::string_view key);

}  // namespace gazette::importer
