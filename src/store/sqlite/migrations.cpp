#include "store/sqlite/migrations.hpp"

#include <fmt/format.h>

#include <ctime>
#include <set>

#include "news/error.hpp"
#include "store/migration_plan.hpp"

namespace gazette::store::sqlite {

int ApplyMigrations(Connection& connection) {
  connection.Exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
  std::set<int> recorded;
  auto& versions = connection.Prepare("SELECT version FROM schema_migrations");
  versions.Bind();
  while (versions.Step()) recorded.insert(static_cast<int>(versions.Int(0)));

  const auto pending = PendingMigrations(Migrations(), recorded);
  for (const auto& migration : pending) {
    try {
      InTransaction(connection, [&] {
        connection.Exec(migration.sql);
        connection
            .Prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)")
            .Bind(migration.version, migration.name, static_cast<std::int64_t>(std::time(nullptr)))
            .Run();
      });
    } catch (const Error& e) {
      throw Error(ErrorKind::kInternal, fmt::format("migration {} failed: {}", migration.name, e.what()));
    }
  }
  return static_cast<int>(pending.size());
}

}  // namespace gazette::store::sqlite
