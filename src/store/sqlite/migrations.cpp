#include "store/sqlite/migrations.hpp"

#include <fmt/format.h>

#include <charconv>
#include <ctime>

#include "news/error.hpp"

namespace gazette::store::sqlite {
namespace {

int VersionOf(std::string_view name) {
  int version = 0;
  auto [ptr, ec] = std::from_chars(name.data(), name.data() + name.size(), version);
  if (ec != std::errc() || ptr == name.data() || *ptr != '_')
    throw Error(ErrorKind::kInternal, fmt::format("migration {} must be named NNN_name.sql", name));
  return version;
}

}  // namespace

int ApplyMigrations(Connection& connection) {
  connection.Exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)");
  auto& newest = connection.Prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  newest.Bind();
  newest.Step();
  const int applied_version = static_cast<int>(newest.Int(0));
  newest.Run();

  int latest_known = 0;
  int applied = 0;
  for (const auto& [name, sql] : Migrations()) {
    const int version = VersionOf(name);
    latest_known = std::max(latest_known, version);
    if (version <= applied_version) continue;
    try {
      InTransaction(connection, [&] {
        connection.Exec(sql);
        connection
            .Prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)")
            .Bind(version, name, static_cast<std::int64_t>(std::time(nullptr)))
            .Run();
      });
    } catch (const Error& e) {
      throw Error(ErrorKind::kInternal, fmt::format("migration {} failed: {}", name, e.what()));
    }
    ++applied;
  }
  if (applied_version > latest_known)
    throw Error(ErrorKind::kConflict,
                fmt::format("the database is at schema version {}, newer than this Gazette knows "
                            "({}): run a newer Gazette", applied_version, latest_known));
  return applied;
}

}  // namespace gazette::store::sqlite
