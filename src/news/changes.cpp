#include "news/changes.hpp"

#include <fmt/format.h>

namespace gazette::news {

std::string ArticleCacheTag(ArticleId id) { return fmt::format("article:{}", id); }

std::string EditionCacheTag(Language language) { return fmt::format("edition:{}", LanguageCode(language)); }

std::string SectionCacheTag(Language language, std::string_view section_slug) {
  return fmt::format("section:{}/{}", LanguageCode(language), section_slug);
}

std::string TagCacheTag(Language language, std::string_view tag_slug) {
  return fmt::format("tag:{}/{}", LanguageCode(language), tag_slug);
}

}  // namespace gazette::news
