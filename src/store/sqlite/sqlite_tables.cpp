// SQLite's side of `gazette migrate`: docs/migrate.md.
#include "store/sqlite/sqlite_tables.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>

#include "news/error.hpp"

namespace gazette::store::sqlite {
namespace {

// Bookkeeping of one database, not site content.
bool IsBookkeeping(std::string_view name) {
  return name.starts_with("sqlite_") || name == "schema_migrations" || name == "change_log";
}

std::string Quote(std::string_view name) {
  std::string quoted = "\"";
  for (const char c : name) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

ColumnKind KindOf(std::string type) {
  std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::toupper(c); });
  if (type.find("INT") != std::string::npos) return ColumnKind::kInteger;
  if (type.find("CHAR") != std::string::npos || type.find("TEXT") != std::string::npos ||
      type.find("CLOB") != std::string::npos)
    return ColumnKind::kText;
  return ColumnKind::kOther;
}

class Statement {
 public:
  Statement(sqlite3* db, const std::string& sql) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK)
      throw Error(ErrorKind::kInternal, fmt::format("SQLite: {} in: {}", sqlite3_errmsg(db), sql));
  }
  ~Statement() { sqlite3_finalize(stmt_); }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  bool Step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw Error(ErrorKind::kInternal, fmt::format("SQLite: {} in: {}", sqlite3_errmsg(sqlite3_db_handle(stmt_)),
                                                  sqlite3_sql(stmt_)));
  }
  std::optional<std::string> Value(int column) const {
    if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
  }
  std::string Text(int column) const { return Value(column).value_or(""); }
  std::int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
  sqlite3_stmt* Native() const { return stmt_; }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

class SqliteTables final : public SiteTables {
 public:
  explicit SqliteTables(const std::filesystem::path& path) : path_(path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      const std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
      sqlite3_close(db_);
      throw Error(ErrorKind::kUnavailable, fmt::format("cannot open SQLite database {}: {}", path.string(), message));
    }
    sqlite3_busy_timeout(db_, 10'000);
    Exec("PRAGMA foreign_keys = ON");
  }
  ~SqliteTables() override {
    inserts_.clear();
    if (writing_) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(db_);
  }

  std::string Describe() const override { return "SQLite database " + path_.string(); }

  std::int64_t SchemaVersion() override {
    Statement statement(db_, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    return statement.Step() ? statement.Int(0) : 0;
  }

  std::vector<TableShape> Tables() override {
    std::vector<TableShape> tables;
    Statement names(db_, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    while (names.Step()) {
      TableShape table{.name = names.Text(0)};
      if (IsBookkeeping(table.name)) continue;
      Statement columns(db_, fmt::format("PRAGMA table_info({})", Quote(table.name)));
      while (columns.Step()) {
        table.columns.push_back({.name = columns.Text(1), .kind = KindOf(columns.Text(2)),
                                 .primary_key = static_cast<int>(columns.Int(5))});
      }
      Statement keys(db_, fmt::format("PRAGMA foreign_key_list({})", Quote(table.name)));
      while (keys.Step()) table.references.push_back(keys.Text(2));
      tables.push_back(std::move(table));
    }
    return tables;
  }

  std::int64_t CountRows(const TableShape& table) override {
    Statement count(db_, fmt::format("SELECT COUNT(*) FROM {}", Quote(table.name)));
    count.Step();
    return count.Int(0);
  }

  void ReadRows(const TableShape& table, const std::function<void(const TableRow&)>& visit) override {
    std::string columns, key;
    std::vector<const TableColumn*> key_columns;
    for (const auto& column : table.columns) {
      columns += (columns.empty() ? "" : ", ") + Quote(column.name);
      if (column.primary_key > 0) key_columns.push_back(&column);
    }
    std::sort(key_columns.begin(), key_columns.end(),
              [](const TableColumn* a, const TableColumn* b) { return a->primary_key < b->primary_key; });
    for (const auto* column : key_columns) key += (key.empty() ? "" : ", ") + Quote(column->name);
    Statement rows(db_, fmt::format("SELECT {} FROM {} ORDER BY {}", columns, Quote(table.name),
                                    key.empty() ? std::string("rowid") : key));
    TableRow row(table.columns.size());
    while (rows.Step()) {
      for (std::size_t i = 0; i < row.size(); ++i) row[i] = rows.Value(static_cast<int>(i));
      visit(row);
    }
  }

  void BeginWrite() override {
    Exec("BEGIN IMMEDIATE");
    writing_ = true;
  }

  void Insert(const TableShape& table, const TableRow& row) override {
    auto& statement = InsertStatement(table);
    sqlite3_stmt* stmt = statement.Native();
    sqlite3_reset(stmt);
    for (std::size_t i = 0; i < row.size(); ++i) {
      const int index = static_cast<int>(i) + 1;
      const auto& value = row[i];
      std::int64_t number = 0;
      const bool numeric = value && table.columns[i].kind != ColumnKind::kText &&
                           std::from_chars(value->data(), value->data() + value->size(), number).ptr ==
                               value->data() + value->size() && !value->empty();
      if (!value) sqlite3_bind_null(stmt, index);
      else if (numeric) sqlite3_bind_int64(stmt, index, number);
      else sqlite3_bind_text(stmt, index, value->data(), static_cast<int>(value->size()), SQLITE_TRANSIENT);
    }
    statement.Step();
  }

  void CommitWrite() override {
    inserts_.clear();
    Exec("COMMIT");
    writing_ = false;
  }

 private:
  void Exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
      const std::string text = message ? message : "unknown error";
      sqlite3_free(message);
      throw Error(ErrorKind::kInternal, fmt::format("SQLite {}: {} in: {}", path_.string(), text, sql));
    }
  }

  Statement& InsertStatement(const TableShape& table) {
    auto& slot = inserts_[table.name];
    if (!slot) {
      std::string columns, values;
      for (const auto& column : table.columns) {
        columns += (columns.empty() ? "" : ", ") + Quote(column.name);
        values += values.empty() ? "?" : ", ?";
      }
      slot = std::make_unique<Statement>(db_, fmt::format("INSERT INTO {} ({}) VALUES ({})", Quote(table.name),
                                                          columns, values));
    }
    return *slot;
  }

  std::filesystem::path path_;
  sqlite3* db_ = nullptr;
  bool writing_ = false;
  std::map<std::string, std::unique_ptr<Statement>> inserts_;
};

}  // namespace

std::unique_ptr<SiteTables> OpenSqliteTables(const std::filesystem::path& path) {
  return std::make_unique<SqliteTables>(path);
}

}  // namespace gazette::store::sqlite
