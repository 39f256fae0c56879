#include "store/sqlite/migrations.hpp"

#include <fmt/format.h>

#include <charconv>
#include <ctime>
#include <set>

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
  // Every migration not yet recorded is applied, in order, also one numbered below the newest
  // applied (two branches that each added one must not skip the other's).
  std::set<int> recorded;
  auto& versions = connection.Prepare("SELECT version FROM schema_migrations");
  versions.Bind();
  while (versions.Step()) recorded.insert(static_cast<int>(versions.Int(0)));

  std::set<int> known;
  int applied = 0;
  for (const auto& [name, sql] : Migrations()) {
    const int version = VersionOf(name);
    known.insert(version);
    if (recorded.contains(version)) continue;
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
  for (int version : recorded)
    if (!known.contains(version))
      throw Error(ErrorKind::kConflict,
                  fmt::format("the database has schema migration {}, which this Gazette does not know: "
                              "run a newer Gazette", version));
  return applied;
}

}  // namespace gazette::store::sqlite
