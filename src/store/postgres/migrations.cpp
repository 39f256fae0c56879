#include "store/postgres/migrations.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <set>

#include "news/error.hpp"

namespace gazette::store::postgres {
namespace {

// pg_advisory_xact_lock key for schema changes: "gazette" in ASCII, as a bigint.
constexpr std::string_view kLockMigrations = "SELECT pg_advisory_xact_lock(29099100917232741)";

int VersionOf(std::string_view name) {
  int version = 0;
  auto [ptr, ec] = std::from_chars(name.data(), name.data() + name.size(), version);
  if (ec != std::errc() || ptr == name.data() || *ptr != '_')
    throw Error(ErrorKind::kInternal, fmt::format("migration {} must be named NNN_name.sql", name));
  return version;
}

}  // namespace

int ApplyMigrations(Connection& connection) {
  return InTransaction(connection, [&] {
    connection.Exec(kLockMigrations);
    connection.Exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
    // Every migration not yet recorded is applied, in order, also one numbered below the
    // newest applied (two branches that each added one must not skip the other's).
    std::set<int> recorded;
    const auto rows = connection.Query("SELECT version FROM schema_migrations");
    for (int row = 0; row < rows.Rows(); ++row) recorded.insert(static_cast<int>(rows.Int(row, 0)));

    std::set<int> known;
    int applied = 0;
    for (const auto& [name, sql] : Migrations()) {
      const int version = VersionOf(name);
      known.insert(version);
      if (recorded.contains(version)) continue;
      try {
        connection.Exec(sql);
        connection.Query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", version, name);
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
  });
}

}  // namespace gazette::store::postgres
