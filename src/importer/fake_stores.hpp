#pragma once
// In-memory stores for the importer's tests: upsert by external id, else edition and slug,
// with the SQLite store's validation, conflicts and unchanged detection. Not thread-safe.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "news/error.hpp"
#include "news/slug.hpp"
#include "store/article_store.hpp"
#include "store/settings_store.hpp"

namespace gazette::importer::testing {

class FakeArticleStore : public store::ArticleStore {
 public:
  store::SaveResult Save(const news::ArticleDraft& draft) override {
    ++saves;
    return SaveOne(draft);
  }

  std::vector<store::SaveResult> SaveAll(std::span<const news::ArticleDraft> drafts) override {
    ++batches;
    const auto backup = articles_;
    std::vector<store::SaveResult> results;
    try {
      for (const auto& draft : drafts) results.push_back(SaveOne(draft));
    } catch (...) {
      articles_ = backup;
      throw;
    }
    return results;
  }

  std::optional<news::Article> FindPublished(news::Language language, std::string_view slug) override {
    for (const auto& [id, d] : articles_) {
      if (d.language != language || d.slug != slug || d.status != news::ArticleStatus::kPublished) continue;
      news::Article article;
      article.id = id;
      article.language = d.language;
      article.slug = d.slug;
      article.headline = d.headline;
      article.body_markdown = d.body_markdown;
      article.source = d.source;
      article.byline = d.byline;
      article.section = {0, d.language, d.section_slug, d.section_name};
      article.status = d.status;
      article.published_at = d.published_at;
      return article;
    }
    return std::nullopt;
  }

  store::ArticlePage ListPublished(const store::ArticleQuery&) override { return {}; }
  std::vector<news::ArticleSummary> Related(const news::Article&, int) override { return {}; }
  // The loader never publishes on a schedule; what it saves is what the tests look at.
  std::vector<news::Article> PublishDue(news::TimePoint) override { return {}; }
  long long CountAll() override { return static_cast<long long>(articles_.size()); }

  // Every saved draft by id, with section_slug filled in.
  const std::map<news::ArticleId, news::ArticleDraft>& Articles() const { return articles_; }

  std::optional<news::ArticleDraft> ByExternalId(std::string_view external_id) const {
    for (const auto& [id, d] : articles_)
      if (d.external_id == external_id) return d;
    return std::nullopt;
  }

  std::vector<news::ArticleDraft> InSection(std::string_view section_slug) const {
    std::vector<news::ArticleDraft> found;
    for (const auto& [id, d] : articles_)
      if (d.section_slug == section_slug) found.push_back(d);
    return found;
  }

  int saves = 0;
  int batches = 0;

 private:
  static bool SameContent(const news::ArticleDraft& a, const news::ArticleDraft& b) {
    return a.external_id == b.external_id && a.language == b.language && a.slug == b.slug &&
           a.headline == b.headline && a.standfirst == b.standfirst && a.dateline == b.dateline &&
           a.body_markdown == b.body_markdown && a.source == b.source && a.byline == b.byline &&
           a.section_name == b.section_name && a.section_slug == b.section_slug && a.tags == b.tags &&
           a.status == b.status && a.published_at == b.published_at;
  }

  store::SaveResult SaveOne(news::ArticleDraft d) {
    if (d.section_slug.empty()) d.section_slug = news::MakeSlug(d.section_name);
    if (d.headline.empty()) throw Error(ErrorKind::kInvalid, "the headline is empty");
    if (!news::IsValidSlug(d.slug)) throw Error(ErrorKind::kInvalid, "invalid slug '" + d.slug + "'");
    if (d.section_name.empty() || !news::IsValidSlug(d.section_slug))
      throw Error(ErrorKind::kInvalid, "invalid section '" + d.section_name + "'");
    std::optional<news::ArticleId> slug_owner;
    std::optional<news::ArticleId> existing;
    for (const auto& [id, a] : articles_) {
      if (a.language == d.language && a.slug == d.slug) slug_owner = id;
      if (d.external_id && a.external_id == d.external_id) existing = id;
    }
    if (!d.external_id) existing = slug_owner;
    if (slug_owner && slug_owner != existing)
      throw Error(ErrorKind::kConflict, "the slug '" + d.slug + "' already belongs to another article");
    if (existing) {
      if (SameContent(articles_[*existing], d)) return {*existing, store::SaveOutcome::kUnchanged};
      articles_[*existing] = std::move(d);
      return {*existing, store::SaveOutcome::kUpdated};
    }
    const news::ArticleId id = next_id_++;
    articles_[id] = std::move(d);
    return {id, store::SaveOutcome::kCreated};
  }

  std::map<news::ArticleId, news::ArticleDraft> articles_;
  news::ArticleId next_id_ = 1;
};

class FakeSettingsStore : public store::SettingsStore {
 public:
  std::optional<std::string> Get(std::string_view key) override {
    auto it = values_.find(std::string(key));
    if (it == values_.end()) return std::nullopt;
    return it->second;
  }
  void Set(std::string_view key, std::string_view value) override { values_[std::string(key)] = value; }
  std::map<std::string, std::string> All() override { return values_; }

 private:
  std::map<std::string, std::string> values_;
};

}  // namespace gazette::importer::testing
