// Articles on PostgreSQL: the same rules as sqlite/ (store/article_rules.hpp), with times as
// timestamptz sent and read as Unix seconds.
#include <fmt/format.h>

#include "news/error.hpp"
#include "news/slug.hpp"
#include "store/article_rules.hpp"
#include "store/postgres/postgres_stores.hpp"
#include "store/time_seconds.hpp"

namespace gazette::store::postgres {
namespace {

using news::TimePoint;


// The id of the row with this name, inserted when absent. One round trip unless another
// transaction inserted the same name meanwhile; then its row is read.
std::int64_t EnsureNamed(Connection& c, std::string_view table, std::string_view name) {
  const auto found = c.Query(
      fmt::format("WITH found AS (SELECT id FROM {0} WHERE name = $1),"
                  " inserted AS (INSERT INTO {0} (name) SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM found)"
                  "  ON CONFLICT (name) DO NOTHING RETURNING id)"
                  " SELECT id FROM found UNION ALL SELECT id FROM inserted",
                  table),
      name);
  if (found.Rows() > 0) return found.Int(0, 0);
  return c.Query(fmt::format("SELECT id FROM {} WHERE name = $1", table), name).Int(0, 0);
}

std::int64_t EnsureClassifier(Connection& c, std::string_view table, news::Language language,
                              std::string_view slug, std::string_view name) {
  const auto code = news::LanguageCode(language);
  const auto found = c.Query(
      fmt::format("WITH found AS (SELECT id FROM {0} WHERE language = $1 AND slug = $2),"
                  " inserted AS (INSERT INTO {0} (language, slug, name) SELECT $1, $2, $3"
                  "  WHERE NOT EXISTS (SELECT 1 FROM found) ON CONFLICT (language, slug) DO NOTHING RETURNING id)"
                  " SELECT id FROM found UNION ALL SELECT id FROM inserted",
                  table),
      code, slug, name);
  if (found.Rows() > 0) return found.Int(0, 0);
  return c.Query(fmt::format("SELECT id FROM {} WHERE language = $1 AND slug = $2", table), code, slug).Int(0, 0);
}

std::optional<std::int64_t> EnsureOptionalNamed(Connection& c, std::string_view table, std::string_view name) {
  if (name.empty()) return std::nullopt;
  return EnsureNamed(c, table, name);
}

constexpr std::string_view kSummaryColumns =
    "a.id, a.language, a.slug, a.headline, a.standfirst, s.slug, s.name,"
    " EXTRACT(EPOCH FROM a.published_at)::bigint";

// Both stores list newest first; NULLS LAST matches SQLite and the indexes.
constexpr std::string_view kNewestFirst = " ORDER BY a.published_at DESC NULLS LAST, a.id DESC";

news::ArticleSummary ReadSummary(const Result& result, int row) {
  news::ArticleSummary summary;
  summary.id = result.Int(row, 0);
  summary.language = *news::ParseLanguage(result.Text(row, 1));
  summary.slug = result.Text(row, 2);
  summary.headline = result.Text(row, 3);
  summary.standfirst = result.Text(row, 4);
  summary.section_slug = result.Text(row, 5);
  summary.section_name = result.Text(row, 6);
  if (auto published = result.OptionalInt(row, 7)) summary.published_at = FromSeconds(*published);
  return summary;
}

std::vector<news::ArticleSummary> ReadSummaries(const Result& result) {
  std::vector<news::ArticleSummary> items;
  items.reserve(static_cast<std::size_t>(result.Rows()));
  for (int row = 0; row < result.Rows(); ++row) items.push_back(ReadSummary(result, row));
  return items;
}

// The total of an edition, a section or a tag, from the counts the triggers of
// migrations/006_published_counts.sql keep: one row instead of a count over the list's index.
// Absent rows count 0.
std::int64_t KeptTotal(Connection& c, const ArticleQuery& query) {
  const auto language = news::LanguageCode(query.language);
  if (query.section_slug)
    return c.Query("SELECT COALESCE((SELECT published FROM published_section_counts WHERE language = $1"
                   " AND section_id = (SELECT id FROM sections WHERE language = $1 AND slug = $2)), 0)",
                   language, *query.section_slug)
        .Int(0, 0);
  if (query.tag_slug)
    return c.Query("SELECT COALESCE((SELECT published FROM published_tag_counts WHERE language = $1"
                   " AND tag_id = (SELECT id FROM tags WHERE language = $1 AND slug = $2)), 0)",
                   language, *query.tag_slug)
        .Int(0, 0);
  // An edition has a few sections: summing their rows is as cheap as reading one.
  return c.Query("SELECT COALESCE(SUM(published), 0)::bigint FROM published_section_counts WHERE language = $1",
                 language)
      .Int(0, 0);
}

}  // namespace

SaveResult PostgresArticleStore::SaveIn(Connection& c, const news::ArticleDraft& d) {
  const std::string section_slug = SectionSlugOf(d);
  ValidateDraft(d, section_slug);
  const std::string hash = Fingerprint(d, section_slug);
  const std::string_view language = news::LanguageCode(d.language);

  // Who owns this slug now, and which row does this draft update? FOR UPDATE: a concurrent save
  // of the same article waits here rather than overwrite this one.
  const auto by_slug = c.Query(
      "SELECT id, external_id, content_hash FROM articles WHERE language = $1 AND slug = $2 FOR UPDATE",
      language, d.slug);
  std::optional<std::int64_t> slug_owner;
  std::optional<std::string> slug_owner_external;
  std::string existing_hash;
  if (by_slug.Rows() > 0) {
    slug_owner = by_slug.Int(0, 0);
    if (!by_slug.IsNull(0, 1)) slug_owner_external = by_slug.Text(0, 1);
    existing_hash = by_slug.Text(0, 2);
  }

  std::optional<std::int64_t> existing;
  if (d.external_id) {
    const auto by_external =
        c.Query("SELECT id, content_hash FROM articles WHERE external_id = $1 FOR UPDATE", *d.external_id);
    if (by_external.Rows() > 0) {
      existing = by_external.Int(0, 0);
      existing_hash = by_external.Text(0, 1);
    }
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
    c.Query("UPDATE articles SET external_id = COALESCE($1, external_id), language = $2, slug = $3, headline = $4,"
            " standfirst = $5, dateline = $6, body_markdown = $7, source_id = $8, author_id = $9, section_id = $10,"
            " status = $11, updated_at = to_timestamp($12), published_at = to_timestamp($13), content_hash = $14"
            " WHERE id = $15",
            d.external_id, language, d.slug, d.headline, d.standfirst, d.dateline, d.body_markdown, source_id,
            author_id, section_id, news::StatusName(d.status), now, published_at, hash, id);
    c.Query("DELETE FROM article_tags WHERE article_id = $1", id);
  } else {
    id = c.Query("INSERT INTO articles (external_id, language, slug, headline, standfirst, dateline,"
                 " body_markdown, source_id, author_id, section_id, status, created_at, updated_at,"
                 " published_at, content_hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,"
                 " to_timestamp($12), to_timestamp($12), to_timestamp($13), $14) RETURNING id",
                 d.external_id, language, d.slug, d.headline, d.standfirst, d.dateline, d.body_markdown,
                 source_id, author_id, section_id, news::StatusName(d.status), now, published_at, hash)
             .Int(0, 0);
  }

  int position = 0;
  for (const auto& name : d.tags) {
    const std::string slug = news::MakeSlug(name);
    if (slug.empty()) continue;  // A tag of punctuation alone names nothing.
    const auto tag_id = EnsureClassifier(c, "tags", d.language, slug, name);
    c.Query("INSERT INTO article_tags (article_id, tag_id, position) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            id, tag_id, position++);
  }
  return {id, existing ? SaveOutcome::kUpdated : SaveOutcome::kCreated};
}

SaveResult PostgresArticleStore::Save(const news::ArticleDraft& draft) {
  auto connection = pool_.Acquire();
  return InTransaction(*connection, [&] { return SaveIn(*connection, draft); });
}

std::vector<SaveResult> PostgresArticleStore::SaveAll(std::span<const news::ArticleDraft> drafts) {
  auto connection = pool_.Acquire();
  return InTransaction(*connection, [&] {
    std::vector<SaveResult> results;
    results.reserve(drafts.size());
    for (const auto& draft : drafts) results.push_back(SaveIn(*connection, draft));
    return results;
  });
}

std::optional<news::Article> PostgresArticleStore::FindPublished(news::Language language, std::string_view slug) {
  auto connection = pool_.Acquire();
  const auto code = news::LanguageCode(language);
  const auto found = connection->Query(
      "SELECT a.id, a.slug, a.headline, a.standfirst, a.dateline, a.body_markdown,"
      " COALESCE(src.name, ''), COALESCE(au.name, ''), s.id, s.slug, s.name, a.status,"
      " EXTRACT(EPOCH FROM a.created_at)::bigint, EXTRACT(EPOCH FROM a.updated_at)::bigint,"
      " EXTRACT(EPOCH FROM a.published_at)::bigint"
      " FROM articles a JOIN sections s ON s.id = a.section_id"
      " LEFT JOIN sources src ON src.id = a.source_id LEFT JOIN authors au ON au.id = a.author_id"
      " WHERE a.language = $1 AND a.slug = $2 AND a.status = 'published'",
      code, slug);
  if (found.Rows() == 0) return std::nullopt;
  news::Article article;
  article.id = found.Int(0, 0);
  article.language = language;
  article.slug = found.Text(0, 1);
  article.headline = found.Text(0, 2);
  article.standfirst = found.Text(0, 3);
  article.dateline = found.Text(0, 4);
  article.body_markdown = found.Text(0, 5);
  article.source = found.Text(0, 6);
  article.byline = found.Text(0, 7);
  article.section = {found.Int(0, 8), language, found.Text(0, 9), found.Text(0, 10)};
  article.status = *news::ParseStatus(found.Text(0, 11));
  article.created_at = FromSeconds(found.Int(0, 12));
  article.updated_at = FromSeconds(found.Int(0, 13));
  if (auto published = found.OptionalInt(0, 14)) article.published_at = FromSeconds(*published);

  const auto tags = connection->Query(
      "SELECT t.id, t.language, t.slug, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id"
      " WHERE at.article_id = $1 ORDER BY at.position",
      article.id);
  for (int row = 0; row < tags.Rows(); ++row)
    article.tags.push_back(
        {tags.Int(row, 0), *news::ParseLanguage(tags.Text(row, 1)), tags.Text(row, 2), tags.Text(row, 3)});
  return article;
}

ArticlePage PostgresArticleStore::ListPublished(const ArticleQuery& query) {
  // Fixed fragments only: the filters' values are always bound, never spliced. $1 is the edition.
  Params params{std::string(news::LanguageCode(query.language))};
  std::string where = " FROM articles a JOIN sections s ON s.id = a.section_id"
                      " WHERE a.language = $1 AND a.status = 'published'";
  if (query.section_slug) {
    params.push_back(*query.section_slug);
    where += fmt::format(" AND a.section_id = (SELECT id FROM sections WHERE language = $1 AND slug = ${})",
                         params.size());
  }
  if (query.tag_slug) {
    params.push_back(*query.tag_slug);
    where += fmt::format(" AND a.id IN (SELECT at.article_id FROM article_tags at JOIN tags t ON t.id = at.tag_id"
                         " WHERE t.language = $1 AND t.slug = ${})",
                         params.size());
  }
  const auto page_size = std::max(1, query.page_size);
  const auto offset = static_cast<std::int64_t>(std::max(1, query.page) - 1) * page_size;

  auto connection = pool_.Acquire();
  ArticlePage page;
  // No kept count for a section and a tag together (no page lists them): count the rows.
  if (query.with_total && query.section_slug && query.tag_slug)
    page.total = connection->Query("SELECT COUNT(*)" + where, params).Int(0, 0);
  else if (query.with_total)
    page.total = KeptTotal(*connection, query);

  const auto filters = params.size();
  params.push_back(std::to_string(page_size));
  params.push_back(std::to_string(offset));
  page.items = ReadSummaries(connection->Query(
      fmt::format("SELECT {}{}{} LIMIT ${} OFFSET ${}", kSummaryColumns, where, kNewestFirst, filters + 1, filters + 2),
      params));
  return page;
}

std::vector<news::ArticleSummary> PostgresArticleStore::Related(const news::Article& article, int limit) {
  auto connection = pool_.Acquire();
  const auto language = news::LanguageCode(article.language);
  // Many articles under its tags (a common tag lists a tenth of the site): the planner walks the
  // edition newest first and stops at `limit` (0.25 ms at 100,000). With IN it does so for few
  // too, and reads the whole edition when they are old (400 ms); = ANY (ARRAY(...)) fetches
  // them by id and sorts (0.1 ms), which for many is the slow way (60 ms). The kept tag counts
  // say which case this is; an article under two of the tags is counted twice, which is fine
  // for choosing.
  constexpr std::int64_t kFewTagged = 2000;
  const bool few = connection->Query(
                       "SELECT COALESCE(SUM(c.published), 0)::bigint FROM article_tags at"
                       " JOIN published_tag_counts c ON c.tag_id = at.tag_id AND c.language = $2"
                       " WHERE at.article_id = $1",
                       article.id, language)
                       .Int(0, 0) < kFewTagged;
  return ReadSummaries(connection->Query(
      fmt::format("SELECT {} FROM articles a JOIN sections s ON s.id = a.section_id"
                  " WHERE a.language = $1 AND a.status = 'published' AND a.id <> $2 AND {}"
                  "  SELECT at.article_id FROM article_tags at WHERE at.tag_id IN ("
                  "   SELECT tag_id FROM article_tags WHERE article_id = $2)){}{} LIMIT $3",
                  kSummaryColumns, few ? "a.id = ANY (ARRAY(" : "a.id IN (", few ? ")" : "", kNewestFirst),
      language, article.id, limit));
}

long long PostgresArticleStore::CountAll() {
  auto connection = pool_.Acquire();
  return connection->Query("SELECT COUNT(*) FROM articles").Int(0, 0);
}

}  // namespace gazette::store::postgres

namespace gazette::store::postgres {

std::vector<news::Article> PostgresArticleStore::PublishDue(news::TimePoint now) {
  Result due = [&] {
    auto connection = pool_.Acquire();
    // SKIP LOCKED: nodes running this together each take the rows no one else holds, so every
    // article is published by exactly one of them. The fingerprint is cleared because the
    // stored status no longer matches the saved draft.
    return connection->Query(
        "UPDATE articles SET status = 'published', updated_at = to_timestamp($1), content_hash = ''"
        " WHERE id IN (SELECT id FROM articles WHERE status = 'scheduled' AND published_at <= to_timestamp($1)"
        " FOR UPDATE SKIP LOCKED) RETURNING language, slug",
        Seconds(now));
  }();
  std::vector<news::Article> published;
  for (int row = 0; row < due.Rows(); ++row)
    if (auto article = FindPublished(*news::ParseLanguage(due.Text(row, 0)), due.Text(row, 1)))
      published.push_back(std::move(*article));
  return published;
}

}  // namespace gazette::store::postgres
