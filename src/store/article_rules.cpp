#include "store/article_rules.hpp"

#include <fmt/format.h>

#include "news/content_hash.hpp"
#include "news/error.hpp"
#include "news/slug.hpp"

namespace gazette::store {

std::string SectionSlugOf(const news::ArticleDraft& draft) {
  return draft.section_slug.empty() ? news::MakeSlug(draft.section_name) : draft.section_slug;
}

void ValidateDraft(const news::ArticleDraft& d, std::string_view section_slug) {
  const auto where = d.external_id ? *d.external_id : d.slug;
  if (d.headline.empty()) throw Error(ErrorKind::kInvalid, fmt::format("article {}: the headline is empty", where));
  if (!news::IsValidSlug(d.slug))
    throw Error(ErrorKind::kInvalid, fmt::format("article {}: invalid slug '{}'", where, d.slug));
  if (d.section_name.empty() || !news::IsValidSlug(section_slug) || section_slug == "tag")
    throw Error(ErrorKind::kInvalid,
                fmt::format("article {}: invalid section '{}' (slug '{}')", where, d.section_name, section_slug));
}

std::string Fingerprint(const news::ArticleDraft& d, std::string_view section_slug) {
  std::string text = fmt::format(
      "{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}",
      news::LanguageCode(d.language), d.slug, d.headline, d.standfirst, d.dateline, d.body_markdown,
      d.source, d.byline, d.section_name, section_slug, news::StatusName(d.status),
      d.published_at ? d.published_at->time_since_epoch().count() : -1);
  for (const auto& tag : d.tags) text += "\x1e" + tag;
  return news::ContentHash(text);
}

}  // namespace gazette::store
