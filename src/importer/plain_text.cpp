// Plain text to CommonMark; the escaping rules are in docs/data-loading.md.
#include "importer/plain_text.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace gazette::importer {
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

bool IsDropped(UChar32 c) {
  return (c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7F && c <= 0x9F) || c == 0xFEFF;
}

std::string_view TrimWhiteSpace(std::string_view text) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t begin = 0;
  while (begin < length) {
    int32_t next = begin;
    UChar32 c;
    U8_NEXT(s, next, length, c);
    if (c < 0 || !u_isUWhiteSpace(c)) break;
    begin = next;
  }
  int32_t end = length;
  while (end > begin) {
    int32_t previous = end;
    UChar32 c;
    U8_PREV(s, 0, previous, c);
    if (c < 0 || !u_isUWhiteSpace(c)) break;
    end = previous;
  }
  return text.substr(static_cast<std::size_t>(begin), static_cast<std::size_t>(end - begin));
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

std::string CleanText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c == '\r') {
      if (i < length && s[i] == '\n') continue;  // The '\n' of "\r\n" follows.
      out += '\n';
    } else if (c == '\t') {
      out += ' ';
    } else if (c < 0 || !IsDropped(c)) {
      out.append(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    }
  }
  return std::string(TrimWhiteSpace(out));
}

std::string CleanLine(std::string_view text) {
  std::string line = CleanText(text);
  for (char& c : line)
    if (c == '\n') c = ' ';
  return line;
}

std::vector<std::string> ParagraphsFromLines(std::string_view text) {
  const std::string clean = CleanText(text);
  std::vector<std::string> paragraphs;
  std::size_t begin = 0;
  while (begin <= clean.size()) {
    std::size_t end = clean.find('\n', begin);
    if (end == std::string::npos) end = clean.size();
    const auto line = TrimWhiteSpace(std::string_view(clean).substr(begin, end - begin));
    if (!line.empty()) paragraphs.emplace_back(line);
    begin = end + 1;
  }
  return paragraphs;
}

}  // namespace gazette::importer
