#pragma once
// The SQLite implementations of the newsroom's stores (accounts, stories, audit log); built
// and owned by SqliteStore.
#include "store/audit_log.hpp"
#include "store/sqlite/connection_pool.hpp"
#include "store/story_store.hpp"
#include "store/user_store.hpp"

namespace gazette::store::sqlite {

class SqliteUserStore final : public UserStore {
 public:
  explicit SqliteUserStore(ConnectionPool& pool) : pool_(pool) {}
  UserId AddUser(std::string_view name, std::string_view role, std::string_view password_hash,
                 news::TimePoint now) override;
  std::optional<User> FindUser(UserId id) override;
  std::optional<User> FindUserByName(std::string_view name) override;
  std::vector<User> ListUsers() override;
  bool SetRole(UserId id, std::string_view role, bool disabled) override;
  bool SetPasswordHash(UserId id, std::string_view password_hash) override;
  int RecordFailedSignIn(UserId id, news::TimePoint at) override;
  void LockUntil(UserId id, news::TimePoint until) override;
  void ClearFailedSignIns(UserId id) override;
  void AddSession(const Session& session) override;
  std::optional<Session> FindSession(std::string_view id_hash) override;
  void TouchSession(std::string_view id_hash, news::TimePoint at) override;
  void DeleteSession(std::string_view id_hash) override;
  void DeleteSessionsOf(UserId id) override;
  std::int64_t AddApiToken(UserId user_id, std::string_view label, std::string_view token_hash,
                           news::TimePoint now) override;
  std::optional<ApiToken> FindApiToken(std::string_view token_hash) override;
  std::vector<ApiToken> ListApiTokens() override;
  bool RevokeApiToken(std::int64_t id, news::TimePoint now) override;

 private:
  ConnectionPool& pool_;
};

class SqliteArticleStore;

class SqliteStoryStore final : public StoryStore {
 public:
  SqliteStoryStore(ConnectionPool& pool, SqliteArticleStore& articles) : pool_(pool), articles_(articles) {}
  std::optional<Story> Find(news::ArticleId id) override;
  std::string EnsureExternalId(news::ArticleId id) override;
  StoryPage List(const StoryQuery& query) override;
  SaveResult SaveStory(const news::ArticleDraft& draft, std::optional<UserId> new_owner, const RevisionAuthor& author,
                       news::TimePoint at) override;
  std::vector<Revision> Revisions(news::ArticleId id) override;
  std::optional<Revision> FindRevision(RevisionId id) override;
  std::int64_t AddNote(news::ArticleId id, std::string_view kind, std::string_view text,
                       std::optional<UserId> user_id, news::TimePoint at) override;
  std::vector<ArticleNote> Notes(news::ArticleId id) override;

 private:
  ConnectionPool& pool_;
  SqliteArticleStore& articles_;
};

class SqliteAuditLog final : public AuditLog {
 public:
  explicit SqliteAuditLog(ConnectionPool& pool) : pool_(pool) {}
  void Record(const AuditEntry& entry) override;
  std::vector<AuditEntry> List(int page, int page_size) override;
  long long Count() override;

 private:
  ConnectionPool& pool_;
};

}  // namespace gazette::store::sqlite
