#pragma once
// Copying a whole site from one database to another (SQLite <-> PostgreSQL) for
// `gazette migrate --to`, and checking that both hold the same rows. See docs/migrate.md.
//
// The copy knows no table by name: it reads the tables, columns, primary and foreign keys from
// the source's catalogue, so a table a later migration adds is copied too. One convention: a
// table named *_counts is derived, kept by the database's triggers from other tables.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gazette::store {

// How a column's values are carried. SQLite keeps times as INTEGER seconds and flags as
// INTEGER 0/1; PostgreSQL uses timestamptz and boolean, so only its catalogue tells them apart.
enum class ColumnKind { kInteger, kText, kBoolean, kTime, kOther };

struct TableColumn {
  std::string name;
  ColumnKind kind = ColumnKind::kOther;
  int primary_key = 0;     // 1-based position in the primary key; 0 when not part of it.
  bool generated = false;  // Filled by a sequence (PostgreSQL identity or serial).
};

struct TableShape {
  std::string name;
  std::vector<TableColumn> columns;
  std::vector<std::string> references;  // Tables its foreign keys point to.
};

// One row in the stores' common form, in its table's column order: integers and times as
// decimal Unix seconds, booleans as 0 or 1, text as is; nullopt is NULL.
using TableRow = std::vector<std::optional<std::string>>;

// A database seen as plain tables. Not thread-safe.
class SiteTables {
 public:
  virtual ~SiteTables() = default;
  // "sqlite /path/file.db" or "postgresql host:port/db as user": for messages, no password.
  virtual std::string Describe() const = 0;
  // The newest migration recorded in schema_migrations (0 when none).
  virtual std::int64_t SchemaVersion() = 0;
  // The site's tables with their columns, in no particular order. Leaves out bookkeeping that
  // belongs to one database: schema_migrations, change_log, the engine's own tables.
  virtual std::vector<TableShape> Tables() = 0;
  virtual std::int64_t CountRows(const TableShape& table) = 0;
  // Calls `visit` with every row, in primary-key order.
  virtual void ReadRows(const TableShape& table, const std::function<void(const TableRow&)>& visit) = 0;

  // Writing: BeginWrite, Insert..., then CommitWrite; destroying the object before the commit
  // rolls everything back. Insert keeps the ids it is given; CommitWrite first moves each
  // sequence past the largest id copied, so new rows do not collide with copied ones.
  virtual void BeginWrite() = 0;
  virtual void Insert(const TableShape& table, const TableRow& row) = 0;
  virtual void CommitWrite() = 0;
};

// Rows and checksum of one table: a checksum of the sorted per-row news::ContentHash values of
// the rows in common form, with columns taken by name, so the order of rows and columns does
// not matter and the same content gives the same checksum in either store.
struct TableSummary {
  std::string table;
  std::int64_t rows = 0;
  std::string checksum;
  bool operator==(const TableSummary&) const = default;
};

struct TableComparison {
  TableSummary source;
  TableSummary destination;
  bool Matches() const { return source == destination; }
};

struct TransferReport {
  std::int64_t source_version = 0;
  std::int64_t destination_version = 0;
  std::vector<TableComparison> tables;  // In the order they were copied.
  std::vector<std::string> skipped;     // Empty source tables the destination does not have.
  bool Matches() const;
};

// True for a table whose rows the database's triggers derive from other tables (named
// *_counts, such as published_section_counts): copying the tables it derives from fills it.
bool IsDerivedTable(std::string_view name);

// `tables` sorted so that every table comes after the tables it references (self-references
// aside). Throws Error kInvalid when foreign keys form a cycle between tables.
std::vector<TableShape> InForeignKeyOrder(std::vector<TableShape> tables);

TableSummary Summarize(SiteTables& database, const TableShape& table);

// Copies every table of `source` into `destination` in one transaction, then summarises both.
// Derived tables are not copied but summarised too, so the report checks the destination's
// triggers came to the same counts.
// Throws Error kConflict, changing nothing, when a destination table already holds rows, or
// when the destination lacks a non-empty source table or one of its columns (the two are not
// at the same schema version). `progress` hears one line per table copied.
TransferReport CopySite(SiteTables& source, SiteTables& destination,
                        const std::function<void(const std::string&)>& progress = {});

}  // namespace gazette::store
