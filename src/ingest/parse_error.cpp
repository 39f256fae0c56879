// ParseError; docs/wire-formats.md lists the problems.
#include "ingest/parse_error.hpp"

#include <fmt/format.h>

namespace gazette::ingest {
namespace {

std::string Message(ParseProblem problem, const std::string& reason,
                    std::optional<std::size_t> offset) {
  if (offset) return fmt::format("{}: byte {}: {}", ParseProblemName(problem), *offset, reason);
  return fmt::format("{}: {}", ParseProblemName(problem), reason);
}

}  // namespace

std::string_view ParseProblemName(ParseProblem problem) {
  switch (problem) {
    case ParseProblem::kTooLarge: return "too-large";
    case ParseProblem::kUnknownFormat: return "unknown-format";
    case ParseProblem::kInvalidUtf8: return "invalid-utf8";
    case ParseProblem::kUnsupportedEncoding: return "unsupported-encoding";
    case ParseProblem::kMalformed: return "malformed";
    case ParseProblem::kEntityDeclaration: return "entity-declaration";
    case ParseProblem::kTooDeep: return "too-deep";
    case ParseProblem::kMissingField: return "missing-field";
    case ParseProblem::kNotAStory: return "not-a-story";
  }
  return "unknown";
}

ParseError::ParseError(ParseProblem problem, std::string reason, std::optional<std::size_t> offset)
    : Error(ErrorKind::kInvalid, Message(problem, reason, offset)),
      problem_(problem),
      reason_(std::move(reason)),
      offset_(offset) {}

}  // namespace gazette::ingest
