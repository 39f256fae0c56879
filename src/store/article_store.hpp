#pragma once
// Articles: saving drafts from editors and loaders, and the published lists the site shows.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "news/article.hpp"

namespace gazette::store {

enum class SaveOutcome { kCreated, kUpdated, kUnchanged };

struct SaveResult {
  news::ArticleId id = 0;
  SaveOutcome outcome = SaveOutcome::kCreated;
};

// One page of a published list, newest first. Pages count from 1.
struct ArticleQuery {
  news::Language language = news::Language::kEnglish;
  std::optional<std::string> section_slug;  // Only this section.
  std::optional<std::string> tag_slug;      // Only articles with this tag.
  int page = 1;
  int page_size = 20;
  bool with_total = true;  // False: the caller shows no paging, so total is left 0.
};

struct ArticlePage {
  std::vector<news::ArticleSummary> items;
  long long total = 0;  // Articles in the whole list, for paging (0 unless with_total).
};

// Thread-safe. Every method is one transaction.
class ArticleStore {
 public:
  virtual ~ArticleStore() = default;

  // Inserts the article, or updates the one with the same external_id (else the same language
  // and slug). Creates the section, tags, source and author when new. Saving identical content
  // again changes nothing (kUnchanged; updated_at stays). Throws Error kInvalid for an empty
  // headline or an invalid slug, kConflict when the slug belongs to another external_id.
  virtual SaveResult Save(const news::ArticleDraft& draft) = 0;

  // Saves all drafts in one transaction: all of them or, on a throw, none.
  virtual std::vector<SaveResult> SaveAll(std::span<const news::ArticleDraft> drafts) = 0;

  // The published article with this slug in this edition, or nothing. (Its section is in the
  // result: a page asked for under another section can redirect to the right one.)
  virtual std::optional<news::Article> FindPublished(news::Language language,
                                                     std::string_view slug) = 0;

  // The total of an edition, a section or a tag is read from counts the database keeps (one
  // row); of a section and a tag together, counted each time.
  virtual ArticlePage ListPublished(const ArticleQuery& query) = 0;

  // Published articles of the same edition that share a tag with this one, newest first,
  // never the article itself.
  virtual std::vector<news::ArticleSummary> Related(const news::Article& article, int limit) = 0;

  // Publishes every scheduled article whose publication time is at or before `now`, and
  // returns them as published. Exactly once across every process on the same database: two
  // nodes calling this together never both return the same article.
  virtual std::vector<news::Article> PublishDue(news::TimePoint now) = 0;

  // All articles in every state, for operators and tests.
  virtual long long CountAll() = 0;
};

}  // namespace gazette::store
