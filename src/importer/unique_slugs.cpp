#include "importer/unique_slugs.hpp"

#include <fmt/format.h>

#include "news/content_hash.hpp"
#include "news/slug.hpp"

namespace gazette::importer {

std::string BaseSlug(std::string_view headline, std::string_view fallback_key) {
  std::string slug = news::MakeSlug(headline);
  if (slug.empty()) slug = "story-" + news::ContentHash(fallback_key).substr(0, 12);
  return slug;
}

std::string UniqueSlugs::Claim(news::Language language, std::string_view slug) {
  std::string candidate(slug);
  for (int n = 2; used_.contains(std::make_pair(language, candidate)); ++n)
    candidate = fmt::format("{}-{}", slug, n);
  used_.emplace(language, candidate);
  return candidate;
}

}  // namespace gazette::importer
