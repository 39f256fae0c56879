#pragma once
// Why a wire file could not be read: the one failure of every parser in ingest/formats/.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "news/error.hpp"

namespace gazette::ingest {

enum class ParseProblem {
  kTooLarge,          // Over ParserSettings::max_bytes.
  kUnknownFormat,     // Not one of the formats DetectFormat knows.
  kInvalidUtf8,       // Ill-formed UTF-8 where UTF-8 was declared or implied.
  kUnsupportedEncoding,  // An XML encoding other than UTF-8, UTF-16 or ISO-8859-1.
  kMalformed,         // Not well-formed XML or JSON.
  kEntityDeclaration, // A DOCTYPE declaring entities: refused (entity-expansion, XXE).
  kTooDeep,           // Nesting deeper than ParserSettings::max_depth.
  kMissingField,      // No guid or no headline.
  kNotAStory,         // Pictures, videos, events, concepts, packages, fragments.
};
// "too-large", "unknown-format", ...: stable names for logs and .error files.
std::string_view ParseProblemName(ParseProblem problem);

// Thrown by the parsers. what() reads "byte 123: expected '>' (malformed XML)" when the
// problem has a place, else just the reason.
class ParseError : public Error {
 public:
  ParseError(ParseProblem problem, std::string reason, std::optional<std::size_t> offset = {});
  ParseProblem problem() const { return problem_; }
  // Byte offset into the input where the problem was found; nothing when it has no place.
  std::optional<std::size_t> offset() const { return offset_; }
  const std::string& reason() const { return reason_; }

 private:
  ParseProblem problem_;
  std::string reason_;
  std::optional<std::size_t> offset_;
};

}  // namespace gazette::ingest
