#include "newsroom/line_diff.hpp"

#include <algorithm>

namespace gazette::newsroom {
namespace {

std::vector<std::string_view> Lines(std::string_view text) {
  std::vector<std::string_view> lines;
  if (text.empty()) return lines;
  for (;;) {
    auto end = text.find('\n');
    lines.push_back(text.substr(0, end));
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

}  // namespace

std::vector<DiffLine> LineDiff(std::string_view before, std::string_view after, std::size_t max_lines) {
  const auto a = Lines(before), b = Lines(after);
  std::vector<DiffLine> out;
  if (a.size() > max_lines || b.size() > max_lines) {
    for (auto line : a) out.push_back({DiffLine::Kind::kRemoved, std::string(line)});
    for (auto line : b) out.push_back({DiffLine::Kind::kAdded, std::string(line)});
    return out;
  }
  // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
  const std::size_t n = a.size(), m = b.size();
  std::vector<std::vector<unsigned>> lcs(n + 1, std::vector<unsigned>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::size_t i = 0, j = 0;
  while (i < n && j < m) {
    if (a[i] == b[j]) {
      out.push_back({DiffLine::Kind::kSame, std::string(a[i])});
      ++i, ++j;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      out.push_back({DiffLine::Kind::kRemoved, std::string(a[i++])});
    } else {
      out.push_back({DiffLine::Kind::kAdded, std::string(b[j++])});
    }
  }
  for (; i < n; ++i) out.push_back({DiffLine::Kind::kRemoved, std::string(a[i])});
  for (; j < m; ++j) out.push_back({DiffLine::Kind::kAdded, std::string(b[j])});
  return out;
}

}  // namespace gazette::newsroom
