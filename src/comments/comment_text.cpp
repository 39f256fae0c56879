// Comment text; docs/comments.md, "Text".
#include "comments/comment_text.hpp"

#include <algorithm>
#include <cstdint>

#include "news/utf8.hpp"

namespace gazette::comments {
namespace {

void AppendEscaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

// Length of the URL starting at text[0], or 0 when no http(s) URL starts there. A URL is ASCII
// without spaces, quotes or angle brackets; trailing punctuation belongs to the sentence.
std::size_t UrlLength(std::string_view text) {
  std::size_t scheme = StartsWithNoCase(text, "https://") ? 8 : StartsWithNoCase(text, "http://") ? 7 : 0;
  if (scheme == 0) return 0;
  std::size_t end = scheme;
  while (end < text.size()) {
    const auto c = static_cast<unsigned char>(text[end]);
    if (c <= 0x20 || c >= 0x7f || c == '<' || c == '>' || c == '"' || c == '\'' || c == '`') break;
    ++end;
  }
  while (end > scheme && std::string_view(".,;:!?)]}").find(text[end - 1]) != std::string_view::npos) --end;
  return end > scheme ? end : 0;
}

// Decodes one code point of valid UTF-8 at text[i]; returns its length.
std::size_t Decode(std::string_view text, std::size_t i, std::uint32_t& cp) {
  const auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80) { cp = b; return 1; }
  const std::size_t length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
  cp = b & (0x7f >> length);
  for (std::size_t k = 1; k < length && i + k < text.size(); ++k) cp = (cp << 6) | (text[i + k] & 0x3f);
  return length;
}

bool IsControl(std::uint32_t cp) { return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f); }

}  // namespace

std::string NormalizeNewlines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::size_t CodePoints(std::string_view utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  }));
}

bool HasControlCharacters(std::string_view utf8, bool allow_newline) {
  for (std::size_t i = 0; i < utf8.size();) {
    std::uint32_t cp = 0;
    i += Decode(utf8, i, cp);
    if (IsControl(cp) && !(allow_newline && cp == '\n')) return true;
  }
  return false;
}

int CountLinks(std::string_view text) {
  int links = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (const auto length = UrlLength(text.substr(i))) {
      ++links;
      i += length;
    } else {
      ++i;
    }
  }
  return links;
}

std::string Printable(std::string_view text) {
  const std::string valid = news::IsValidUtf8(text) ? std::string(text) : [&] {
    std::string repaired;
    std::string_view rest = text;
    while (!rest.empty()) {
      const auto bad = news::FirstInvalidUtf8(rest);
      if (!bad) { repaired += rest; break; }
      repaired += rest.substr(0, *bad);
      repaired += "\xEF\xBF\xBD";
      rest.remove_prefix(*bad + 1);
    }
    return repaired;
  }();
  std::string out;
  for (std::size_t i = 0; i < valid.size();) {
    std::uint32_t cp = 0;
    const auto length = Decode(valid, i, cp);
    if (IsControl(cp) && cp != '\n') out += "\xEF\xBF\xBD";
    else out.append(valid, i, length);
    i += length;
  }
  return out;
}

std::string CommentHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 4);
  std::size_t plain_start = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto length = (text[i] == 'h' || text[i] == 'H') ? UrlLength(text.substr(i)) : 0;
    if (length == 0 && text[i] != '\n') {
      ++i;
      continue;
    }
    AppendEscaped(out, text.substr(plain_start, i - plain_start));
    if (length > 0) {
      const auto url = text.substr(i, length);
      out += "<a href=\"";
      AppendEscaped(out, url);
      out += "\" rel=\"nofollow ugc noopener\">";
      AppendEscaped(out, url);
      out += "</a>";
      i += length;
    } else {
      out += "<br>\n";
      ++i;
    }
    plain_start = i;
  }
  AppendEscaped(out, text.substr(plain_start));
  return out;
}

}  // namespace gazette::comments
