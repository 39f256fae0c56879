#pragma once
// The wire ledger: which version of each agency item (provider, GUID) was applied to which
// article, and the article's revisions. Rules: docs/ingest.md ("Versions, withdrawal, embargo").
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "news/article.hpp"

namespace gazette::store {

// One version of one wire item, already mapped to the article it should become.
struct WireApply {
  std::string provider;  // "AFP"
  std::string guid;
  std::int64_t version = 1;
  std::string format;  // "newsml-g2", for the ledger.
  // True for a withheld or cancelled item: the article is unpublished, the draft is not saved.
  bool withdrawn = false;
  // The article. Its slug is a wish: a new article takes it, or "<slug>-2", "-3"... when another
  // article has it; an update keeps the article's slug. external_id is set by the store.
  news::ArticleDraft draft;
  // With the "hold" policy (draft.status kDraft), an article already published stays published.
  // With an embargo (draft.status kScheduled), an article already published stays published.
};

enum class WireOutcome {
  kCreated,    // The first version seen: a new article.
  kUpdated,    // A newer version: the article now shows it.
  kWithdrawn,  // A newer version that is withheld or cancelled: the article is unpublished.
  kStale,      // This version or a newer one was applied before: nothing changed.
};
std::string_view WireOutcomeName(WireOutcome outcome);  // "created", "updated", ...

struct WireApplyResult {
  WireOutcome outcome = WireOutcome::kStale;
  // The article; empty when none exists (an item whose first version was withdrawn).
  std::optional<news::ArticleId> article_id;
  std::int64_t applied_version = 0;  // The version the ledger holds now.
  news::Language language = news::Language::kEnglish;
  std::string slug;          // The article's, when there is one.
  std::string section_slug;  // The article's, when there is one.
  news::ArticleStatus status = news::ArticleStatus::kDraft;  // The article's, after the apply.
  // Cache tags of everything the change touched, before and after (empty for kStale).
  std::vector<std::string> cache_tags;
};

// What the ledger holds for one item.
struct WireLedgerEntry {
  std::string provider;
  std::string guid;
  std::int64_t version = 0;
  std::optional<news::ArticleId> article_id;
  std::string status;  // "usable" or "withdrawn".
  std::string format;
  news::TimePoint received_at{};
  news::TimePoint updated_at{};
};

// One saved version of an article's wire copy.
struct ArticleRevision {
  news::ArticleId article_id = 0;
  std::int64_t version = 0;
  std::string headline;
  std::string standfirst;
  std::string byline;
  std::string dateline;
  std::string body_markdown;
  news::TimePoint saved_at{};
};

// Thread-safe. Every method is one transaction.
class WireStore {
 public:
  virtual ~WireStore() = default;

  // Applies one version, all or nothing: a version newer than the ledger's saves the article
  // (created or updated, with a revision holding this version's copy) or, withdrawn,
  // unpublishes it; any other version changes nothing and returns kStale. Concurrent applies of
  // the same item are serialised: exactly one of them applies each version. Throws what
  // ArticleStore::Save throws for an invalid draft (nothing is then recorded).
  virtual WireApplyResult Apply(const WireApply& apply) = 0;

  virtual std::optional<WireLedgerEntry> Find(std::string_view provider, std::string_view guid) = 0;
  // The article's revisions, oldest version first.
  virtual std::vector<ArticleRevision> Revisions(news::ArticleId article_id) = 0;
  // Rows in the ledger, for operators and tests.
  virtual long long CountItems() = 0;
};

// The article's external_id for a wire item: "wire:<provider>:<guid>".
std::string WireExternalId(std::string_view provider, std::string_view guid);

}  // namespace gazette::store
