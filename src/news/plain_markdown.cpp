// Plain text to CommonMark; the escaping rules are in docs/data-loading.md.
#include "news/plain_markdown.hpp"

#include <string_view>

namespace gazette::news {
namespace {

// Backslash-escaped wherever they stand: each can open inline markup, an entity, raw HTML, a
// table cell or strikethrough.
constexpr std::string_view kInlineSpecial = "\\`*_[]<>&~|";
// Escaped as a paragraph's first character, where they open a heading, list or block quote.
constexpr std::string_view kBlockSpecial = "#+-=>";

bool IsLineSpace(char c) { return c == ' ' || c == '\t'; }

// CommonMark reads a paragraph's line breaks as spaces and drops its outer spaces and tabs.
std::string NormaliseParagraph(std::string_view text) {
  std::string line;
  line.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    line += (c == '\n' || c == '\r' || c == '\f' || c == '\v') ? ' ' : c;
  }
  std::size_t begin = 0;
  std::size_t end = line.size();
  while (begin < end && IsLineSpace(line[begin])) ++begin;
  while (end > begin && IsLineSpace(line[end - 1])) --end;
  return line.substr(begin, end - begin);
}

// Position of the '.' or ')' in "12." or "3)" at the start, which would open an ordered list.
std::size_t OrderedListMarker(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  if (i > 0 && i < text.size() && (text[i] == '.' || text[i] == ')')) return i;
  return std::string_view::npos;
}

void AppendEscaped(std::string_view text, std::string& out) {
  const std::size_t marker = OrderedListMarker(text);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    bool escape = kInlineSpecial.find(c) != std::string_view::npos || i == marker ||
                  (i == 0 && kBlockSpecial.find(c) != std::string_view::npos);
    // GitHub's autolinks start at "www." and "scheme://"; an escape in them stops the link.
    if (c == '.' && i >= 3 && text.substr(i - 3, 3) == "www") escape = true;
    if (c == ':' && text.substr(i + 1, 2) == "//") escape = true;
    if (escape) out += '\\';
    out += c;
  }
}

}  // namespace

std::string PlainParagraphsToMarkdown(const std::vector<std::string>& paragraphs) {
  std::string markdown;
  for (const auto& paragraph : paragraphs) {
    const std::string text = NormaliseParagraph(paragraph);
    if (text.empty()) continue;
    if (!markdown.empty()) markdown += "\n\n";
    AppendEscaped(text, markdown);
  }
  return markdown;
}

}  // namespace gazette::news
