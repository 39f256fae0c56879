#include "store/wire_rules.hpp"

#include <algorithm>

#include "news/changes.hpp"
#include "news/slug.hpp"
#include "store/article_rules.hpp"

namespace gazette::store {
namespace {

void AddOnce(std::vector<std::string>& tags, std::string tag) {
  if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(std::move(tag));
}

}  // namespace

std::string_view WireOutcomeName(WireOutcome outcome) {
  switch (outcome) {
    case WireOutcome::kCreated: return "created";
    case WireOutcome::kUpdated: return "updated";
    case WireOutcome::kWithdrawn: return "withdrawn";
    case WireOutcome::kStale: break;
  }
  return "stale";
}

std::string WireExternalId(std::string_view provider, std::string_view guid) {
  std::string id = "wire:";
  id.append(provider).append(":").append(guid);
  return id;
}

news::ArticleDraft WireDraft(const WireApply& apply, const std::optional<WireArticleState>& existing) {
  news::ArticleDraft draft = apply.draft;
  draft.external_id = WireExternalId(apply.provider, apply.guid);
  if (!existing) return draft;
  draft.language = existing->language;
  draft.slug = existing->slug;
  if (existing->status == news::ArticleStatus::kPublished) {
    draft.status = news::ArticleStatus::kPublished;
    draft.published_at = existing->published_at;
  }
  return draft;
}

std::string SlugCandidate(const std::string& wish, int attempt) {
  return attempt <= 1 ? wish : wish + "-" + std::to_string(attempt);
}

WireArticleState StateOf(const news::ArticleDraft& draft) {
  WireArticleState state{draft.language, draft.slug, SectionSlugOf(draft), {}, draft.status, draft.published_at};
  for (const auto& name : draft.tags)
    if (auto slug = news::MakeSlug(name); !slug.empty()) AddOnce(state.tag_slugs, slug);
  return state;
}

std::vector<std::string> WireCacheTags(news::ArticleId id, const std::optional<WireArticleState>& before,
                                       const std::optional<WireArticleState>& after) {
  std::vector<std::string> tags{news::ArticleCacheTag(id)};
  for (const auto* state : {&before, &after}) {
    if (!*state || (*state)->status != news::ArticleStatus::kPublished) continue;
    const auto& shown = **state;
    AddOnce(tags, news::EditionCacheTag(shown.language));
    AddOnce(tags, news::SectionCacheTag(shown.language, shown.section_slug));
    for (const auto& slug : shown.tag_slugs) AddOnce(tags, news::TagCacheTag(shown.language, slug));
  }
  return tags;
}

}  // namespace gazette::store
