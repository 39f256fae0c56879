// Plain text to CommonMark; the escaping rules are in docs/data-loading.md.
#include "importer/plain_text.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace gazette::importer {
namespace {

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
