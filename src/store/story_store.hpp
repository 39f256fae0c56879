#pragma once
// The newsroom's view of articles (docs/newsroom.md): every article in every state, who owns
// it, the revision kept at each save, and the dated correction and update notes readers see.
// The newsroom saves content through SaveStory, so a save and its revision land together.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "news/article.hpp"
#include "store/article_store.hpp"
#include "store/user_store.hpp"

namespace gazette::store {

struct StoryQuery {
  std::optional<news::ArticleStatus> status;
  std::optional<news::Language> language;
  std::optional<std::string> section_slug;
  std::optional<std::string> source;  // The source's name, exactly ("AFP").
  // The byline's author or the newsroom user who started the story, by name, exactly.
  std::optional<std::string> author;
  bool from_wire = false;  // Only articles that wire ingest made (a row in its ledger).
  int page = 1;  // From 1.
  int page_size = 25;
};

struct StoryListItem {
  news::ArticleId id = 0;
  news::Language language = news::Language::kEnglish;
  std::string slug;
  std::string headline;
  std::string section_slug;
  std::string section_name;
  news::ArticleStatus status = news::ArticleStatus::kDraft;
  news::TimePoint updated_at{};
  std::optional<news::TimePoint> published_at;
  std::string source;  // "" when none.
  std::string byline;  // "" when none.
};

struct StoryPage {
  std::vector<StoryListItem> items;  // Most recently updated first.
  long long total = 0;
};

// An article in any state, with what the newsroom needs beside it.
struct Story {
  news::Article article;
  std::optional<std::string> external_id;
  std::optional<UserId> owner;  // Who created it in the newsroom; none for loaded stories.
};

using RevisionId = std::int64_t;

// The article's content as one save left it.
struct Revision {
  RevisionId id = 0;
  news::ArticleId article_id = 0;
  std::optional<UserId> user_id;
  std::string user_name;
  news::TimePoint saved_at{};
  std::string note;  // "restored from revision 3", ...
  news::ArticleDraft content;
};

// Who saved a story, as the revision records it.
struct RevisionAuthor {
  std::optional<UserId> user_id;  // None when the user is gone or was never one.
  std::string user_name;
  std::string note;  // "restored revision 3", ...; "" for none.
};

struct ArticleNote {
  std::int64_t id = 0;
  news::ArticleId article_id = 0;
  std::string kind;  // "correction" or "update".
  std::string text;
  news::TimePoint created_at{};
};

// Thread-safe. Every method is one transaction.
class StoryStore {
 public:
  virtual ~StoryStore() = default;

  // Any status; nothing when there is no such article.
  virtual std::optional<Story> Find(news::ArticleId id) = 0;
  // The article's external_id, first setting it to "article:<id>" when it has none, so saves
  // from the editor find the same article even when the slug or language changes. Throws
  // Error kNotFound for an unknown article.
  virtual std::string EnsureExternalId(news::ArticleId id) = 0;
  virtual StoryPage List(const StoryQuery& query) = 0;

  // Saves the draft exactly as ArticleStore::Save does and, in the same transaction, records
  // new_owner as the owner (when given and the article has none yet; a first owner stays) and
  // keeps a revision of the draft by `author` at `at` unless the outcome is kUnchanged. Throws
  // what ArticleStore::Save throws (kInvalid, kConflict for a slug another article holds) and
  // any database error; on a throw nothing of it is kept: no article change, owner or revision.
  virtual SaveResult SaveStory(const news::ArticleDraft& draft, std::optional<UserId> new_owner,
                               const RevisionAuthor& author, news::TimePoint at) = 0;
  // Newest first.
  virtual std::vector<Revision> Revisions(news::ArticleId id) = 0;
  virtual std::optional<Revision> FindRevision(RevisionId id) = 0;

  // Throws Error kInvalid for a kind other than "correction" or "update", kNotFound for an
  // unknown article.
  virtual std::int64_t AddNote(news::ArticleId id, std::string_view kind, std::string_view text,
                               std::optional<UserId> user_id, news::TimePoint at) = 0;
  // Oldest first.
  virtual std::vector<ArticleNote> Notes(news::ArticleId id) = 0;
};

}  // namespace gazette::store
