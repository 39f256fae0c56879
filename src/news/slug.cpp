#include "news/slug.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "news/utf8.hpp"

namespace gazette::news {
namespace {

// Harakat, superscript alef and tatweel carry no meaning in a URL.
bool IsArabicMark(UChar32 c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640;
}

void AppendUtf8(std::string& out, UChar32 c) {
  char buf[U8_MAX_LENGTH];
  int32_t len = 0;
  UBool error = false;
  U8_APPEND(buf, len, U8_MAX_LENGTH, c, error);
  if (!error) out.append(buf, static_cast<std::size_t>(len));
}

}  // namespace

std::string MakeSlug(std::string_view text, std::size_t max_chars) {
  std::string slug;
  std::size_t chars = 0;
  std::size_t last_word_end = 0;
  bool pending_dash = false;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c == '\'' || c == 0x2019) continue;  // "Assad's" -> "assads", not "assad-s".
    if (c >= 0 && IsArabicMark(c)) continue;
    if (c < 0 || !u_isalnum(c)) {
      if (!slug.empty()) pending_dash = true;
      continue;
    }
    if (pending_dash) {
      last_word_end = slug.size();
      if (chars + 1 >= max_chars) break;
      slug += '-';
      ++chars;
      pending_dash = false;
    }
    if (chars >= max_chars) {
      if (last_word_end > 0) slug.resize(last_word_end);
      break;
    }
    AppendUtf8(slug, u_tolower(c));
    ++chars;
  }
  return slug;
}

bool IsValidSlug(std::string_view slug) {
  return !slug.empty() && slug.find('/') == std::string_view::npos &&
         slug.find("..") == std::string_view::npos && IsValidUtf8(slug);
}

}  // namespace gazette::news
