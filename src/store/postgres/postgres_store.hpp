#pragma once
// Every store on a PostgreSQL database, for several Gazette nodes sharing one database
// (docs/postgresql.md): a fixed connection pool, prepared statements, migrations at open.
#include <functional>
#include <memory>
#include <string>

#include "news/article.hpp"
#include "store/store.hpp"

namespace gazette::store::postgres {

struct PostgresSettings {
  // postgresql://user[:password]@host[:port]/database[?options]; libpq's PG* variables fill gaps.
  std::string url;
  // Connections per node. Each is a server process with its own memory, and the server's
  // max_connections is shared by every node; more than the threads that call the store is waste.
  int pool_size = 8;
  std::function<news::TimePoint()> clock;  // Defaults to the system clock; tests move time.
};

// Connects and applies pending migrations. Throws Error kUnavailable naming the server and
// database (never the password) when it does not answer, kInvalid for a malformed URL,
// kInternal when a migration fails, kConflict when the schema is newer than this binary.
std::unique_ptr<Store> OpenPostgresStore(const PostgresSettings& settings);

}  // namespace gazette::store::postgres
