#pragma once
// Thin RAII wrappers over libpq: a connection whose statements are prepared lazily, once per
// connection, and named after their SQL. Parameters travel as text. Errors become
// gazette::Error: kUnavailable when the server cannot be reached, kConflict for a unique
// violation, kInternal otherwise; messages name host, port, database and user, never a password.
#include <libpq-fe.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace gazette::store::postgres {

using Params = std::vector<std::optional<std::string>>;  // nullopt is SQL NULL.

// The rows of one statement. Columns count from 0.
class Result {
 public:
  explicit Result(PGresult* result) : result_(result) {}
  Result(Result&& other) noexcept : result_(std::exchange(other.result_, nullptr)) {}
  Result(const Result&) = delete;
  Result& operator=(const Result&) = delete;
  ~Result() { PQclear(result_); }

  int Rows() const { return PQntuples(result_); }
  bool IsNull(int row, int column) const { return PQgetisnull(result_, row, column) != 0; }
  std::string Text(int row, int column) const;
  std::int64_t Int(int row, int column) const;
  std::optional<std::int64_t> OptionalInt(int row, int column) const;

 private:
  PGresult* result_;
};

// Makes one text parameter of a value: integers, strings, nullptr and optionals of them.
inline std::optional<std::string> ToParam(std::nullptr_t) { return std::nullopt; }
inline std::optional<std::string> ToParam(std::string_view value) { return std::string(value); }
inline std::optional<std::string> ToParam(const std::string& value) { return value; }
inline std::optional<std::string> ToParam(const char* value) { return std::string(value); }
template <typename T>
  requires std::is_integral_v<T>
std::optional<std::string> ToParam(T value) { return std::to_string(value); }
template <typename T>
std::optional<std::string> ToParam(const std::optional<T>& value) {
  return value ? ToParam(*value) : std::nullopt;
}

class Connection {
 public:
  // Connects to a postgresql:// URL (or a key=value string). Throws Error kUnavailable naming
  // the server and database when it cannot, kInvalid when the URL does not parse.
  explicit Connection(const std::string& url);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one or more statements without parameters or results (BEGIN, a migration file).
  void Exec(std::string_view sql);

  // Runs a statement with $1..$n bound to `params`, preparing it on first use on this
  // connection. Not thread-safe: a connection serves one thread at a time (ConnectionPool).
  Result Query(std::string_view sql, const Params& params);
  template <typename... Args>
  Result Query(std::string_view sql, const Args&... args) {
    return Query(sql, Params{ToParam(args)...});
  }

  // True when the last failure may pass if the transaction is run again: a deadlock, a
  // serialization failure, or a unique violation from a concurrent insert of the same key.
  bool LastFailureIsTransient() const;
  // Rolls back an open transaction; never throws (used while another error propagates).
  void RollbackQuietly() noexcept;
  // True when the connection is up and outside any transaction, so the pool may lend it again.
  bool Reusable() const;
  // "host:port/database as user", for messages.
  const std::string& Where() const { return where_; }
  // The libpq connection itself, for LISTEN (socket polling and notifications).
  PGconn* Native() const { return conn_; }

 private:
  Result Check(PGresult* result, std::string_view sql);

  PGconn* conn_ = nullptr;
  std::string where_;
  std::string last_sqlstate_;
  std::map<std::string, std::string, std::less<>> prepared_;  // SQL -> statement name.
};

// Runs `work` between BEGIN and COMMIT, rolling back when it throws. Runs it again (up to
// three times in all) when PostgreSQL reports a transient failure such as a deadlock.
template <typename Work>
auto InTransaction(Connection& connection, Work&& work) {
  constexpr int kAttempts = 3;
  for (int attempt = 1;; ++attempt) {
    connection.Exec("BEGIN");
    try {
      if constexpr (std::is_void_v<decltype(work())>) {
        work();
        connection.Exec("COMMIT");
        return;
      } else {
        auto result = work();
        connection.Exec("COMMIT");
        return result;
      }
    } catch (...) {
      const bool again = attempt < kAttempts && connection.LastFailureIsTransient();
      connection.RollbackQuietly();
      if (!again) throw;
    }
  }
}

}  // namespace gazette::store::postgres
