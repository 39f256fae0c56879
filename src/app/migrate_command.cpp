// `gazette migrate --to DATABASE`: copy the whole site to another database (docs/migrate.md).
#include <fmt/format.h>

#include <iostream>

#include "app/commands.hpp"
#include "app/open_store.hpp"
#include "news/error.hpp"
#include "store/postgres/postgres_tables.hpp"
#include "store/sqlite/sqlite_tables.hpp"

namespace gazette::app {
namespace {

bool IsPostgres(const std::string& database) {
  return database.starts_with("postgresql://") || database.starts_with("postgres://");
}

std::unique_ptr<store::SiteTables> OpenTables(const std::string& database) {
  // Opening it as a store first applies this binary's migrations, so both ends are at the
  // schema this binary knows (a database newer than the binary refuses to open).
  OpenStore(database).reset();
  if (IsPostgres(database)) return store::postgres::OpenPostgresTables(database);
  return store::sqlite::OpenSqliteTables(database);
}

}  // namespace

int Migrate(const Config& config, const MigrateCommand& command) {
  if (command.to == config.database)
    throw Error(ErrorKind::kInvalid, "migrate --to names the configured database itself");
  auto source = OpenTables(config.database);
  auto destination = OpenTables(command.to);
  std::cout << fmt::format("from {} (schema version {})\nto   {} (schema version {})\n", source->Describe(),
                           source->SchemaVersion(), destination->Describe(), destination->SchemaVersion());
  const auto report = store::CopySite(*source, *destination, [](const std::string& line) {
    std::cout << line << std::endl;
  });
  for (const auto& name : report.skipped)
    std::cout << fmt::format("skipped {}: empty, and the destination has no such table\n", name);
  std::cout << fmt::format("{:<24} {:>8} {:>8}  {:<32}  {:<32}  {}\n", "table", "rows", "copied", "source checksum",
                           "destination checksum", "");
  for (const auto& table : report.tables) {
    std::cout << fmt::format("{:<24} {:>8} {:>8}  {:<32}  {:<32}  {}\n", table.source.table, table.source.rows,
                             table.destination.rows, table.source.checksum, table.destination.checksum,
                             table.Matches() ? "ok" : "MISMATCH");
  }
  if (!report.Matches()) {
    std::cerr << "gazette: migrate: the copy differs from the source (MISMATCH above)" << std::endl;
    return 1;
  }
  std::cout << fmt::format("migrated {} tables: row counts and checksums match\n", report.tables.size());
  return 0;
}

}  // namespace gazette::app
