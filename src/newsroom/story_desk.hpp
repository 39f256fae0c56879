#pragma once
// What the newsroom does to stories: save (with a revision each time), publish, unpublish,
// schedule, restore a revision, add a correction; each change announces its cache tags and
// goes in the audit log (docs/newsroom.md). Callers check permissions (permissions.hpp) first.
#include <optional>
#include <string>
#include <string_view>

#include "news/changes.hpp"
#include "newsroom/accounts.hpp"
#include "newsroom/line_diff.hpp"
#include "store/store.hpp"

namespace gazette::newsroom {

enum class StoryAction { kSave, kPublish, kUnpublish, kSchedule };

// Thread-safe.
class StoryDesk {
 public:
  StoryDesk(store::Store& store, news::Announce announce, Clock clock)
      : store_(store), announce_(std::move(announce)), clock_(std::move(clock)) {}

  // Saves the draft as a new story (no id) or over story `id`, then applies the action, keeps a
  // revision and announces the change. A new story gets a slug from its headline; an existing
  // one keeps its slug. kSave keeps the story's status; kSchedule needs `schedule_at`.
  // Returns the story's id. Throws Error kInvalid (the message names the field) for a draft
  // the store refuses, kNotFound for an unknown id.
  news::ArticleId Save(const SignedIn& who, std::optional<news::ArticleId> id, news::ArticleDraft draft,
                       StoryAction action, std::optional<news::TimePoint> schedule_at = std::nullopt,
                       std::string_view revision_note = "") const;

  // Saves revision `revision_id`'s content over the story (its status stays). Throws Error
  // kNotFound when the revision is not one of the story's.
  void Restore(const SignedIn& who, news::ArticleId id, store::RevisionId revision_id) const;

  // Adds a dated "correction" or "update" note to a published story. Throws Error kInvalid for
  // an empty or over-long text, another kind, or a story that is not published.
  void AddNote(const SignedIn& who, news::ArticleId id, std::string_view kind, std::string_view text) const;

 private:
  void Audit(const SignedIn& who, std::string_view action, news::ArticleId id, std::string detail) const;

  store::Store& store_;
  news::Announce announce_;
  Clock clock_;
};

// The draft a story would save as now (for the editor and for restoring).
news::ArticleDraft DraftOf(const news::Article& article);

// The difference between two revisions' contents, line by line: the fields ("# headline",
// the standfirst, "[section] tags", "byline / dateline / source"), then the body.
std::vector<DiffLine> RevisionDiff(const news::ArticleDraft& from, const news::ArticleDraft& to);

}  // namespace gazette::newsroom
