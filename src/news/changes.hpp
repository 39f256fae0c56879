#pragma once
// How a write tells the rest of Gazette what it changed: a list of cache tags. Every rendered
// response carries the tags of what it shows; a change announces the tags it touched, and the
// response cache (and, with PostgreSQL, every other node) drops the responses carrying any of
// them. One mechanism for every kind of change (see ../shared/DESIGN.md, "A write").
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "news/article.hpp"

namespace gazette::news {

// Called after the write has committed. Must be cheap and must not throw.
using Announce = std::function<void(const std::vector<std::string>& tags)>;

// "article:42": the article itself, and every page that shows it (lists, related stories).
std::string ArticleCacheTag(ArticleId id);
// "edition:en": the edition's home page and anything listing the whole edition.
std::string EditionCacheTag(Language language);
// "section:en/world": the section's pages.
std::string SectionCacheTag(Language language, std::string_view section_slug);
// "tag:en/iran": the tag's pages, and the article pages whose related stories come from it.
std::string TagCacheTag(Language language, std::string_view tag_slug);
// Everything a change to this article touches: the article, its edition's lists, its section
// and each of its tags.
std::vector<std::string> CacheTagsOf(const Article& article);

// "site": every page (site name, footer lines, timestamp format, navigation).
inline constexpr std::string_view kSiteCacheTag = "site";

}  // namespace gazette::news
