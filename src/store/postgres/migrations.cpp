#include "store/postgres/migrations.hpp"

#include <fmt/format.h>

#include <set>

#include "news/error.hpp"
#include "store/migration_plan.hpp"

namespace gazette::store::postgres {
namespace {

// pg_advisory_xact_lock key for schema changes: "gazette" in ASCII, as a bigint.
constexpr std::string_view kLockMigrations = "SELECT pg_advisory_xact_lock(29099100917232741)";

}  // namespace

int ApplyMigrations(Connection& connection) {
  return InTransaction(connection, [&] {
    connection.Exec(kLockMigrations);
    connection.Exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
    std::set<int> recorded;
    const auto rows = connection.Query("SELECT version FROM schema_migrations");
    for (int row = 0; row < rows.Rows(); ++row) recorded.insert(static_cast<int>(rows.Int(row, 0)));

    const auto pending = PendingMigrations(Migrations(), recorded);
    for (const auto& migration : pending) {
      try {
        connection.Exec(migration.sql);
        connection.Query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", migration.version,
                         migration.name);
      } catch (const Error& e) {
        throw Error(ErrorKind::kInternal, fmt::format("migration {} failed: {}", migration.name, e.what()));
      }
    }
    return static_cast<int>(pending.size());
  });
}

}  // namespace gazette::store::postgres
