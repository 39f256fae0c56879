// Copying a site between databases: docs/migrate.md.
#include "store/transfer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "news/content_hash.hpp"
#include "news/error.hpp"

namespace gazette::store {
namespace {

// Column positions of `table` sorted by column name: the order rows are hashed in.
std::vector<std::size_t> ByName(const TableShape& table) {
  std::vector<std::size_t> order(table.columns.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return table.columns[a].name < table.columns[b].name; });
  return order;
}

// Unit and record separators keep "a","bc" apart from "ab","c"; NULL differs from ''.
std::string RowBytes(const TableShape& table, const std::vector<std::size_t>& order, const TableRow& row) {
  std::string bytes;
  for (const auto i : order) {
    bytes += table.columns[i].name;
    if (row[i]) {
      bytes += "=";
      bytes += *row[i];
    } else {
      bytes += "\x1eNULL";
    }
    bytes += '\x1f';
  }
  return bytes;
}

const TableShape* Find(const std::vector<TableShape>& tables, const std::string& name) {
  for (const auto& table : tables)
    if (table.name == name) return &table;
  return nullptr;
}

// The positions in `from`'s rows of `to`'s columns, matched by name. Throws kConflict when
// `to` has a column `from` lacks, or the reverse.
std::vector<std::size_t> ColumnMap(const TableShape& from, const TableShape& to, const std::string& where) {
  if (from.columns.size() != to.columns.size()) {
    throw Error(ErrorKind::kConflict,
                fmt::format("table {} has {} columns in the source but {} in {}: migrate both to the same "
                            "schema version first",
                            from.name, from.columns.size(), to.columns.size(), where));
  }
  std::vector<std::size_t> positions;
  for (const auto& column : to.columns) {
    const auto it = std::find_if(from.columns.begin(), from.columns.end(),
                                 [&](const TableColumn& c) { return c.name == column.name; });
    if (it == from.columns.end()) {
      throw Error(ErrorKind::kConflict,
                  fmt::format("column {}.{} of {} is not in the source: migrate both to the same schema version first",
                              to.name, column.name, where));
    }
    positions.push_back(static_cast<std::size_t>(it - from.columns.begin()));
  }
  return positions;
}

}  // namespace

bool IsDerivedTable(std::string_view name) { return name.ends_with("_counts"); }

bool TransferReport::Matches() const {
  return std::all_of(tables.begin(), tables.end(), [](const TableComparison& t) { return t.Matches(); });
}

std::vector<TableShape> InForeignKeyOrder(std::vector<TableShape> tables) {
  std::sort(tables.begin(), tables.end(), [](const TableShape& a, const TableShape& b) { return a.name < b.name; });
  std::set<std::string> names;
  for (const auto& table : tables) names.insert(table.name);
  std::vector<TableShape> ordered;
  std::set<std::string> placed;
  while (ordered.size() < tables.size()) {
    bool progress = false;
    for (auto& table : tables) {
      if (placed.contains(table.name)) continue;
      const bool ready = std::all_of(table.references.begin(), table.references.end(), [&](const std::string& r) {
        return r == table.name || placed.contains(r) || !names.contains(r);
      });
      if (!ready) continue;
      placed.insert(table.name);
      ordered.push_back(table);
      progress = true;
    }
    if (!progress) {
      std::string waiting;
      for (const auto& table : tables)
        if (!placed.contains(table.name)) waiting += " " + table.name;
      throw Error(ErrorKind::kInvalid, "foreign keys form a cycle between the tables" + waiting);
    }
  }
  return ordered;
}

TableSummary Summarize(SiteTables& database, const TableShape& table) {
  const auto order = ByName(table);
  std::vector<std::string> hashes;
  database.ReadRows(table, [&](const TableRow& row) { hashes.push_back(news::ContentHash(RowBytes(table, order, row))); });
  std::sort(hashes.begin(), hashes.end());
  std::string all;
  all.reserve(hashes.size() * 33);
  for (const auto& hash : hashes) all += hash + "\n";
  return {.table = table.name, .rows = static_cast<std::int64_t>(hashes.size()), .checksum = news::ContentHash(all)};
}

TransferReport CopySite(SiteTables& source, SiteTables& destination,
                        const std::function<void(const std::string&)>& progress) {
  TransferReport report;
  report.source_version = source.SchemaVersion();
  report.destination_version = destination.SchemaVersion();
  const auto destination_tables = destination.Tables();
  for (const auto& table : destination_tables) {
    if (const auto rows = destination.CountRows(table); rows > 0) {
      throw Error(ErrorKind::kConflict,
                  fmt::format("{} is not empty: table {} holds {} rows; migrate copies only into an empty database",
                              destination.Describe(), table.name, rows));
    }
  }

  // Check every table before writing anything, so a mismatch changes nothing.
  struct Plan {
    TableShape from;
    const TableShape* to;
    std::vector<std::size_t> positions;
    // Filled by the destination's triggers as the tables it derives from are copied: copying
    // its rows as well would count everything twice (or collide with the triggers' rows).
    bool derived = false;
  };
  std::vector<Plan> plans;
  for (auto& table : InForeignKeyOrder(source.Tables())) {
    const auto* to = Find(destination_tables, table.name);
    if (!to) {
      if (source.CountRows(table) == 0) {
        report.skipped.push_back(table.name);
        continue;
      }
      throw Error(ErrorKind::kConflict,
                  fmt::format("{} has no table {}: migrate both to the same schema version first",
                              destination.Describe(), table.name));
    }
    auto positions = ColumnMap(table, *to, destination.Describe());
    const bool derived = IsDerivedTable(table.name);
    plans.push_back({std::move(table), to, std::move(positions), derived});
  }

  destination.BeginWrite();
  for (const auto& plan : plans) {
    if (plan.derived) continue;
    std::int64_t copied = 0;
    TableRow out(plan.positions.size());
    source.ReadRows(plan.from, [&](const TableRow& row) {
      for (std::size_t i = 0; i < plan.positions.size(); ++i) out[i] = row[plan.positions[i]];
      destination.Insert(*plan.to, out);
      ++copied;
    });
    if (progress) progress(fmt::format("copied {:>7} rows of {}", copied, plan.from.name));
  }
  for (const auto& plan : plans)
    if (plan.derived && progress) progress(fmt::format("derived by triggers: {}", plan.from.name));
  destination.CommitWrite();

  for (const auto& plan : plans)
    report.tables.push_back({Summarize(source, plan.from), Summarize(destination, *plan.to)});
  return report;
}

}  // namespace gazette::store
