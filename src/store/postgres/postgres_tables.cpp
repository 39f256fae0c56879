// PostgreSQL's side of `gazette migrate`: docs/migrate.md.
#include "store/postgres/postgres_tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "news/error.hpp"
#include "store/postgres/connection.hpp"

namespace gazette::store::postgres {
namespace {

// Bookkeeping of one database, not site content. published_count_changes is empty outside a
// transaction (migrations/006_published_counts.sql).
bool IsBookkeeping(std::string_view name) {
  return name == "schema_migrations" || name == "change_log" || name == "published_count_changes";
}

std::string Quote(std::string_view name) {
  std::string quoted = "\"";
  for (const char c : name) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

ColumnKind KindOf(std::string_view type) {
  if (type == "smallint" || type == "integer" || type == "bigint") return ColumnKind::kInteger;
  if (type == "text" || type == "character varying" || type == "character") return ColumnKind::kText;
  if (type == "boolean") return ColumnKind::kBoolean;
  if (type == "timestamp with time zone") return ColumnKind::kTime;
  return ColumnKind::kOther;
}

// The column as common-form text (store/transfer.hpp): Unix seconds, 0/1.
std::string ReadExpression(const TableColumn& column) {
  const auto name = Quote(column.name);
  switch (column.kind) {
    case ColumnKind::kTime: return fmt::format("EXTRACT(EPOCH FROM {})::bigint::text", name);
    case ColumnKind::kBoolean: return fmt::format("{}::int::text", name);
    case ColumnKind::kText: return name;
    default: return name + "::text";
  }
}

std::string WriteExpression(const TableColumn& column, std::size_t parameter) {
  switch (column.kind) {
    case ColumnKind::kTime: return fmt::format("to_timestamp(${}::bigint)", parameter);
    case ColumnKind::kBoolean: return fmt::format("${}::int::boolean", parameter);
    default: return fmt::format("${}", parameter);
  }
}

class PostgresTables final : public SiteTables {
 public:
  explicit PostgresTables(const std::string& url) : connection_(url) {}
  ~PostgresTables() override {
    if (writing_) connection_.RollbackQuietly();
  }

  std::string Describe() const override { return "PostgreSQL database " + connection_.Where(); }

  std::int64_t SchemaVersion() override {
    return connection_.Query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations").Int(0, 0);
  }

  std::vector<TableShape> Tables() override {
    std::map<std::string, TableShape> tables;
    const auto columns = connection_.Query(
        "SELECT c.table_name, c.column_name, c.data_type, "
        "       (c.is_identity = 'YES' OR COALESCE(c.column_default, '') LIKE 'nextval(%')::int "
        "FROM information_schema.columns c JOIN information_schema.tables t "
        "  ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
        "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' "
        "ORDER BY c.table_name, c.ordinal_position");
    for (int i = 0; i < columns.Rows(); ++i) {
      const auto table = columns.Text(i, 0);
      if (IsBookkeeping(table)) continue;
      tables[table].name = table;
      tables[table].columns.push_back(
          {.name = columns.Text(i, 1), .kind = KindOf(columns.Text(i, 2)), .generated = columns.Int(i, 3) == 1});
    }
    const auto keys = connection_.Query(
        "SELECT k.table_name, k.column_name, k.ordinal_position "
        "FROM information_schema.table_constraints c JOIN information_schema.key_column_usage k "
        "  ON k.constraint_schema = c.constraint_schema AND k.constraint_name = c.constraint_name "
        "WHERE c.constraint_type = 'PRIMARY KEY' AND c.table_schema = current_schema()");
    for (int i = 0; i < keys.Rows(); ++i) {
      const auto it = tables.find(keys.Text(i, 0));
      if (it == tables.end()) continue;
      for (auto& column : it->second.columns)
        if (column.name == keys.Text(i, 1)) column.primary_key = static_cast<int>(keys.Int(i, 2));
    }
    const auto references = connection_.Query(
        "SELECT f.relname, r.relname FROM pg_constraint k "
        "JOIN pg_class f ON f.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid "
        "WHERE k.contype = 'f' AND f.relnamespace = current_schema()::regnamespace");
    for (int i = 0; i < references.Rows(); ++i) {
      const auto it = tables.find(references.Text(i, 0));
      if (it != tables.end()) it->second.references.push_back(references.Text(i, 1));
    }
    std::vector<TableShape> result;
    for (auto& [name, table] : tables) result.push_back(std::move(table));
    return result;
  }

  std::int64_t CountRows(const TableShape& table) override {
    return connection_.Query(fmt::format("SELECT COUNT(*) FROM {}", Quote(table.name))).Int(0, 0);
  }

  void ReadRows(const TableShape& table, const std::function<void(const TableRow&)>& visit) override {
    std::string columns, key;
    std::vector<const TableColumn*> key_columns;
    for (const auto& column : table.columns) {
      columns += (columns.empty() ? "" : ", ") + ReadExpression(column);
      if (column.primary_key > 0) key_columns.push_back(&column);
    }
    std::sort(key_columns.begin(), key_columns.end(),
              [](const TableColumn* a, const TableColumn* b) { return a->primary_key < b->primary_key; });
    // COLLATE "C": byte order, as SQLite sorts text keys.
    for (const auto* column : key_columns) {
      key += (key.empty() ? "" : ", ") + Quote(column->name) +
             (column->kind == ColumnKind::kText ? " COLLATE \"C\"" : "");
    }
    const auto rows = connection_.Query(fmt::format("SELECT {} FROM {}{}", columns, Quote(table.name),
                                                    key.empty() ? std::string() : " ORDER BY " + key));
    TableRow row(table.columns.size());
    for (int r = 0; r < rows.Rows(); ++r) {
      for (std::size_t i = 0; i < row.size(); ++i) {
        const int column = static_cast<int>(i);
        row[i] = rows.IsNull(r, column) ? std::nullopt : std::optional<std::string>(rows.Text(r, column));
      }
      visit(row);
    }
  }

  void BeginWrite() override {
    connection_.Exec("BEGIN");
    writing_ = true;
  }

  void Insert(const TableShape& table, const TableRow& row) override {
    auto& sql = inserts_[table.name];
    if (sql.empty()) {
      std::string columns, values;
      bool generated = false;
      for (std::size_t i = 0; i < table.columns.size(); ++i) {
        columns += (i ? ", " : "") + Quote(table.columns[i].name);
        values += (i ? ", " : "") + WriteExpression(table.columns[i], i + 1);
        generated = generated || table.columns[i].generated;
      }
      // Copied rows keep their ids, even in GENERATED ALWAYS identity columns.
      sql = fmt::format("INSERT INTO {} ({}){} VALUES ({})", Quote(table.name), columns,
                        generated ? " OVERRIDING SYSTEM VALUE" : "", values);
      written_.push_back(table);
    }
    connection_.Query(sql, Params(row.begin(), row.end()));
  }

  void CommitWrite() override {
    for (const auto& table : written_) {
      for (const auto& column : table.columns) {
        if (!column.generated) continue;
        connection_.Query(fmt::format(
            "SELECT setval(pg_get_serial_sequence($1, $2), m) FROM (SELECT MAX({}) AS m FROM {}) t WHERE m IS NOT NULL",
            Quote(column.name), Quote(table.name)), Quote(table.name), column.name);
      }
    }
    connection_.Exec("COMMIT");
    writing_ = false;
    inserts_.clear();
    written_.clear();
  }

 private:
  Connection connection_;
  bool writing_ = false;
  std::map<std::string, std::string> inserts_;  // Table -> INSERT statement.
  std::vector<TableShape> written_;
};

}  // namespace

std::unique_ptr<SiteTables> OpenPostgresTables(const std::string& url) {
  return std::make_unique<PostgresTables>(url);
}

}  // namespace gazette::store::postgres
