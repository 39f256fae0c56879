// The newsroom's stories on SQLite: owners, revisions and notes (docs/newsroom.md).
#include <fmt/format.h>

#include "news/error.hpp"
#include "store/node_id.hpp"
#include "store/sqlite/sqlite_newsroom_stores.hpp"
#include "store/sqlite/sqlite_stores.hpp"
#include "store/time_seconds.hpp"

namespace gazette::store::sqlite {
namespace {

std::optional<news::TimePoint> OptionalTime(const Statement& row, int column) {
  if (auto seconds = row.OptionalInt(column)) return FromSeconds(*seconds);
  return std::nullopt;
}

constexpr std::string_view kRevisionColumns =
    "SELECT id, article_id, user_id, user_name, saved_at, note, language, slug, headline, standfirst, dateline,"
    " body_markdown, source, byline, section_name, section_slug, tags, status, published_at FROM story_revisions";

Revision ReadRevision(const Statement& row) {
  Revision revision;
  revision.id = row.Int(0);
  revision.article_id = row.Int(1);
  revision.user_id = row.OptionalInt(2);
  revision.user_name = row.Text(3);
  revision.saved_at = FromSeconds(row.Int(4));
  revision.note = row.Text(5);
  auto& c = revision.content;
  c.language = news::ParseLanguage(row.Text(6)).value_or(news::Language::kEnglish);
  c.slug = row.Text(7);
  c.headline = row.Text(8);
  c.standfirst = row.Text(9);
  c.dateline = row.Text(10);
  c.body_markdown = row.Text(11);
  c.source = row.Text(12);
  c.byline = row.Text(13);
  c.section_name = row.Text(14);
  c.section_slug = row.Text(15);
  c.tags = SplitTags(row.Text(16));
  c.status = news::ParseStatus(row.Text(17)).value_or(news::ArticleStatus::kDraft);
  c.published_at = OptionalTime(row, 18);
  return revision;
}

bool ArticleExists(Connection& c, news::ArticleId id) {
  auto& exists = c.Prepare("SELECT 1 FROM articles WHERE id = ?");
  exists.Bind(id);
  const bool found = exists.Step();
  exists.Run();
  return found;
}

}  // namespace

std::optional<Story> SqliteStoryStore::Find(news::ArticleId id) {
  auto reader = pool_.Reader();
  auto& find = reader->Prepare(
      "SELECT a.language, a.slug, a.headline, a.standfirst, a.dateline, a.body_markdown,"
      " COALESCE(src.name, ''), COALESCE(au.name, ''), s.id, s.slug, s.name, a.status,"
      " a.created_at, a.updated_at, a.published_at, a.external_id, o.user_id"
      " FROM articles a JOIN sections s ON s.id = a.section_id"
      " LEFT JOIN sources src ON src.id = a.source_id LEFT JOIN authors au ON au.id = a.author_id"
      " LEFT JOIN story_owners o ON o.article_id = a.id WHERE a.id = ?");
  find.Bind(id);
  if (!find.Step()) return std::nullopt;
  Story story;
  auto& a = story.article;
  a.id = id;
  a.language = news::ParseLanguage(find.Text(0)).value_or(news::Language::kEnglish);
  a.slug = find.Text(1);
  a.headline = find.Text(2);
  a.standfirst = find.Text(3);
  a.dateline = find.Text(4);
  a.body_markdown = find.Text(5);
  a.source = find.Text(6);
  a.byline = find.Text(7);
  a.section = {find.Int(8), a.language, find.Text(9), find.Text(10)};
  a.status = news::ParseStatus(find.Text(11)).value_or(news::ArticleStatus::kDraft);
  a.created_at = FromSeconds(find.Int(12));
  a.updated_at = FromSeconds(find.Int(13));
  a.published_at = OptionalTime(find, 14);
  if (!find.IsNull(15)) story.external_id = find.Text(15);
  story.owner = find.OptionalInt(16);
  find.Run();

  auto& tags = reader->Prepare(
      "SELECT t.id, t.language, t.slug, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id"
      " WHERE at.article_id = ? ORDER BY at.position");
  tags.Bind(id);
  while (tags.Step())
    a.tags.push_back({tags.Int(0), *news::ParseLanguage(tags.Text(1)), tags.Text(2), tags.Text(3)});
  return story;
}

std::string SqliteStoryStore::EnsureExternalId(news::ArticleId id) {
  auto writer = pool_.Writer();
  return InTransaction(*writer, [&] {
    writer->Prepare("UPDATE articles SET external_id = 'article:' || id WHERE id = ? AND external_id IS NULL")
        .Bind(id)
        .Run();
    auto& find = writer->Prepare("SELECT external_id FROM articles WHERE id = ?");
    find.Bind(id);
    if (!find.Step()) throw Error(ErrorKind::kNotFound, fmt::format("no article {}", id));
    auto external_id = find.Text(0);
    find.Run();
    return external_id;
  });
}

StoryPage SqliteStoryStore::List(const StoryQuery& query) {
  // One statement for every combination of filters: an empty value means "any".
  const std::string where =
      " FROM articles a JOIN sections s ON s.id = a.section_id"
      " LEFT JOIN sources src ON src.id = a.source_id LEFT JOIN authors au ON au.id = a.author_id"
      " WHERE (?1 = '' OR a.status = ?1) AND (?2 = '' OR a.language = ?2) AND (?3 = '' OR s.slug = ?3)"
      " AND (?4 = '' OR src.name = ?4)"
      " AND (?5 = '' OR au.name = ?5 OR EXISTS (SELECT 1 FROM story_owners o JOIN users u ON u.id = o.user_id"
      "   WHERE o.article_id = a.id AND u.name = ?5))"
      " AND (?6 = 0 OR EXISTS (SELECT 1 FROM wire_items w WHERE w.article_id = a.id))";
  const auto page_size = std::max(1, query.page_size);
  const auto offset = static_cast<std::int64_t>(std::max(1, query.page) - 1) * page_size;
  const std::string status = query.status ? std::string(news::StatusName(*query.status)) : "";
  const std::string language = query.language ? std::string(news::LanguageCode(*query.language)) : "";
  const std::string section = query.section_slug.value_or("");
  const std::string source = query.source.value_or("");
  const std::string author = query.author.value_or("");
  const std::int64_t from_wire = query.from_wire ? 1 : 0;

  auto reader = pool_.Reader();
  StoryPage page;
  auto& count = reader->Prepare("SELECT COUNT(*)" + where);
  count.Bind(status, language, section, source, author, from_wire);
  count.Step();
  page.total = count.Int(0);
  count.Run();

  auto& list = reader->Prepare(
      "SELECT a.id, a.language, a.slug, a.headline, s.slug, s.name, a.status, a.updated_at, a.published_at,"
      " COALESCE(src.name, ''), COALESCE(au.name, '')" + where +
      " ORDER BY a.updated_at DESC, a.id DESC LIMIT ?7 OFFSET ?8");
  list.Bind(status, language, section, source, author, from_wire, static_cast<std::int64_t>(page_size), offset);
  while (list.Step()) {
    page.items.push_back({.id = list.Int(0),
                          .language = news::ParseLanguage(list.Text(1)).value_or(news::Language::kEnglish),
                          .slug = list.Text(2),
                          .headline = list.Text(3),
                          .section_slug = list.Text(4),
                          .section_name = list.Text(5),
                          .status = news::ParseStatus(list.Text(6)).value_or(news::ArticleStatus::kDraft),
                          .updated_at = FromSeconds(list.Int(7)),
                          .published_at = OptionalTime(list, 8),
                          .source = list.Text(9),
                          .byline = list.Text(10)});
  }
  return page;
}

SaveResult SqliteStoryStore::SaveStory(const news::ArticleDraft& c, std::optional<UserId> new_owner,
                                       const RevisionAuthor& author, news::TimePoint at) {
  auto writer = pool_.Writer();
  return InTransaction(*writer, [&] {
    const auto saved = articles_.SaveIn(*writer, c);
    if (new_owner)
      writer->Prepare("INSERT INTO story_owners (article_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING")
          .Bind(saved.id, *new_owner)
          .Run();
    if (saved.outcome == SaveOutcome::kUnchanged) return saved;
    std::optional<std::int64_t> published_at;
    if (c.published_at) published_at = Seconds(*c.published_at);
    writer
        ->Prepare("INSERT INTO story_revisions (article_id, user_id, user_name, saved_at, note, language, slug, headline,"
                  " standfirst, dateline, body_markdown, source, byline, section_name, section_slug, tags, status,"
                  " published_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .Bind(saved.id, author.user_id, author.user_name, Seconds(at), author.note, news::LanguageCode(c.language),
              c.slug, c.headline, c.standfirst, c.dateline, c.body_markdown, c.source, c.byline, c.section_name,
              c.section_slug, JoinTags(c.tags), news::StatusName(c.status), published_at)
        .Run();
    return saved;
  });
}

std::vector<Revision> SqliteStoryStore::Revisions(news::ArticleId id) {
  auto reader = pool_.Reader();
  auto& list = reader->Prepare(std::string(kRevisionColumns) + " WHERE article_id = ? ORDER BY id DESC");
  list.Bind(id);
  std::vector<Revision> revisions;
  while (list.Step()) revisions.push_back(ReadRevision(list));
  return revisions;
}

std::optional<Revision> SqliteStoryStore::FindRevision(RevisionId id) {
  auto reader = pool_.Reader();
  auto& find = reader->Prepare(std::string(kRevisionColumns) + " WHERE id = ?");
  find.Bind(id);
  if (!find.Step()) return std::nullopt;
  auto revision = ReadRevision(find);
  find.Run();
  return revision;
}

std::int64_t SqliteStoryStore::AddNote(news::ArticleId id, std::string_view kind, std::string_view text,
                                       std::optional<UserId> user_id, news::TimePoint at) {
  if (kind != "correction" && kind != "update")
    throw Error(ErrorKind::kInvalid, "kind: must be correction or update");
  auto writer = pool_.Writer();
  return InTransaction(*writer, [&] {
    if (!ArticleExists(*writer, id)) throw Error(ErrorKind::kNotFound, fmt::format("no article {}", id));
    writer->Prepare("INSERT INTO article_notes (article_id, kind, text, user_id, created_at) VALUES (?, ?, ?, ?, ?)")
        .Bind(id, kind, text, user_id, Seconds(at))
        .Run();
    return writer->LastInsertId();
  });
}

std::vector<ArticleNote> SqliteStoryStore::Notes(news::ArticleId id) {
  auto reader = pool_.Reader();
  auto& list = reader->Prepare(
      "SELECT id, article_id, kind, text, created_at FROM article_notes WHERE article_id = ? ORDER BY created_at, id");
  list.Bind(id);
  std::vector<ArticleNote> notes;
  while (list.Step()) notes.push_back({list.Int(0), list.Int(1), list.Text(2), list.Text(3), FromSeconds(list.Int(4))});
  return notes;
}

void SqliteAuditLog::Record(const AuditEntry& e) {
  auto writer = pool_.Writer();
  InTransaction(*writer, [&] {
    writer->Prepare("INSERT INTO audit_log (at, user_id, user_name, action, target, detail) VALUES (?, ?, ?, ?, ?, ?)")
        .Bind(Seconds(e.at), e.user_id, e.user_name, e.action, e.target, e.detail)
        .Run();
  });
}

std::vector<AuditEntry> SqliteAuditLog::List(int page, int page_size) {
  page_size = std::max(1, page_size);
  const auto offset = static_cast<std::int64_t>(std::max(1, page) - 1) * page_size;
  auto reader = pool_.Reader();
  auto& list = reader->Prepare(
      "SELECT id, at, user_id, user_name, action, target, detail FROM audit_log ORDER BY at DESC, id DESC LIMIT ? OFFSET ?");
  list.Bind(page_size, offset);
  std::vector<AuditEntry> entries;
  while (list.Step())
    entries.push_back({list.Int(0), FromSeconds(list.Int(1)), list.OptionalInt(2), list.Text(3), list.Text(4),
                       list.Text(5), list.Text(6)});
  return entries;
}

long long SqliteAuditLog::Count() {
  auto reader = pool_.Reader();
  auto& count = reader->Prepare("SELECT COUNT(*) FROM audit_log");
  count.Bind();
  count.Step();
  return count.Int(0);
}

}  // namespace gazette::store::sqlite
