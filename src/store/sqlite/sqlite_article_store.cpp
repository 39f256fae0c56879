#include <fmt/format.h>

#include "news/error.hpp"
#include "news/slug.hpp"
#include "store/article_rules.hpp"
#include "store/sqlite/sqlite_stores.hpp"
#include "store/time_seconds.hpp"

namespace gazette::store::sqlite {
namespace {

using news::TimePoint;


// The id of the row with this name, inserted when absent.
std::int64_t EnsureNamed(Connection& c, std::string_view table, std::string_view name) {
  auto& insert = c.Prepare(fmt::format("INSERT INTO {} (name) VALUES (?) ON CONFLICT (name) DO NOTHING", table));
  insert.Bind(name).Run();
  auto& find = c.Prepare(fmt::format("SELECT id FROM {} WHERE name = ?", table));
  find.Bind(name);
  find.Step();
  return find.Int(0);
}

std::int64_t EnsureClassifier(Connection& c, std::string_view table, news::Language language,
                              std::string_view slug, std::string_view name) {
  c.Prepare(fmt::format("INSERT INTO {} (language, slug, name) VALUES (?, ?, ?)"
                        " ON CONFLICT (language, slug) DO NOTHING", table))
      .Bind(news::LanguageCode(language), slug, name)
      .Run();
  auto& find = c.Prepare(fmt::format("SELECT id FROM {} WHERE language = ? AND slug = ?", table));
  find.Bind(news::LanguageCode(language), slug);
  find.Step();
  return find.Int(0);
}

std::optional<std::int64_t> EnsureOptionalNamed(Connection& c, std::string_view table, std::string_view name) {
  if (name.empty()) return std::nullopt;
  return EnsureNamed(c, table, name);
}

constexpr std::string_view kSummaryColumns =
    "a.id, a.language, a.slug, a.headline, a.standfirst, s.slug, s.name, a.published_at";

news::ArticleSummary ReadSummary(const Statement& row) {
  news::ArticleSummary summary;
  summary.id = row.Int(0);
  summary.language = *news::ParseLanguage(row.Text(1));
  summary.slug = row.Text(2);
  summary.headline = row.Text(3);
  summary.standfirst = row.Text(4);
  summary.section_slug = row.Text(5);
  summary.section_name = row.Text(6);
  if (auto published = row.OptionalInt(7)) summary.published_at = FromSeconds(*published);
  return summary;
}

// The total of an edition, a section or a tag, from the counts the triggers of
// migrations/006_published_counts.sql keep: one row instead of a count over the list's index
// (130 ms for a home page at 1,000,000 articles). Absent rows count 0.
std::int64_t KeptTotal(Connection& c, const ArticleQuery& query) {
  const auto language = news::LanguageCode(query.language);
  auto& count = [&]() -> Statement& {
    if (query.section_slug)
      return c.Prepare("SELECT COALESCE((SELECT published FROM published_section_counts WHERE language = ?"
                       " AND section_id = (SELECT id FROM sections WHERE language = ? AND slug = ?)), 0)")
          .Bind(language, language, *query.section_slug);
    if (query.tag_slug)
      return c.Prepare("SELECT COALESCE((SELECT published FROM published_tag_counts WHERE language = ?"
                       " AND tag_id = (SELECT id FROM tags WHERE language = ? AND slug = ?)), 0)")
          .Bind(language, language, *query.tag_slug);
    // An edition has a few sections: summing their rows is as cheap as reading one.
    return c.Prepare("SELECT COALESCE(SUM(published), 0) FROM published_section_counts WHERE language = ?")
        .Bind(language);
  }();
  count.Step();
  const auto total = count.Int(0);
  count.Run();
  return total;
}

}  // namespace

SaveResult SqliteArticleStore::SaveIn(Connection& c, const news::ArticleDraft& d) {
  const std::string section_slug = SectionSlugOf(d);
  ValidateDraft(d, section_slug);
  const std::string hash = Fingerprint(d, section_slug);
  const std::string_view language = news::LanguageCode(d.language);

  // Who owns this slug now, and which row does this draft update?
  auto& by_slug = c.Prepare("SELECT id, external_id, content_hash FROM articles WHERE language = ? AND slug = ?");
  by_slug.Bind(language, d.slug);
  std::optional<std::int64_t> slug_owner;
  std::optional<std::string> slug_owner_external;
  std::string existing_hash;
  if (by_slug.Step()) {
    slug_owner = by_slug.Int(0);
    if (!by_slug.IsNull(1)) slug_owner_external = by_slug.Text(1);
    existing_hash = by_slug.Text(2);
  }
  by_slug.Run();

  std::optional<std::int64_t> existing;
  if (d.external_id) {
    auto& by_external = c.Prepare("SELECT id, content_hash FROM articles WHERE external_id = ?");
    by_external.Bind(*d.external_id);
    if (by_external.Step()) {
      existing = by_external.Int(0);
      existing_hash = by_external.Text(1);
    }
    by_external.Run();
    if (slug_owner && slug_owner != existing)
      throw Error(ErrorKind::kConflict,
                  fmt::format("article {}: the slug '{}' already belongs to {}", *d.external_id, d.slug,
                              slug_owner_external.value_or("another article")));
  } else {
    existing = slug_owner;
  }
  if (existing && existing_hash == hash) return {*existing, SaveOutcome::kUnchanged};

  const auto now = Seconds(clock_());
  std::optional<std::int64_t> published_at;
  if (d.published_at) published_at = Seconds(*d.published_at);
  else if (d.status == news::ArticleStatus::kPublished) published_at = now;

  const auto section_id = EnsureClassifier(c, "sections", d.language, section_slug, d.section_name);
  const auto source_id = EnsureOptionalNamed(c, "sources", d.source);
  const auto author_id = EnsureOptionalNamed(c, "authors", d.byline);

  std::int64_t id;
  if (existing) {
    id = *existing;
    c.Prepare("UPDATE articles SET external_id = COALESCE(?, external_id), language = ?, slug = ?, headline = ?, standfirst = ?,"
              " dateline = ?, body_markdown = ?, source_id = ?, author_id = ?, section_id = ?, status = ?,"
              " updated_at = ?, published_at = ?, content_hash = ? WHERE id = ?")
        .Bind(d.external_id, language, d.slug, d.headline, d.standfirst, d.dateline, d.body_markdown,
              source_id, author_id, section_id, news::StatusName(d.status), now, published_at, hash, id)
        .Run();
    c.Prepare("DELETE FROM article_tags WHERE article_id = ?").Bind(id).Run();
  } else {
    c.Prepare("INSERT INTO articles (external_id, language, slug, headline, standfirst, dateline,"
              " body_markdown, source_id, author_id, section_id, status, created_at, updated_at,"
              " published_at, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .Bind(d.external_id, language, d.slug, d.headline, d.standfirst, d.dateline, d.body_markdown,
              source_id, author_id, section_id, news::StatusName(d.status), now, now, published_at, hash)
        .Run();
    id = c.LastInsertId();
  }

  int position = 0;
  for (const auto& name : d.tags) {
    const std::string slug = news::MakeSlug(name);
    if (slug.empty()) continue;  // A tag of punctuation alone names nothing.
    const auto tag_id = EnsureClassifier(c, "tags", d.language, slug, name);
    c.Prepare("INSERT INTO article_tags (article_id, tag_id, position) VALUES (?, ?, ?)"
              " ON CONFLICT DO NOTHING")
        .Bind(id, tag_id, position++)
        .Run();
  }
  return {id, existing ? SaveOutcome::kUpdated : SaveOutcome::kCreated};
}

SaveResult SqliteArticleStore::Save(const news::ArticleDraft& draft) {
  auto writer = pool_.Writer();
  return InTransaction(*writer, [&] { return SaveIn(*writer, draft); });
}

std::vector<SaveResult> SqliteArticleStore::SaveAll(std::span<const news::ArticleDraft> drafts) {
  auto writer = pool_.Writer();
  return InTransaction(*writer, [&] {
    std::vector<SaveResult> results;
    results.reserve(drafts.size());
    for (const auto& draft : drafts) results.push_back(SaveIn(*writer, draft));
    return results;
  });
}

std::optional<news::Article> SqliteArticleStore::FindPublished(news::Language language, std::string_view slug) {
  auto reader = pool_.Reader();
  auto& find = reader->Prepare(
      "SELECT a.id, a.slug, a.headline, a.standfirst, a.dateline, a.body_markdown,"
      " COALESCE(src.name, ''), COALESCE(au.name, ''), s.id, s.slug, s.name, a.status,"
      " a.created_at, a.updated_at, a.published_at"
      " FROM articles a JOIN sections s ON s.id = a.section_id"
      " LEFT JOIN sources src ON src.id = a.source_id LEFT JOIN authors au ON au.id = a.author_id"
      " WHERE a.language = ? AND a.slug = ? AND a.status = 'published'");
  find.Bind(news::LanguageCode(language), slug);
  if (!find.Step()) return std::nullopt;
  news::Article article;
  article.id = find.Int(0);
  article.language = language;
  article.slug = find.Text(1);
  article.headline = find.Text(2);
  article.standfirst = find.Text(3);
  article.dateline = find.Text(4);
  article.body_markdown = find.Text(5);
  article.source = find.Text(6);
  article.byline = find.Text(7);
  article.section = {find.Int(8), language, find.Text(9), find.Text(10)};
  article.status = *news::ParseStatus(find.Text(11));
  article.created_at = FromSeconds(find.Int(12));
  article.updated_at = FromSeconds(find.Int(13));
  if (auto published = find.OptionalInt(14)) article.published_at = FromSeconds(*published);
  find.Run();

  auto& tags = reader->Prepare(
      "SELECT t.id, t.language, t.slug, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id"
      " WHERE at.article_id = ? ORDER BY at.position");
  tags.Bind(article.id);
  while (tags.Step())
    article.tags.push_back({tags.Int(0), *news::ParseLanguage(tags.Text(1)), tags.Text(2), tags.Text(3)});
  return article;
}

ArticlePage SqliteArticleStore::ListPublished(const ArticleQuery& query) {
  // Fixed fragments only: the filters' values are always bound, never spliced.
  std::string where = " WHERE a.language = ? AND a.status = 'published'";
  // By section id, so SQLite walks the section's index instead of the whole edition's.
  if (query.section_slug) where += " AND a.section_id = (SELECT id FROM sections WHERE language = ? AND slug = ?)";
  // The edition is bound again, not taken from a.language: that would make the list of the tag's
  // articles a correlated subquery, built again for every article walked (255 -> 2 ms for the
  // first page of a tag at 100,000; a count over the edition took minutes).
  if (query.tag_slug)
    where += " AND a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id"
             " WHERE t.language = ? AND t.slug = ?)";
  const auto page_size = std::max(1, query.page_size);
  const auto offset = static_cast<std::int64_t>(std::max(1, query.page) - 1) * page_size;

  auto reader = pool_.Reader();
  auto bind = [&](Statement& statement, auto... tail) {
    const auto language = news::LanguageCode(query.language);
    if (query.section_slug && query.tag_slug)
      statement.Bind(language, language, *query.section_slug, language, *query.tag_slug, tail...);
    else if (query.section_slug) statement.Bind(language, language, *query.section_slug, tail...);
    else if (query.tag_slug) statement.Bind(language, language, *query.tag_slug, tail...);
    else statement.Bind(language, tail...);
  };

  ArticlePage page;
  if (query.with_total && query.section_slug && query.tag_slug) {
    // No kept count for a section and a tag together (no page lists them): count the rows.
    // Without the join (every article has its section: NOT NULL and a foreign key), the count
    // reads only an index; with it, SQLite visits every row of the edition.
    auto& count = reader->Prepare("SELECT COUNT(*) FROM articles a" + where);
    bind(count);
    count.Step();
    page.total = count.Int(0);
    count.Run();
  } else if (query.with_total) {
    page.total = KeptTotal(*reader, query);
  }

  auto& list = reader->Prepare(fmt::format("SELECT {} FROM articles a JOIN sections s ON s.id = a.section_id{}"
                                           " ORDER BY a.published_at DESC, a.id DESC LIMIT ? OFFSET ?",
                                           kSummaryColumns, where));
  bind(list, static_cast<std::int64_t>(page_size), offset);
  while (list.Step()) page.items.push_back(ReadSummary(list));
  return page;
}

std::vector<news::ArticleSummary> SqliteArticleStore::Related(const news::Article& article, int limit) {
  auto reader = pool_.Reader();
  // Few articles under its tags: list them all and sort. Many (a common tag lists a tenth of the
  // site): walk the edition newest first and stop at `limit`, which finds them in a few dozen
  // rows instead of building a list of thousands (96% of an article render at 100,000).
  // The kept counts say which case this is at the cost of a row per tag (counting up to 2,000
  // index entries was a third of an article render); an article under two of the tags is
  // counted twice, which is fine for choosing.
  constexpr std::int64_t kFewTagged = 2000;
  auto& tagged = reader->Prepare(
      "SELECT COALESCE(SUM(c.published), 0) FROM article_tags at"
      " JOIN published_tag_counts c ON c.tag_id = at.tag_id AND c.language = ? WHERE at.article_id = ?");
  tagged.Bind(news::LanguageCode(article.language), article.id);
  tagged.Step();
  const bool few = tagged.Int(0) < kFewTagged;
  tagged.Run();
  auto& related = reader->Prepare(fmt::format(
      "SELECT {} FROM articles a JOIN sections s ON s.id = a.section_id"
      " WHERE a.language = ? AND a.status = 'published' AND a.id != ? AND {}"
      " ORDER BY a.published_at DESC, a.id DESC LIMIT ?",
      kSummaryColumns,
      few ? "a.id IN (SELECT at.article_id FROM article_tags at WHERE at.tag_id IN ("
            " SELECT tag_id FROM article_tags WHERE article_id = ?))"
          : "EXISTS (SELECT 1 FROM article_tags at WHERE at.article_id = a.id AND at.tag_id IN ("
            " SELECT tag_id FROM article_tags WHERE article_id = ?))"));
  related.Bind(news::LanguageCode(article.language), article.id, article.id, limit);
  std::vector<news::ArticleSummary> items;
  while (related.Step()) items.push_back(ReadSummary(related));
  return items;
}

long long SqliteArticleStore::CountAll() {
  auto reader = pool_.Reader();
  auto& count = reader->Prepare("SELECT COUNT(*) FROM articles");
  count.Bind();
  count.Step();
  return count.Int(0);
}

}  // namespace gazette::store::sqlite

namespace gazette::store::sqlite {

std::vector<news::Article> SqliteArticleStore::PublishDue(news::TimePoint now) {
  std::vector<std::pair<std::string, std::string>> due;  // language, slug
  {
    auto writer = pool_.Writer();
    // BEGIN IMMEDIATE makes this the only writer: whoever runs it first publishes each article.
    // The fingerprint is cleared because the stored status no longer matches the saved draft.
    InTransaction(*writer, [&] {
      auto& publish = writer->Prepare(
          "UPDATE articles SET status = 'published', updated_at = ?, content_hash = ''"
          " WHERE status = 'scheduled' AND published_at <= ? RETURNING language, slug");
      publish.Bind(Seconds(now), Seconds(now));
      while (publish.Step()) due.emplace_back(publish.Text(0), publish.Text(1));
    });
  }
  std::vector<news::Article> published;
  for (const auto& [language, slug] : due)
    if (auto article = FindPublished(*news::ParseLanguage(language), slug)) published.push_back(std::move(*article));
  return published;
}

}  // namespace gazette::store::sqlite
