#include "importer/name_tagger.hpp"

#include <algorithm>
#include <utility>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace gazette::importer {
namespace {

bool IsWordChar(UChar32 c) { return c >= 0 && u_isalnum(c); }

bool IsArabicPrefix(UChar32 c) {
  return c == 0x0648 || c == 0x0641 || c == 0x0628 || c == 0x0643 || c == 0x0644;  // و ف ب ك ل
}

// The same word is spelt with or without hamza on its alef and with or without vowel marks.
std::string NormaliseArabic(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640) continue;
    if (c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671) {
      out += "\u0627";
      continue;
    }
    out.append(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
  }
  return out;
}

UChar32 CodePointBefore(std::string_view text, int32_t& position) {
  UChar32 c;
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, position, c);
  return c;
}

bool StartsWord(std::string_view text, std::size_t at, bool arabic) {
  auto position = static_cast<int32_t>(at);
  for (int prefixes = 0;; ++prefixes) {
    if (position == 0) return true;
    const UChar32 c = CodePointBefore(text, position);
    if (!IsWordChar(c)) return true;
    if (!arabic || prefixes == 2 || !IsArabicPrefix(c)) return false;
  }
}

bool EndsWord(std::string_view text, std::size_t at) {
  if (at >= text.size()) return true;
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  auto i = static_cast<int32_t>(at);
  UChar32 c;
  U8_NEXT(s, i, static_cast<int32_t>(text.size()), c);
  return !IsWordChar(c);
}

}  // namespace

NameTagger::NameTagger(std::vector<Name> names, bool arabic) : names_(std::move(names)), arabic_(arabic) {
  if (!arabic_) return;
  const std::string article = "\u0627\u0644";  // ال
  for (auto& name : names_) {
    std::vector<std::string> phrases;
    for (const auto& phrase : name.phrases) {
      phrases.push_back(NormaliseArabic(phrase));
      // After the preposition ل the article's alef drops: العراق, للعراق.
      if (phrases.back().starts_with(article))
        phrases.push_back("\u0644\u0644" + phrases.back().substr(article.size()));
    }
    name.phrases = std::move(phrases);
  }
}

std::vector<std::string> NameTagger::Tags(std::string_view text, std::size_t max_tags) const {
  std::string normalised;
  if (arabic_) {
    normalised = NormaliseArabic(text);
    text = normalised;
  }
  std::vector<std::pair<std::size_t, std::size_t>> mentions;  // (first position, name index)
  for (std::size_t n = 0; n < names_.size(); ++n) {
    std::size_t first = std::string_view::npos;
    for (const auto& phrase : names_[n].phrases) {
      for (auto at = text.find(phrase); at != std::string_view::npos && at < first;
           at = text.find(phrase, at + 1)) {
        if (StartsWord(text, at, arabic_) && EndsWord(text, at + phrase.size())) {
          first = at;
          break;
        }
      }
    }
    if (first != std::string_view::npos) mentions.emplace_back(first, n);
  }
  std::sort(mentions.begin(), mentions.end());
  std::vector<std::string> tags;
  for (const auto& [position, n] : mentions) {
    if (tags.size() == max_tags) break;
    if (std::find(tags.begin(), tags.end(), names_[n].tag) == tags.end()) tags.push_back(names_[n].tag);
  }
  return tags;
}

}  // namespace gazette::importer
