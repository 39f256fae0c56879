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

std::vector<std::string> CacheTagsOf(const Article& article) {
  std::vector<std::string> tags{ArticleCacheTag(article.id), EditionCacheTag(article.language),
                                SectionCacheTag(article.language, article.section.slug)};
  for (const auto& tag : article.tags) tags.push_back(TagCacheTag(article.language, tag.slug));
  return tags;
}

}  // namespace gazette::news
