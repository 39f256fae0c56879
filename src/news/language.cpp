#include "news/language.hpp"

namespace gazette::news {

std::string_view LanguageCode(Language language) {
  return language == Language::kArabic ? "ar" : "en";
}

std::optional<Language> ParseLanguage(std::string_view code) {
  if (code == "en") return Language::kEnglish;
  if (code == "ar") return Language::kArabic;
  return std::nullopt;
}

bool IsRightToLeft(Language language) { return language == Language::kArabic; }

}  // namespace gazette::news
