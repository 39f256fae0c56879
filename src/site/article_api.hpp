#pragma once
// PUT /api/articles: saves one article given as JSON (the ArticleDraft fields) and announces
// what changed, so cached pages showing it are dropped. A small machine API, bearer-protected,
// until the newsroom's own; see docs/caching.md.
#include <optional>
#include <string>
#include <vector>

#include "http/router.hpp"
#include "news/changes.hpp"
#include "store/store.hpp"

namespace gazette::site {

class ArticleApi {
 public:
  // An empty `api_token` refuses every request. `announce` gets the tags of each change after
  // it committed.
  ArticleApi(store::Store& store, std::string api_token, news::Announce announce)
      : store_(store), api_token_(std::move(api_token)), announce_(std::move(announce)) {}

  void Register(http::Router& router) const;

  // 401 without the right "Authorization: Bearer <token>"; 400 for JSON that is not a draft
  // (the message names the field); else 201 (created) or 200 with {"id", "outcome", "path",
  // "announced"}.
  http::Response Put(const http::Request& request) const;

 private:
  store::Store& store_;
  const std::string api_token_;
  const news::Announce announce_;
};

// Reads a draft from JSON: language ("en"/"ar"), slug, headline, standfirst, dateline,
// body_markdown (or body_paragraphs, joined as paragraphs), source, byline, section,
// section_slug, tags (names), status, published_at (ISO 8601), external_id. Throws Error
// kInvalid naming the field for a wrong type or value.
news::ArticleDraft ParseDraftJson(std::string_view json);

// The tags a change to article `id` announces, from how the article was published before and
// after it (nothing when it was not or is no longer published): the article, its edition's
// lists, and the section and tag lists it left or joined. Pages that showed it carry its
// article tag; the others are the lists it may now appear in or that shift because it left.
std::vector<std::string> ArticleChangeTags(news::ArticleId id, news::Language language,
                                           const std::optional<news::Article>& before,
                                           const std::optional<news::Article>& after);

}  // namespace gazette::site
