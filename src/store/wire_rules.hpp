#pragma once
// What both WireStore implementations apply: the draft a version becomes given the article it
// updates, and the cache tags a change announces. Pure functions (see article_rules.hpp).
#include <optional>
#include <string>
#include <vector>

#include "news/article.hpp"
#include "store/wire_store.hpp"

namespace gazette::store {

// The state of the article a wire item made, as the store reads it inside the transaction.
struct WireArticleState {
  news::Language language = news::Language::kEnglish;
  std::string slug;
  std::string section_slug;
  std::vector<std::string> tag_slugs;
  news::ArticleStatus status = news::ArticleStatus::kDraft;
  std::optional<news::TimePoint> published_at;
};

// The draft to save for `apply`: external_id set; for an update, the article's edition and slug
// kept, and an article already published stays published at its first publication time (a
// held or embargoed update does not take a live story down).
news::ArticleDraft WireDraft(const WireApply& apply, const std::optional<WireArticleState>& existing);

// The slug to try for a new article: the wish, then "<wish>-2", "<wish>-3"...
std::string SlugCandidate(const std::string& wish, int attempt);

// The state after saving `draft`.
WireArticleState StateOf(const news::ArticleDraft& draft);

// The article's tag, and for each published state (before, after): its edition, section and
// tags. A change never visible on the site announces the article's tag alone.
std::vector<std::string> WireCacheTags(news::ArticleId id, const std::optional<WireArticleState>& before,
                                       const std::optional<WireArticleState>& after);

}  // namespace gazette::store
