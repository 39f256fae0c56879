// Saving, publishing and correcting stories: docs/newsroom.md, "Stories".
#include "newsroom/story_desk.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "news/error.hpp"
#include "news/slug.hpp"
#include "news/timestamp.hpp"
#include "newsroom/passwords.hpp"

namespace gazette::newsroom {
namespace {

void AddOnce(std::vector<std::string>& tags, std::string tag) {
  if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(std::move(tag));
}

std::optional<news::Article> PublishedOf(const std::optional<store::Story>& story) {
  if (story && story->article.status == news::ArticleStatus::kPublished) return story->article;
  return std::nullopt;
}

std::vector<std::string> SectionSlugs(store::CatalogStore& catalog, news::Language language) {
  std::vector<std::string> slugs;
  for (const auto& section : catalog.ListSections(language)) slugs.push_back(section.slug);
  return slugs;
}

}  // namespace

news::ArticleDraft DraftOf(const news::Article& a) {
  news::ArticleDraft d;
  d.language = a.language;
  d.slug = a.slug;
  d.headline = a.headline;
  d.standfirst = a.standfirst;
  d.dateline = a.dateline;
  d.body_markdown = a.body_markdown;
  d.source = a.source;
  d.byline = a.byline;
  d.section_name = a.section.name;
  d.section_slug = a.section.slug;
  for (const auto& tag : a.tags) d.tags.push_back(tag.name);
  d.status = a.status;
  d.published_at = a.published_at;
  return d;
}

news::ArticleId StoryDesk::Save(const SignedIn& who, std::optional<news::ArticleId> id, news::ArticleDraft draft,
                                StoryAction action, std::optional<news::TimePoint> schedule_at,
                                std::string_view revision_note) const {
  auto& stories = store_.Stories();
  const auto now = clock_();
  std::optional<store::Story> before;
  if (id) {
    before = stories.Find(*id);
    if (!before) throw Error(ErrorKind::kNotFound, fmt::format("no story {}", *id));
    draft.external_id = stories.EnsureExternalId(*id);
    draft.slug = before->article.slug;
    // The section's slug follows its name, unless the name is the one the story has.
    draft.section_slug = draft.section_name == before->article.section.name ? before->article.section.slug : "";
    draft.status = before->article.status;
    draft.published_at = before->article.published_at;
  } else {
    draft.external_id = "newsroom:" + RandomHex(12);
    draft.slug = news::MakeSlug(draft.headline);
    draft.section_slug.clear();
    draft.status = news::ArticleStatus::kDraft;
    draft.published_at.reset();
  }
  if (draft.section_slug.empty() && !draft.section_name.empty()) draft.section_slug = news::MakeSlug(draft.section_name);
  if (draft.slug.empty() && !draft.headline.empty()) draft.slug = "story-" + RandomHex(4);

  switch (action) {
    case StoryAction::kSave: break;
    case StoryAction::kPublish:
      if (draft.status != news::ArticleStatus::kPublished || !draft.published_at || *draft.published_at > now)
        draft.published_at = now;
      draft.status = news::ArticleStatus::kPublished;
      break;
    case StoryAction::kUnpublish: draft.status = news::ArticleStatus::kUnpublished; break;
    case StoryAction::kSchedule:
      if (!schedule_at) throw Error(ErrorKind::kInvalid, "schedule_at: give the time to publish at (UTC)");
      draft.status = news::ArticleStatus::kScheduled;
      draft.published_at = *schedule_at;
      break;
  }

  const auto sections_before = SectionSlugs(store_.Catalog(), draft.language);
  store::SaveResult saved;
  const store::RevisionAuthor author{who.user.id, who.user.name, std::string(revision_note)};
  const auto new_owner = id ? std::nullopt : std::optional(who.user.id);
  // A new story's slug may be taken: try "-2", "-3"... as the wire does. A refused attempt
  // keeps nothing (SaveStory is one transaction), so no owner or revision is left behind.
  const std::string wished = draft.slug;
  for (int attempt = 1;; ++attempt) {
    try {
      saved = stories.SaveStory(draft, new_owner, author, now);
      break;
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::kConflict || id || attempt >= 20) throw;
      draft.slug = wished + "-" + std::to_string(attempt + 1);
    }
  }
  if (saved.outcome == store::SaveOutcome::kUnchanged) return saved.id;

  const auto after = stories.Find(saved.id);
  const auto shown_before = PublishedOf(before), shown_after = PublishedOf(after);
  if (shown_before || shown_after) {
    std::vector<std::string> tags{news::ArticleCacheTag(saved.id)};
    for (const auto* shown : {&shown_before, &shown_after})
      if (*shown)
        for (auto& tag : news::CacheTagsOf(**shown)) AddOnce(tags, std::move(tag));
    // A section that gains its first story appears in every page's navigation.
    if (SectionSlugs(store_.Catalog(), draft.language) != sections_before) AddOnce(tags, std::string(news::kSiteCacheTag));
    if (announce_) announce_(tags);
  }

  std::string_view audit_action = !id ? "story.create" : "story.save";
  if (action == StoryAction::kPublish) audit_action = "publish";
  if (action == StoryAction::kUnpublish) audit_action = "unpublish";
  if (action == StoryAction::kSchedule) audit_action = "schedule";
  std::string detail = draft.headline;
  if (action == StoryAction::kSchedule) detail += " at " + news::FormatIso8601(*draft.published_at);
  if (!revision_note.empty()) detail += " (" + std::string(revision_note) + ")";
  Audit(who, audit_action, saved.id, std::move(detail));
  return saved.id;
}

void StoryDesk::Restore(const SignedIn& who, news::ArticleId id, store::RevisionId revision_id) const {
  const auto revision = store_.Stories().FindRevision(revision_id);
  if (!revision || revision->article_id != id) throw Error(ErrorKind::kNotFound, "no such revision of this story");
  Save(who, id, revision->content, StoryAction::kSave, std::nullopt,
       fmt::format("restored revision {}", revision_id));
}

void StoryDesk::AddNote(const SignedIn& who, news::ArticleId id, std::string_view kind, std::string_view text) const {
  if (kind != "correction" && kind != "update") throw Error(ErrorKind::kInvalid, "kind: must be correction or update");
  if (text.empty() || text.size() > 4000) throw Error(ErrorKind::kInvalid, "text: write the note (up to 4000 bytes)");
  const auto story = store_.Stories().Find(id);
  if (!story) throw Error(ErrorKind::kNotFound, fmt::format("no story {}", id));
  if (story->article.status != news::ArticleStatus::kPublished)
    throw Error(ErrorKind::kInvalid, "kind: only a published story carries corrections and updates");
  store_.Stories().AddNote(id, kind, text, who.user.id, clock_());
  if (announce_) announce_({news::ArticleCacheTag(id)});
  Audit(who, kind, id, std::string(text.substr(0, 200)));
}

void StoryDesk::Audit(const SignedIn& who, std::string_view action, news::ArticleId id, std::string detail) const {
  store_.Audit().Record({.at = clock_(), .user_id = who.user.id, .user_name = who.user.name,
                         .action = std::string(action), .target = news::ArticleCacheTag(id),
                         .detail = std::move(detail)});
}

std::vector<DiffLine> RevisionDiff(const news::ArticleDraft& from, const news::ArticleDraft& to) {
  auto text = [](const news::ArticleDraft& d) {
    std::string tags;
    for (const auto& tag : d.tags) tags += (tags.empty() ? "" : ", ") + tag;
    return "# " + d.headline + "\n" + d.standfirst + "\n[" + d.section_name + "] " + tags + "\n" + d.byline + " / " +
           d.dateline + " / " + d.source + "\n\n" + d.body_markdown;
  };
  return LineDiff(text(from), text(to));
}

}  // namespace gazette::newsroom
