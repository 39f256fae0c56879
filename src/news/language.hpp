#pragma once
// The editions Gazette publishes. Each language is one edition of the site under /{code}/.
#include <optional>
#include <string_view>

namespace gazette::news {

enum class Language { kEnglish, kArabic };

// "en" or "ar".
std::string_view LanguageCode(Language language);
// Returns nothing for codes other than "en" and "ar".
std::optional<Language> ParseLanguage(std::string_view code);
bool IsRightToLeft(Language language);

}  // namespace gazette::news
