// The wire ledger on PostgreSQL. Each Apply first makes sure the item's ledger row exists
// (INSERT ... ON CONFLICT DO NOTHING waits for a concurrent insert of the same key to commit)
// and then locks it (FOR UPDATE): concurrent applies of one item run one after the other, on
// this node or any other, and the second sees the first's version.
#include <fmt/format.h>

#include "news/changes.hpp"
#include "news/error.hpp"
#include "store/article_rules.hpp"
#include "store/postgres/postgres_stores.hpp"
#include "store/wire_rules.hpp"
#include "store/time_seconds.hpp"

namespace gazette::store::postgres {
namespace {


std::optional<WireArticleState> ReadState(Connection& c, news::ArticleId id) {
  const auto found = c.Query(
      "SELECT a.language, a.slug, s.slug, a.status, EXTRACT(EPOCH FROM a.published_at)::bigint FROM articles a"
      " JOIN sections s ON s.id = a.section_id WHERE a.id = $1 FOR UPDATE OF a",
      id);
  if (found.Rows() == 0) return std::nullopt;
  WireArticleState state;
  state.language = *news::ParseLanguage(found.Text(0, 0));
  state.slug = found.Text(0, 1);
  state.section_slug = found.Text(0, 2);
  state.status = *news::ParseStatus(found.Text(0, 3));
  if (auto published = found.OptionalInt(0, 4)) state.published_at = FromSeconds(*published);
  const auto tags = c.Query(
      "SELECT t.slug FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = $1 ORDER BY at.position",
      id);
  for (int row = 0; row < tags.Rows(); ++row) state.tag_slugs.push_back(tags.Text(row, 0));
  return state;
}

void FillArticle(WireApplyResult& result, news::ArticleId id, const std::optional<WireArticleState>& state) {
  result.article_id = id;
  if (!state) return;
  result.language = state->language;
  result.slug = state->slug;
  result.section_slug = state->section_slug;
  result.status = state->status;
}

}  // namespace

WireApplyResult PostgresWireStore::Apply(const WireApply& apply) {
  auto connection = pool_.Acquire();
  auto& c = *connection;
  return InTransaction(c, [&] {
    const auto now = Seconds(clock_());
    WireApplyResult result;
    c.Query("INSERT INTO wire_items (provider, guid, version, status, format, received_at, updated_at)"
            " VALUES ($1, $2, 0, 'usable', $3, to_timestamp($4), to_timestamp($4)) ON CONFLICT (provider, guid) DO NOTHING",
            apply.provider, apply.guid, apply.format, now);
    const auto ledger =
        c.Query("SELECT version, article_id FROM wire_items WHERE provider = $1 AND guid = $2 FOR UPDATE",
                apply.provider, apply.guid);
    const std::int64_t ledger_version = ledger.Int(0, 0);
    std::optional<news::ArticleId> article_id = ledger.OptionalInt(0, 1);
    const auto before = article_id ? ReadState(c, *article_id) : std::nullopt;
    if (ledger_version >= apply.version) {
      result.outcome = WireOutcome::kStale;
      result.applied_version = ledger_version;
      if (article_id) FillArticle(result, *article_id, before);
      return result;
    }

    std::optional<WireArticleState> after;
    if (apply.withdrawn) {
      result.outcome = WireOutcome::kWithdrawn;
      if (article_id && before) {
        c.Query("UPDATE articles SET status = 'unpublished', updated_at = to_timestamp($1), content_hash = ''"
                " WHERE id = $2",
                now, *article_id);
        after = before;
        after->status = news::ArticleStatus::kUnpublished;
      }
    } else {
      auto draft = WireDraft(apply, before);
      if (!before) {
        const std::string wish = draft.slug;
        for (int attempt = 1;; ++attempt) {
          draft.slug = SlugCandidate(wish, attempt);
          if (c.Query("SELECT 1 FROM articles WHERE language = $1 AND slug = $2",
                      news::LanguageCode(draft.language), draft.slug)
                  .Rows() == 0)
            break;
        }
      }
      after = StateOf(draft);
      const bool new_section = c.Query("SELECT 1 FROM sections WHERE language = $1 AND slug = $2",
                                       news::LanguageCode(draft.language), after->section_slug)
                                   .Rows() == 0;
      const auto saved = articles_.SaveIn(c, draft);
      article_id = saved.id;
      result.outcome = before ? WireOutcome::kUpdated : WireOutcome::kCreated;
      c.Query("INSERT INTO article_revisions (article_id, version, headline, standfirst, byline, dateline,"
              " body_markdown, saved_at) VALUES ($1, $2, $3, $4, $5, $6, $7, to_timestamp($8)) ON CONFLICT DO NOTHING",
              saved.id, apply.version, draft.headline, draft.standfirst, draft.byline, draft.dateline,
              draft.body_markdown, now);
      if (new_section && after->status == news::ArticleStatus::kPublished)
        result.cache_tags.emplace_back(news::kSiteCacheTag);
    }

    c.Query("UPDATE wire_items SET version = $3, article_id = COALESCE($4, article_id), status = $5, format = $6,"
            " updated_at = to_timestamp($7) WHERE provider = $1 AND guid = $2",
            apply.provider, apply.guid, apply.version, article_id, apply.withdrawn ? "withdrawn" : "usable",
            apply.format, now);

    result.applied_version = apply.version;
    if (article_id) {
      FillArticle(result, *article_id, after);
      auto tags = WireCacheTags(*article_id, before, after);
      tags.insert(tags.end(), result.cache_tags.begin(), result.cache_tags.end());
      result.cache_tags = std::move(tags);
    }
    return result;
  });
}

std::optional<WireLedgerEntry> PostgresWireStore::Find(std::string_view provider, std::string_view guid) {
  auto connection = pool_.Acquire();
  const auto found = connection->Query(
      "SELECT version, article_id, status, format, EXTRACT(EPOCH FROM received_at)::bigint,"
      " EXTRACT(EPOCH FROM updated_at)::bigint FROM wire_items WHERE provider = $1 AND guid = $2",
      provider, guid);
  if (found.Rows() == 0) return std::nullopt;
  return WireLedgerEntry{std::string(provider), std::string(guid), found.Int(0, 0), found.OptionalInt(0, 1),
                         found.Text(0, 2), found.Text(0, 3), FromSeconds(found.Int(0, 4)),
                         FromSeconds(found.Int(0, 5))};
}

std::vector<ArticleRevision> PostgresWireStore::Revisions(news::ArticleId article_id) {
  auto connection = pool_.Acquire();
  const auto rows = connection->Query(
      "SELECT version, headline, standfirst, byline, dateline, body_markdown, EXTRACT(EPOCH FROM saved_at)::bigint"
      " FROM article_revisions WHERE article_id = $1 ORDER BY version",
      article_id);
  std::vector<ArticleRevision> revisions;
  for (int row = 0; row < rows.Rows(); ++row)
    revisions.push_back({article_id, rows.Int(row, 0), rows.Text(row, 1), rows.Text(row, 2), rows.Text(row, 3),
                         rows.Text(row, 4), rows.Text(row, 5), FromSeconds(rows.Int(row, 6))});
  return revisions;
}

long long PostgresWireStore::CountItems() {
  auto connection = pool_.Acquire();
  // Rows at version 0 exist only inside an uncommitted Apply; never counted.
  return connection->Query("SELECT COUNT(*) FROM wire_items WHERE version > 0").Int(0, 0);
}

}  // namespace gazette::store::postgres
