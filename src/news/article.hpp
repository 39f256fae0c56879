#pragma once
// Articles and the things that classify them. Plain values, no I/O.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "news/language.hpp"

namespace gazette::news {

using TimePoint = std::chrono::sys_seconds;
using ArticleId = std::int64_t;

enum class ArticleStatus { kDraft, kScheduled, kPublished, kUnpublished };
std::string_view StatusName(ArticleStatus status);
// Returns nothing for names other than draft, scheduled, published, unpublished.
std::optional<ArticleStatus> ParseStatus(std::string_view name);

// A section of one edition: /en/middle-east/.
struct Section {
  std::int64_t id = 0;
  Language language = Language::kEnglish;
  std::string slug;
  std::string name;
};

// A tag of one edition: /en/tag/iran/.
struct Tag {
  std::int64_t id = 0;
  Language language = Language::kEnglish;
  std::string slug;
  std::string name;
};

// What an editor or a loader hands to the store. Names (section, tags, source, byline) are
// resolved to rows by the store, created when new.
struct ArticleDraft {
  // Identifies the article in the place it came from ("bbc:<hash>", a wire GUID). When set,
  // saving again updates the article with this id rather than the one with the slug.
  std::optional<std::string> external_id;
  Language language = Language::kEnglish;
  std::string slug;
  std::string headline;
  std::string standfirst;
  std::string dateline;
  // CommonMark (GitHub flavour), rendered with cmark-gfm; raw HTML in it is never emitted.
  std::string body_markdown;
  std::string source;  // "AFP"; empty when unknown.
  std::string byline;  // The author's name; empty when none.
  std::string section_name;
  std::string section_slug;  // Derived from section_name when empty.
  std::vector<std::string> tags;  // Tag names.
  ArticleStatus status = ArticleStatus::kDraft;
  std::optional<TimePoint> published_at;
};

// What lists show: enough for a link with its headline and timestamp.
struct ArticleSummary {
  ArticleId id = 0;
  Language language = Language::kEnglish;
  std::string slug;
  std::string headline;
  std::string standfirst;
  std::string section_slug;
  std::string section_name;
  std::optional<TimePoint> published_at;
};

struct Article {
  ArticleId id = 0;
  Language language = Language::kEnglish;
  std::string slug;
  std::string headline;
  std::string standfirst;
  std::string dateline;
  std::string body_markdown;
  std::string source;
  std::string byline;
  Section section;
  std::vector<Tag> tags;
  ArticleStatus status = ArticleStatus::kDraft;
  TimePoint created_at{};
  TimePoint updated_at{};
  std::optional<TimePoint> published_at;
};

// The article's path on the public site: /{language}/{section-slug}/{article-slug}, with
// non-ASCII characters percent-encoded.
std::string ArticlePath(Language language, std::string_view section_slug,
                        std::string_view article_slug);

}  // namespace gazette::news
