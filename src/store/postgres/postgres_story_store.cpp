// The newsroom's stories on PostgreSQL: owners, revisions and notes; the same contract as
// sqlite/ (docs/newsroom.md).
#include <fmt/format.h>

#include "news/error.hpp"
#include "store/node_id.hpp"
#include "store/postgres/postgres_newsroom_stores.hpp"
#include "store/postgres/postgres_stores.hpp"
#include "store/time_seconds.hpp"

namespace gazette::store::postgres {
namespace {

std::optional<news::TimePoint> OptionalTime(const Result& r, int row, int column) {
  if (auto seconds = r.OptionalInt(row, column)) return FromSeconds(*seconds);
  return std::nullopt;
}

constexpr std::string_view kRevisionColumns =
    "SELECT id, article_id, user_id, user_name, EXTRACT(EPOCH FROM saved_at)::bigint, note, language, slug, headline,"
    " standfirst, dateline, body_markdown, source, byline, section_name, section_slug, tags, status,"
    " EXTRACT(EPOCH FROM published_at)::bigint FROM story_revisions";

Revision ReadRevision(const Result& r, int row) {
  Revision revision;
  revision.id = r.Int(row, 0);
  revision.article_id = r.Int(row, 1);
  revision.user_id = r.OptionalInt(row, 2);
  revision.user_name = r.Text(row, 3);
  revision.saved_at = FromSeconds(r.Int(row, 4));
  revision.note = r.Text(row, 5);
  auto& c = revision.content;
  c.language = news::ParseLanguage(r.Text(row, 6)).value_or(news::Language::kEnglish);
  c.slug = r.Text(row, 7);
  c.headline = r.Text(row, 8);
  c.standfirst = r.Text(row, 9);
  c.dateline = r.Text(row, 10);
  c.body_markdown = r.Text(row, 11);
  c.source = r.Text(row, 12);
  c.byline = r.Text(row, 13);
  c.section_name = r.Text(row, 14);
  c.section_slug = r.Text(row, 15);
  c.tags = SplitTags(r.Text(row, 16));
  c.status = news::ParseStatus(r.Text(row, 17)).value_or(news::ArticleStatus::kDraft);
  c.published_at = OptionalTime(r, row, 18);
  return revision;
}

void RequireArticle(Connection& c, news::ArticleId id) {
  if (c.Query("SELECT 1 FROM articles WHERE id = $1", id).Rows() == 0)
    throw Error(ErrorKind::kNotFound, fmt::format("no article {}", id));
}

}  // namespace

std::optional<Story> PostgresStoryStore::Find(news::ArticleId id) {
  auto c = pool_.Acquire();
  const auto found = c->Query(
      "SELECT a.language, a.slug, a.headline, a.standfirst, a.dateline, a.body_markdown,"
      " COALESCE(src.name, ''), COALESCE(au.name, ''), s.id, s.slug, s.name, a.status,"
      " EXTRACT(EPOCH FROM a.created_at)::bigint, EXTRACT(EPOCH FROM a.updated_at)::bigint,"
      " EXTRACT(EPOCH FROM a.published_at)::bigint, a.external_id, o.user_id"
      " FROM articles a JOIN sections s ON s.id = a.section_id"
      " LEFT JOIN sources src ON src.id = a.source_id LEFT JOIN authors au ON au.id = a.author_id"
      " LEFT JOIN story_owners o ON o.article_id = a.id WHERE a.id = $1",
      id);
  if (found.Rows() == 0) return std::nullopt;
  Story story;
  auto& a = story.article;
  a.id = id;
  a.language = news::ParseLanguage(found.Text(0, 0)).value_or(news::Language::kEnglish);
  a.slug = found.Text(0, 1);
  a.headline = found.Text(0, 2);
  a.standfirst = found.Text(0, 3);
  a.dateline = found.Text(0, 4);
  a.body_markdown = found.Text(0, 5);
  a.source = found.Text(0, 6);
  a.byline = found.Text(0, 7);
  a.section = {found.Int(0, 8), a.language, found.Text(0, 9), found.Text(0, 10)};
  a.status = news::ParseStatus(found.Text(0, 11)).value_or(news::ArticleStatus::kDraft);
  a.created_at = FromSeconds(found.Int(0, 12));
  a.updated_at = FromSeconds(found.Int(0, 13));
  a.published_at = OptionalTime(found, 0, 14);
  if (!found.IsNull(0, 15)) story.external_id = found.Text(0, 15);
  story.owner = found.OptionalInt(0, 16);

  const auto tags = c->Query(
      "SELECT t.id, t.language, t.slug, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id"
      " WHERE at.article_id = $1 ORDER BY at.position",
      id);
  for (int row = 0; row < tags.Rows(); ++row)
    a.tags.push_back({tags.Int(row, 0), *news::ParseLanguage(tags.Text(row, 1)), tags.Text(row, 2), tags.Text(row, 3)});
  return story;
}

std::string PostgresStoryStore::EnsureExternalId(news::ArticleId id) {
  auto c = pool_.Acquire();
  const auto found = c->Query(
      "UPDATE articles SET external_id = COALESCE(external_id, 'article:' || id) WHERE id = $1 RETURNING external_id", id);
  if (found.Rows() == 0) throw Error(ErrorKind::kNotFound, fmt::format("no article {}", id));
  return found.Text(0, 0);
}

StoryPage PostgresStoryStore::List(const StoryQuery& query) {
  // One statement for every combination of filters: an empty value means "any".
  const std::string where =
      " FROM articles a JOIN sections s ON s.id = a.section_id"
      " LEFT JOIN sources src ON src.id = a.source_id LEFT JOIN authors au ON au.id = a.author_id"
      " WHERE ($1 = '' OR a.status = $1) AND ($2 = '' OR a.language = $2) AND ($3 = '' OR s.slug = $3)"
      " AND ($4 = '' OR src.name = $4)"
      " AND ($5 = '' OR au.name = $5 OR EXISTS (SELECT 1 FROM story_owners o JOIN users u ON u.id = o.user_id"
      "   WHERE o.article_id = a.id AND u.name = $5))"
      " AND ($6 = 0 OR EXISTS (SELECT 1 FROM wire_items w WHERE w.article_id = a.id))";
  const auto page_size = std::max(1, query.page_size);
  const auto offset = static_cast<std::int64_t>(std::max(1, query.page) - 1) * page_size;
  const std::string status = query.status ? std::string(news::StatusName(*query.status)) : "";
  const std::string language = query.language ? std::string(news::LanguageCode(*query.language)) : "";
  const std::string section = query.section_slug.value_or("");
  const std::string source = query.source.value_or("");
  const std::string author = query.author.value_or("");
  const std::int64_t from_wire = query.from_wire ? 1 : 0;

  auto c = pool_.Acquire();
  StoryPage page;
  page.total = c->Query("SELECT COUNT(*)" + where, status, language, section, source, author, from_wire).Int(0, 0);
  const auto list = c->Query(
      "SELECT a.id, a.language, a.slug, a.headline, s.slug, s.name, a.status, EXTRACT(EPOCH FROM a.updated_at)::bigint,"
      " EXTRACT(EPOCH FROM a.published_at)::bigint, COALESCE(src.name, ''), COALESCE(au.name, '')" + where +
      " ORDER BY a.updated_at DESC, a.id DESC LIMIT $7 OFFSET $8",
      status, language, section, source, author, from_wire, static_cast<std::int64_t>(page_size), offset);
  for (int row = 0; row < list.Rows(); ++row) {
    page.items.push_back({.id = list.Int(row, 0),
                          .language = news::ParseLanguage(list.Text(row, 1)).value_or(news::Language::kEnglish),
                          .slug = list.Text(row, 2),
                          .headline = list.Text(row, 3),
                          .section_slug = list.Text(row, 4),
                          .section_name = list.Text(row, 5),
                          .status = news::ParseStatus(list.Text(row, 6)).value_or(news::ArticleStatus::kDraft),
                          .updated_at = FromSeconds(list.Int(row, 7)),
                          .published_at = OptionalTime(list, row, 8),
                          .source = list.Text(row, 9),
                          .byline = list.Text(row, 10)});
  }
  return page;
}

SaveResult PostgresStoryStore::SaveStory(const news::ArticleDraft& d, std::optional<UserId> new_owner,
                                         const RevisionAuthor& author, news::TimePoint at) {
  auto connection = pool_.Acquire();
  auto& c = *connection;
  return InTransaction(c, [&] {
    const auto saved = articles_.SaveIn(c, d);
    if (new_owner)
      c.Query("INSERT INTO story_owners (article_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", saved.id,
              *new_owner);
    if (saved.outcome == SaveOutcome::kUnchanged) return saved;
    std::optional<std::int64_t> published_at;
    if (d.published_at) published_at = Seconds(*d.published_at);
    c.Query("INSERT INTO story_revisions (article_id, user_id, user_name, saved_at, note, language, slug, headline,"
            " standfirst, dateline, body_markdown, source, byline, section_name, section_slug, tags, status,"
            " published_at) VALUES ($1, $2, $3, to_timestamp($4), $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,"
            " $16, $17, to_timestamp($18))",
            saved.id, author.user_id, author.user_name, Seconds(at), author.note, news::LanguageCode(d.language), d.slug,
            d.headline, d.standfirst, d.dateline, d.body_markdown, d.source, d.byline, d.section_name, d.section_slug,
            JoinTags(d.tags), news::StatusName(d.status), published_at);
    return saved;
  });
}

std::vector<Revision> PostgresStoryStore::Revisions(news::ArticleId id) {
  auto c = pool_.Acquire();
  const auto found = c->Query(std::string(kRevisionColumns) + " WHERE article_id = $1 ORDER BY id DESC", id);
  std::vector<Revision> revisions;
  for (int row = 0; row < found.Rows(); ++row) revisions.push_back(ReadRevision(found, row));
  return revisions;
}

std::optional<Revision> PostgresStoryStore::FindRevision(RevisionId id) {
  auto c = pool_.Acquire();
  const auto found = c->Query(std::string(kRevisionColumns) + " WHERE id = $1", id);
  if (found.Rows() == 0) return std::nullopt;
  return ReadRevision(found, 0);
}

std::int64_t PostgresStoryStore::AddNote(news::ArticleId id, std::string_view kind, std::string_view text,
                                         std::optional<UserId> user_id, news::TimePoint at) {
  if (kind != "correction" && kind != "update")
    throw Error(ErrorKind::kInvalid, "kind: must be correction or update");
  auto c = pool_.Acquire();
  return InTransaction(*c, [&] {
    RequireArticle(*c, id);
    return c
        ->Query("INSERT INTO article_notes (article_id, kind, text, user_id, created_at)"
                " VALUES ($1, $2, $3, $4, to_timestamp($5)) RETURNING id",
                id, kind, text, user_id, Seconds(at))
        .Int(0, 0);
  });
}

std::vector<ArticleNote> PostgresStoryStore::Notes(news::ArticleId id) {
  auto c = pool_.Acquire();
  const auto found = c->Query(
      "SELECT id, article_id, kind, text, EXTRACT(EPOCH FROM created_at)::bigint FROM article_notes"
      " WHERE article_id = $1 ORDER BY created_at, id",
      id);
  std::vector<ArticleNote> notes;
  for (int row = 0; row < found.Rows(); ++row)
    notes.push_back({found.Int(row, 0), found.Int(row, 1), found.Text(row, 2), found.Text(row, 3),
                     FromSeconds(found.Int(row, 4))});
  return notes;
}

void PostgresAuditLog::Record(const AuditEntry& e) {
  auto c = pool_.Acquire();
  c->Query("INSERT INTO audit_log (at, user_id, user_name, action, target, detail)"
           " VALUES (to_timestamp($1), $2, $3, $4, $5, $6)",
           Seconds(e.at), e.user_id, e.user_name, e.action, e.target, e.detail);
}

std::vector<AuditEntry> PostgresAuditLog::List(int page, int page_size) {
  page_size = std::max(1, page_size);
  const auto offset = static_cast<std::int64_t>(std::max(1, page) - 1) * page_size;
  auto c = pool_.Acquire();
  const auto found = c->Query(
      "SELECT id, EXTRACT(EPOCH FROM at)::bigint, user_id, user_name, action, target, detail FROM audit_log"
      " ORDER BY at DESC, id DESC LIMIT $1 OFFSET $2",
      page_size, offset);
  std::vector<AuditEntry> entries;
  for (int row = 0; row < found.Rows(); ++row)
    entries.push_back({found.Int(row, 0), FromSeconds(found.Int(row, 1)), found.OptionalInt(row, 2),
                       found.Text(row, 3), found.Text(row, 4), found.Text(row, 5), found.Text(row, 6)});
  return entries;
}

long long PostgresAuditLog::Count() {
  auto c = pool_.Acquire();
  return c->Query("SELECT COUNT(*) FROM audit_log").Int(0, 0);
}

}  // namespace gazette::store::postgres
