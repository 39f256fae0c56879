#include "store/sqlite/sqlite_store.hpp"

#include "store/sqlite/migrations.hpp"
#include "store/sqlite/sqlite_change_feed.hpp"
#include "store/sqlite/sqlite_newsroom_stores.hpp"
#include "store/sqlite/sqlite_stores.hpp"
#include "store/time_seconds.hpp"

namespace gazette::store::sqlite {
namespace {

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(const SqliteSettings& settings)
      : pool_(settings.path, settings.max_readers),
        articles_(pool_, ClockOrSystem(settings.clock)),
        catalog_(pool_),
        settings_(pool_),
        comments_(pool_, ClockOrSystem(settings.clock)),
        wire_(pool_, articles_, ClockOrSystem(settings.clock)),
        users_(pool_),
        stories_(pool_, articles_),
        audit_(pool_),
        changes_(pool_, settings.path) {
    auto writer = pool_.Writer();
    ApplyMigrations(*writer);
  }

  ArticleStore& Articles() override { return articles_; }
  CatalogStore& Catalog() override { return catalog_; }
  SettingsStore& Settings() override { return settings_; }
  CommentStore& Comments() override { return comments_; }
  WireStore& Wire() override { return wire_; }
  UserStore& Users() override { return users_; }
  StoryStore& Stories() override { return stories_; }
  AuditLog& Audit() override { return audit_; }
  ChangeFeed& Changes() override { return changes_; }

  void Ping() override {
    auto reader = pool_.Reader();
    auto& statement = reader->Prepare("SELECT 1");
    statement.Bind();
    statement.Run();
  }

 private:
  ConnectionPool pool_;
  SqliteArticleStore articles_;
  SqliteCatalogStore catalog_;
  SqliteSettingsStore settings_;
  SqliteCommentStore comments_;
  SqliteWireStore wire_;
  SqliteUserStore users_;
  SqliteStoryStore stories_;
  SqliteAuditLog audit_;
  SqliteChangeFeed changes_;  // Last: its thread stops before the pool goes.
};

}  // namespace

std::unique_ptr<Store> OpenSqliteStore(const SqliteSettings& settings) {
  return std::make_unique<SqliteStore>(settings);
}

}  // namespace gazette::store::sqlite
