#pragma once
// The SQLite implementations of each store interface; built and owned by SqliteStore.
#include <functional>

#include "store/sqlite/connection_pool.hpp"
#include "store/store.hpp"

namespace gazette::store::sqlite {

using Clock = std::function<news::TimePoint()>;

class SqliteArticleStore final : public ArticleStore {
 public:
  SqliteArticleStore(ConnectionPool& pool, Clock clock) : pool_(pool), clock_(std::move(clock)) {}
  SaveResult Save(const news::ArticleDraft& draft) override;
  std::vector<SaveResult> SaveAll(std::span<const news::ArticleDraft> drafts) override;
  std::optional<news::Article> FindPublished(news::Language language, std::string_view slug) override;
  ArticlePage ListPublished(const ArticleQuery& query) override;
  std::vector<news::ArticleSummary> Related(const news::Article& article, int limit) override;
  std::vector<news::Article> PublishDue(news::TimePoint now) override;
  long long CountAll() override;

 private:
  friend class SqliteWireStore;   // Saves wire copy inside its own transaction.
  friend class SqliteStoryStore;  // Saves a story with its owner and revision in one transaction.
  SaveResult SaveIn(Connection& connection, const news::ArticleDraft& draft);
  ConnectionPool& pool_;
  Clock clock_;
};

class SqliteWireStore final : public WireStore {
 public:
  SqliteWireStore(ConnectionPool& pool, SqliteArticleStore& articles, Clock clock)
      : pool_(pool), articles_(articles), clock_(std::move(clock)) {}
  WireApplyResult Apply(const WireApply& apply) override;
  std::optional<WireLedgerEntry> Find(std::string_view provider, std::string_view guid) override;
  std::vector<ArticleRevision> Revisions(news::ArticleId article_id) override;
  long long CountItems() override;

 private:
  ConnectionPool& pool_;
  SqliteArticleStore& articles_;
  Clock clock_;
};

class SqliteCatalogStore final : public CatalogStore {
 public:
  explicit SqliteCatalogStore(ConnectionPool& pool) : pool_(pool) {}
  std::optional<news::Section> FindSection(news::Language language, std::string_view slug) override;
  std::vector<news::Section> ListSections(news::Language language) override;
  std::optional<news::Tag> FindTag(news::Language language, std::string_view slug) override;

 private:
  ConnectionPool& pool_;
};

class SqliteSettingsStore final : public SettingsStore {
 public:
  explicit SqliteSettingsStore(ConnectionPool& pool) : pool_(pool) {}
  std::optional<std::string> Get(std::string_view key) override;
  void Set(std::string_view key, std::string_view value) override;
  std::map<std::string, std::string> All() override;

 private:
  ConnectionPool& pool_;
};

class SqliteCommentStore final : public CommentStore {
 public:
  SqliteCommentStore(ConnectionPool& pool, Clock clock) : pool_(pool), clock_(std::move(clock)) {}
  std::optional<CommentId> Add(const NewComment& comment) override;
  std::vector<Comment> ListApproved(news::ArticleId article_id, CommentSlice slice) override;
  long long CountApproved(news::ArticleId article_id) override;
  std::vector<Comment> List(std::optional<CommentStatus> status, int limit) override;
  std::optional<Comment> Find(CommentId id) override;
  std::optional<Comment> SetStatus(CommentId id, CommentStatus status) override;
  std::optional<Comment> Delete(CommentId id) override;
  bool CommentsOpen(news::ArticleId article_id) override;
  bool SetCommentsOpen(news::ArticleId article_id, bool open) override;
  std::string SharedSecret(std::string_view name, std::string_view candidate) override;

 private:
  ConnectionPool& pool_;
  Clock clock_;
};

}  // namespace gazette::store::sqlite
