// The wire ledger on SQLite: BEGIN IMMEDIATE makes each Apply the only writer, so concurrent
// applies of one item run one after the other and the second sees the first's version.
#include <fmt/format.h>

#include "news/changes.hpp"
#include "news/error.hpp"
#include "store/article_rules.hpp"
#include "store/sqlite/sqlite_stores.hpp"
#include "store/wire_rules.hpp"
#include "store/time_seconds.hpp"

namespace gazette::store::sqlite {
namespace {


std::optional<WireArticleState> ReadState(Connection& c, news::ArticleId id) {
  auto& find = c.Prepare(
      "SELECT a.language, a.slug, s.slug, a.status, a.published_at FROM articles a"
      " JOIN sections s ON s.id = a.section_id WHERE a.id = ?");
  find.Bind(id);
  if (!find.Step()) return std::nullopt;
  WireArticleState state;
  state.language = *news::ParseLanguage(find.Text(0));
  state.slug = find.Text(1);
  state.section_slug = find.Text(2);
  state.status = *news::ParseStatus(find.Text(3));
  if (auto published = find.OptionalInt(4)) state.published_at = FromSeconds(*published);
  find.Run();
  auto& tags = c.Prepare(
      "SELECT t.slug FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ? ORDER BY at.position");
  tags.Bind(id);
  while (tags.Step()) state.tag_slugs.push_back(tags.Text(0));
  return state;
}

bool SlugTaken(Connection& c, news::Language language, const std::string& slug) {
  auto& find = c.Prepare("SELECT 1 FROM articles WHERE language = ? AND slug = ?");
  find.Bind(news::LanguageCode(language), slug);
  const bool taken = find.Step();
  find.Run();
  return taken;
}

bool SectionExists(Connection& c, news::Language language, const std::string& slug) {
  auto& find = c.Prepare("SELECT 1 FROM sections WHERE language = ? AND slug = ?");
  find.Bind(news::LanguageCode(language), slug);
  const bool found = find.Step();
  find.Run();
  return found;
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

WireApplyResult SqliteWireStore::Apply(const WireApply& apply) {
  auto writer = pool_.Writer();
  auto& c = *writer;
  return InTransaction(c, [&] {
    const auto now = Seconds(clock_());
    WireApplyResult result;
    std::optional<std::int64_t> ledger_version;
    std::optional<news::ArticleId> article_id;
    {
      auto& ledger = c.Prepare("SELECT version, article_id FROM wire_items WHERE provider = ? AND guid = ?");
      ledger.Bind(apply.provider, apply.guid);
      if (ledger.Step()) {
        ledger_version = ledger.Int(0);
        article_id = ledger.OptionalInt(1);
      }
      ledger.Run();
    }
    const auto before = article_id ? ReadState(c, *article_id) : std::nullopt;
    if (ledger_version && *ledger_version >= apply.version) {
      result.outcome = WireOutcome::kStale;
      result.applied_version = *ledger_version;
      if (article_id) FillArticle(result, *article_id, before);
      return result;
    }

    std::optional<WireArticleState> after;
    if (apply.withdrawn) {
      result.outcome = WireOutcome::kWithdrawn;
      if (article_id && before) {
        c.Prepare("UPDATE articles SET status = 'unpublished', updated_at = ?, content_hash = '' WHERE id = ?")
            .Bind(now, *article_id)
            .Run();
        after = before;
        after->status = news::ArticleStatus::kUnpublished;
      }
    } else {
      auto draft = WireDraft(apply, before);
      if (!before) {
        const std::string wish = draft.slug;
        for (int attempt = 1; SlugTaken(c, draft.language, draft.slug); ++attempt)
          draft.slug = SlugCandidate(wish, attempt + 1);
      }
      after = StateOf(draft);
      const bool new_section = !SectionExists(c, draft.language, after->section_slug);
      const auto saved = articles_.SaveIn(c, draft);
      article_id = saved.id;
      result.outcome = before ? WireOutcome::kUpdated : WireOutcome::kCreated;
      c.Prepare("INSERT INTO article_revisions (article_id, version, headline, standfirst, byline, dateline,"
                " body_markdown, saved_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
          .Bind(saved.id, apply.version, draft.headline, draft.standfirst, draft.byline, draft.dateline,
                draft.body_markdown, now)
          .Run();
      if (new_section && after->status == news::ArticleStatus::kPublished)
        result.cache_tags.emplace_back(news::kSiteCacheTag);
    }

    c.Prepare("INSERT INTO wire_items (provider, guid, version, article_id, status, format, received_at, updated_at)"
              " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (provider, guid) DO UPDATE SET version = excluded.version,"
              " article_id = COALESCE(excluded.article_id, wire_items.article_id), status = excluded.status,"
              " format = excluded.format, updated_at = excluded.updated_at")
        .Bind(apply.provider, apply.guid, apply.version, article_id, apply.withdrawn ? "withdrawn" : "usable",
              apply.format, now, now)
        .Run();

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

std::optional<WireLedgerEntry> SqliteWireStore::Find(std::string_view provider, std::string_view guid) {
  auto reader = pool_.Reader();
  auto& find = reader->Prepare(
      "SELECT version, article_id, status, format, received_at, updated_at FROM wire_items"
      " WHERE provider = ? AND guid = ?");
  find.Bind(provider, guid);
  if (!find.Step()) return std::nullopt;
  WireLedgerEntry entry{std::string(provider), std::string(guid), find.Int(0), find.OptionalInt(1),
                        find.Text(2), find.Text(3), FromSeconds(find.Int(4)), FromSeconds(find.Int(5))};
  find.Run();
  return entry;
}

std::vector<ArticleRevision> SqliteWireStore::Revisions(news::ArticleId article_id) {
  auto reader = pool_.Reader();
  auto& list = reader->Prepare(
      "SELECT version, headline, standfirst, byline, dateline, body_markdown, saved_at FROM article_revisions"
      " WHERE article_id = ? ORDER BY version");
  list.Bind(article_id);
  std::vector<ArticleRevision> revisions;
  while (list.Step())
    revisions.push_back({article_id, list.Int(0), list.Text(1), list.Text(2), list.Text(3), list.Text(4),
                         list.Text(5), FromSeconds(list.Int(6))});
  return revisions;
}

long long SqliteWireStore::CountItems() {
  auto reader = pool_.Reader();
  auto& count = reader->Prepare("SELECT COUNT(*) FROM wire_items");
  count.Bind();
  count.Step();
  const auto n = count.Int(0);
  count.Run();
  return n;
}

}  // namespace gazette::store::sqlite
