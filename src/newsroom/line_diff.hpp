#pragma once
// A line diff of two texts (longest common subsequence), for comparing revisions. Pure.
#include <string>
#include <string_view>
#include <vector>

namespace gazette::newsroom {

struct DiffLine {
  enum class Kind { kSame, kAdded, kRemoved };
  Kind kind = Kind::kSame;
  std::string text;
};

// The lines of `after` and `before`, each marked same, added or removed, in reading order.
// Texts over max_lines lines are compared as wholes (everything removed, then added), so a
// huge body cannot cost quadratic time.
std::vector<DiffLine> LineDiff(std::string_view before, std::string_view after, std::size_t max_lines = 3000);

}  // namespace gazette::newsroom
