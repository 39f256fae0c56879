#include "store/postgres/migrations.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

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
    const int applied_version =
        static_cast<int>(connection.Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Int(0, 0));

    int latest_known = 0;
    int applied = 0;
    for (const auto& [name, sql] : Migrations()) {
      const int version = VersionOf(name);
      latest_known = std::max(latest_known, version);
      if (version <= applied_version) continue;
      try {
        connection.Exec(sql);
        connection.Query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", version, name);
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
  });
}

}  // namespace gazette::store::postgres
