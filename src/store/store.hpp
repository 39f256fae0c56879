#pragma once
// A Gazette database: every store over one connection pool. app/ opens one (SQLite now,
// PostgreSQL later) and hands the parts to the modules that need them.
#include <memory>

#include "store/article_store.hpp"
#include "store/catalog_store.hpp"
#include "store/change_feed.hpp"
#include "store/comment_store.hpp"
#include "store/settings_store.hpp"
#include "store/audit_log.hpp"
#include "store/story_store.hpp"
#include "store/user_store.hpp"
#include "store/wire_store.hpp"

namespace gazette::store {

class Store {
 public:
  virtual ~Store() = default;
  virtual ArticleStore& Articles() = 0;
  virtual CatalogStore& Catalog() = 0;
  virtual SettingsStore& Settings() = 0;
  virtual CommentStore& Comments() = 0;
  // The wire ledger and article revisions (ingest).
  virtual WireStore& Wire() = 0;
  // The newsroom: accounts and sessions, stories with revisions and notes, the audit log.
  virtual UserStore& Users() = 0;
  virtual StoryStore& Stories() = 0;
  virtual AuditLog& Audit() = 0;
  // What other processes on this database changed, and how to tell them (several nodes).
  virtual ChangeFeed& Changes() = 0;
  // Throws Error kUnavailable when the database does not answer; for /healthz.
  virtual void Ping() = 0;
};

}  // namespace gazette::store
