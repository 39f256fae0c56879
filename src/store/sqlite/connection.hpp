#pragma once
// Thin RAII wrappers over the sqlite3 C API: a connection with cached prepared statements.
// Errors become gazette::Error with SQLite's message and the SQL that failed.
#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace gazette::store::sqlite {

class Statement {
 public:
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  ~Statement();
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;

  // Binds parameters 1..n in order and resets the statement for a fresh run.
  template <typename... Args>
  Statement& Bind(const Args&... args) {
    Reset();
    int index = 1;
    (BindOne(index++, args), ...);
    return *this;
  }
  // True while there is a row to read.
  bool Step();
  // Runs a statement that returns no rows.
  void Run();

  std::int64_t Int(int column) const;
  std::optional<std::int64_t> OptionalInt(int column) const;
  std::string Text(int column) const;
  bool IsNull(int column) const;

 private:
  void Reset();
  void BindOne(int index, std::int64_t value);
  void BindOne(int index, int value) { BindOne(index, static_cast<std::int64_t>(value)); }
  void BindOne(int index, std::string_view value);
  void BindOne(int index, const std::string& value) { BindOne(index, std::string_view(value)); }
  void BindOne(int index, const char* value) { BindOne(index, std::string_view(value)); }
  void BindOne(int index, std::nullptr_t);
  template <typename T>
  void BindOne(int index, const std::optional<T>& value) {
    if (value) BindOne(index, *value); else BindOne(index, nullptr);
  }
  void Check(int rc) const;

  sqlite3_stmt* stmt_;
};

class Connection {
 public:
  // Opens (creating when absent) the database file in WAL mode with foreign keys on. Throws
  // Error kUnavailable naming the path when it cannot be opened.
  explicit Connection(const std::filesystem::path& path);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one or more statements without results.
  void Exec(std::string_view sql);
  // A prepared statement, cached for the connection's lifetime. Not thread-safe: a connection
  // is used by one thread at a time (see ConnectionPool).
  Statement& Prepare(std::string_view sql);
  std::int64_t LastInsertId() const;
  // Ends every statement left mid-result, so an idle pooled connection holds no read snapshot.
  void ResetStatements();

 private:
  sqlite3* db_ = nullptr;
  std::map<std::string, std::unique_ptr<Statement>, std::less<>> statements_;
};

// Runs `work` inside BEGIN IMMEDIATE ... COMMIT, rolling back when it throws.
template <typename Work>
auto InTransaction(Connection& connection, Work&& work) {
  connection.Exec("BEGIN IMMEDIATE");
  try {
    if constexpr (std::is_void_v<decltype(work())>) {
      work();
      connection.Exec("COMMIT");
    } else {
      auto result = work();
      connection.Exec("COMMIT");
      return result;
    }
  } catch (...) {
    connection.Exec("ROLLBACK");
    throw;
  }
}

}  // namespace gazette::store::sqlite
