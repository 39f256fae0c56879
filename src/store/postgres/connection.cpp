#include "store/postgres/connection.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <charconv>
#include <memory>

#include "news/error.hpp"

namespace gazette::store::postgres {
namespace {

std::string Trimmed(const char* text) {
  std::string message = text ? text : "";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  for (auto& c : message)
    if (c == '\n' || c == '\t') c = ' ';
  return message;
}

// "host:port/database as user" from the URL's parts; the password is never read.
std::string DescribeServer(const std::string& url) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(url.c_str(), &error);
  if (!options) {
    const std::string message = Trimmed(error);
    PQfreemem(error);
    throw Error(ErrorKind::kInvalid, fmt::format("invalid PostgreSQL URL: {}", message));
  }
  std::map<std::string, std::string> parts;
  for (auto* option = options; option->keyword; ++option)
    if (option->val) parts[option->keyword] = option->val;
  PQconninfoFree(options);
  auto part = [&](const char* key, const char* fallback) {
    auto it = parts.find(key);
    return it == parts.end() || it->second.empty() ? std::string(fallback) : it->second;
  };
  return fmt::format("{}:{}/{} as {}", part("host", "localhost"), part("port", "5432"),
                     part("dbname", "(default)"), part("user", "(default)"));
}

}  // namespace

std::string Result::Text(int row, int column) const {
  return std::string(PQgetvalue(result_, row, column), static_cast<std::size_t>(PQgetlength(result_, row, column)));
}

std::int64_t Result::Int(int row, int column) const {
  const char* text = PQgetvalue(result_, row, column);
  const char* end = text + PQgetlength(result_, row, column);
  std::int64_t value = 0;
  auto [ptr, ec] = std::from_chars(text, end, value);
  if (ec != std::errc() || ptr != end)
    throw Error(ErrorKind::kInternal, fmt::format("postgres: column {} is not an integer: '{}'", column, text));
  return value;
}

std::optional<std::int64_t> Result::OptionalInt(int row, int column) const {
  if (IsNull(row, column)) return std::nullopt;
  return Int(row, column);
}

Connection::Connection(const std::string& url) : where_(DescribeServer(url)) {
  // Earlier keywords are defaults the URL may override; client_encoding always wins.
  const char* keys[] = {"connect_timeout", "application_name", "dbname", "client_encoding", nullptr};
  const char* values[] = {"10", "gazette", url.c_str(), "UTF8", nullptr};
  conn_ = PQconnectdbParams(keys, values, /*expand_dbname=*/1);
  if (!conn_ || PQstatus(conn_) != CONNECTION_OK) {
    const std::string message = conn_ ? Trimmed(PQerrorMessage(conn_)) : "out of memory";
    PQfinish(conn_);
    conn_ = nullptr;
    throw Error(ErrorKind::kUnavailable, fmt::format("cannot connect to PostgreSQL {}: {}", where_, message));
  }
  // Server notices ("relation already exists, skipping") are for people at a psql prompt;
  // libpq would print them on stderr. Keep them in the debug log.
  PQsetNoticeProcessor(
      conn_, [](void*, const char* message) { spdlog::debug("postgres: {}", Trimmed(message)); }, nullptr);
}

Connection::~Connection() { PQfinish(conn_); }

Result Connection::Check(PGresult* raw, std::string_view sql) {
  Result result(raw);
  const auto status = raw ? PQresultStatus(raw) : PGRES_FATAL_ERROR;
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK || status == PGRES_EMPTY_QUERY) return result;

  const char* state = raw ? PQresultErrorField(raw, PG_DIAG_SQLSTATE) : nullptr;
  last_sqlstate_ = state ? state : "";
  const std::string message = Trimmed(raw && *PQresultErrorMessage(raw) ? PQresultErrorMessage(raw) : PQerrorMessage(conn_));
  const std::string statement = Trimmed(std::string(sql.substr(0, 200)).c_str());
  if (PQstatus(conn_) != CONNECTION_OK || last_sqlstate_.starts_with("08") || last_sqlstate_.starts_with("57P"))
    throw Error(ErrorKind::kUnavailable,
                fmt::format("lost the connection to PostgreSQL {}: {} in: {}", where_, message, statement));
  const ErrorKind kind = last_sqlstate_ == "23505" ? ErrorKind::kConflict : ErrorKind::kInternal;
  throw Error(kind, fmt::format("postgres: {} (SQLSTATE {}) in: {}", message, last_sqlstate_, statement));
}

void Connection::Exec(std::string_view sql) {
  last_sqlstate_.clear();
  Check(PQexec(conn_, std::string(sql).c_str()), sql);
}

Result Connection::Query(std::string_view sql, const Params& params) {
  last_sqlstate_.clear();
  auto it = prepared_.find(sql);
  if (it == prepared_.end()) {
    const std::string name = fmt::format("gazette_{}", prepared_.size() + 1);
    const std::string text(sql);
    Check(PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr), sql);
    it = prepared_.emplace(text, name).first;
  }
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const auto& param : params) values.push_back(param ? param->c_str() : nullptr);
  return Check(PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(values.size()), values.data(),
                              nullptr, nullptr, /*text results*/ 0),
               sql);
}

bool Connection::LastFailureIsTransient() const {
  return last_sqlstate_ == "40P01" || last_sqlstate_ == "40001" || last_sqlstate_ == "23505";
}

void Connection::RollbackQuietly() noexcept {
  if (PQstatus(conn_) != CONNECTION_OK || PQtransactionStatus(conn_) == PQTRANS_IDLE) return;
  PQclear(PQexec(conn_, "ROLLBACK"));
}

bool Connection::Reusable() const {
  return PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) == PQTRANS_IDLE;
}

}  // namespace gazette::store::postgres
