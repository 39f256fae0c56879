#include "store/postgres/postgres_store.hpp"

#include "store/postgres/postgres_change_feed.hpp"
#include "store/postgres/postgres_newsroom_stores.hpp"

#include "store/postgres/migrations.hpp"
#include "store/postgres/postgres_stores.hpp"
#include "store/time_seconds.hpp"

namespace gazette::store::postgres {
namespace {

class PostgresStore final : public Store {
 public:
  explicit PostgresStore(const PostgresSettings& settings)
      : pool_(settings.url, settings.pool_size),
        articles_(pool_, ClockOrSystem(settings.clock)),
        catalog_(pool_),
        settings_(pool_),
        comments_(pool_, ClockOrSystem(settings.clock)),
        wire_(pool_, articles_, ClockOrSystem(settings.clock)),
        users_(pool_),
        stories_(pool_, articles_),
        audit_(pool_),
        changes_(pool_, settings.url) {
    auto connection = pool_.Acquire();
    ApplyMigrations(*connection);
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
    auto connection = pool_.Acquire();
    connection->Query("SELECT 1");
  }

 private:
  ConnectionPool pool_;
  PostgresArticleStore articles_;
  PostgresCatalogStore catalog_;
  PostgresSettingsStore settings_;
  PostgresCommentStore comments_;
  PostgresWireStore wire_;
  PostgresUserStore users_;
  PostgresStoryStore stories_;
  PostgresAuditLog audit_;
  PostgresChangeFeed changes_;  // Last: its thread stops before the pool goes.
};

}  // namespace

std::unique_ptr<Store> OpenPostgresStore(const PostgresSettings& settings) {
  return std::make_unique<PostgresStore>(settings);
}

}  // namespace gazette::store::postgres
