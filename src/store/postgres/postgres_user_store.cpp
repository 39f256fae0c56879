// Newsroom accounts on PostgreSQL: the same contract as sqlite/ (docs/newsroom.md), times as
// timestamptz sent and read as Unix seconds.
#include <fmt/format.h>

#include "news/error.hpp"
#include "store/postgres/postgres_newsroom_stores.hpp"
#include "store/time_seconds.hpp"

namespace gazette::store::postgres {
namespace {

std::optional<news::TimePoint> OptionalTime(const Result& r, int row, int column) {
  if (auto seconds = r.OptionalInt(row, column)) return FromSeconds(*seconds);
  return std::nullopt;
}

constexpr std::string_view kUserColumns =
    "SELECT id, name, role, password_hash, disabled::int, failed_sign_ins, EXTRACT(EPOCH FROM last_failed_at)::bigint,"
    " EXTRACT(EPOCH FROM locked_until)::bigint, EXTRACT(EPOCH FROM created_at)::bigint FROM users";

User ReadUser(const Result& r, int row) {
  return User{.id = r.Int(row, 0),
              .name = r.Text(row, 1),
              .role = r.Text(row, 2),
              .password_hash = r.Text(row, 3),
              .disabled = r.Int(row, 4) != 0,
              .failed_sign_ins = static_cast<int>(r.Int(row, 5)),
              .last_failed_at = OptionalTime(r, row, 6),
              .locked_until = OptionalTime(r, row, 7),
              .created_at = FromSeconds(r.Int(row, 8))};
}

void CheckRole(std::string_view role) {
  if (role != "admin" && role != "editor" && role != "reporter" && role != "moderator")
    throw Error(ErrorKind::kInvalid, fmt::format("role: '{}' is not admin, editor, reporter or moderator", role));
}

constexpr std::string_view kTokenColumns =
    "SELECT id, user_id, label, token_hash, EXTRACT(EPOCH FROM created_at)::bigint,"
    " EXTRACT(EPOCH FROM revoked_at)::bigint FROM api_tokens";

ApiToken ReadToken(const Result& r, int row) {
  return ApiToken{.id = r.Int(row, 0),
                  .user_id = r.Int(row, 1),
                  .label = r.Text(row, 2),
                  .token_hash = r.Text(row, 3),
                  .created_at = FromSeconds(r.Int(row, 4)),
                  .revoked_at = OptionalTime(r, row, 5)};
}

}  // namespace

UserId PostgresUserStore::AddUser(std::string_view name, std::string_view role, std::string_view password_hash,
                                  news::TimePoint now) {
  CheckRole(role);
  auto c = pool_.Acquire();
  const auto inserted = c->Query(
      "INSERT INTO users (name, role, password_hash, created_at) VALUES ($1, $2, $3, to_timestamp($4))"
      " ON CONFLICT (name) DO NOTHING RETURNING id",
      name, role, password_hash, Seconds(now));
  if (inserted.Rows() == 0) throw Error(ErrorKind::kConflict, fmt::format("a user named '{}' exists already", name));
  return inserted.Int(0, 0);
}

std::optional<User> PostgresUserStore::FindUser(UserId id) {
  auto c = pool_.Acquire();
  const auto found = c->Query(std::string(kUserColumns) + " WHERE id = $1", id);
  if (found.Rows() == 0) return std::nullopt;
  return ReadUser(found, 0);
}

std::optional<User> PostgresUserStore::FindUserByName(std::string_view name) {
  auto c = pool_.Acquire();
  const auto found = c->Query(std::string(kUserColumns) + " WHERE name = $1", name);
  if (found.Rows() == 0) return std::nullopt;
  return ReadUser(found, 0);
}

std::vector<User> PostgresUserStore::ListUsers() {
  auto c = pool_.Acquire();
  const auto found = c->Query(std::string(kUserColumns) + " ORDER BY name");
  std::vector<User> users;
  for (int row = 0; row < found.Rows(); ++row) users.push_back(ReadUser(found, row));
  return users;
}

bool PostgresUserStore::SetRole(UserId id, std::string_view role, bool disabled) {
  CheckRole(role);
  auto c = pool_.Acquire();
  return c->Query("UPDATE users SET role = $1, disabled = $2::int::boolean WHERE id = $3 RETURNING id", role,
                  disabled ? 1 : 0, id)
             .Rows() > 0;
}

bool PostgresUserStore::SetPasswordHash(UserId id, std::string_view password_hash) {
  auto c = pool_.Acquire();
  return c->Query("UPDATE users SET password_hash = $1 WHERE id = $2 RETURNING id", password_hash, id).Rows() > 0;
}

int PostgresUserStore::RecordFailedSignIn(UserId id, news::TimePoint at) {
  auto c = pool_.Acquire();
  const auto updated = c->Query(
      "UPDATE users SET failed_sign_ins = failed_sign_ins + 1, last_failed_at = to_timestamp($1) WHERE id = $2"
      " RETURNING failed_sign_ins",
      Seconds(at), id);
  return updated.Rows() > 0 ? static_cast<int>(updated.Int(0, 0)) : 0;
}

void PostgresUserStore::LockUntil(UserId id, news::TimePoint until) {
  auto c = pool_.Acquire();
  c->Query("UPDATE users SET locked_until = to_timestamp($1), failed_sign_ins = 0 WHERE id = $2", Seconds(until), id);
}

void PostgresUserStore::ClearFailedSignIns(UserId id) {
  auto c = pool_.Acquire();
  c->Query("UPDATE users SET failed_sign_ins = 0, last_failed_at = NULL, locked_until = NULL WHERE id = $1", id);
}

void PostgresUserStore::AddSession(const Session& s) {
  auto c = pool_.Acquire();
  c->Query("INSERT INTO sessions (id_hash, user_id, csrf_secret, created_at, last_seen_at)"
           " VALUES ($1, $2, $3, to_timestamp($4), to_timestamp($5))",
           s.id_hash, s.user_id, s.csrf_secret, Seconds(s.created_at), Seconds(s.last_seen_at));
}

std::optional<Session> PostgresUserStore::FindSession(std::string_view id_hash) {
  auto c = pool_.Acquire();
  const auto found = c->Query(
      "SELECT id_hash, user_id, csrf_secret, EXTRACT(EPOCH FROM created_at)::bigint,"
      " EXTRACT(EPOCH FROM last_seen_at)::bigint FROM sessions WHERE id_hash = $1",
      id_hash);
  if (found.Rows() == 0) return std::nullopt;
  return Session{found.Text(0, 0), found.Int(0, 1), found.Text(0, 2), FromSeconds(found.Int(0, 3)),
                 FromSeconds(found.Int(0, 4))};
}

void PostgresUserStore::TouchSession(std::string_view id_hash, news::TimePoint at) {
  auto c = pool_.Acquire();
  c->Query("UPDATE sessions SET last_seen_at = to_timestamp($1) WHERE id_hash = $2", Seconds(at), id_hash);
}

void PostgresUserStore::DeleteSession(std::string_view id_hash) {
  auto c = pool_.Acquire();
  c->Query("DELETE FROM sessions WHERE id_hash = $1", id_hash);
}

void PostgresUserStore::DeleteSessionsOf(UserId id) {
  auto c = pool_.Acquire();
  c->Query("DELETE FROM sessions WHERE user_id = $1", id);
}

std::int64_t PostgresUserStore::AddApiToken(UserId user_id, std::string_view label, std::string_view token_hash,
                                            news::TimePoint now) {
  auto c = pool_.Acquire();
  return c->Query("INSERT INTO api_tokens (user_id, label, token_hash, created_at) VALUES ($1, $2, $3, to_timestamp($4))"
                  " RETURNING id",
                  user_id, label, token_hash, Seconds(now))
      .Int(0, 0);
}

std::optional<ApiToken> PostgresUserStore::FindApiToken(std::string_view token_hash) {
  auto c = pool_.Acquire();
  const auto found = c->Query(std::string(kTokenColumns) + " WHERE token_hash = $1", token_hash);
  if (found.Rows() == 0) return std::nullopt;
  return ReadToken(found, 0);
}

std::vector<ApiToken> PostgresUserStore::ListApiTokens() {
  auto c = pool_.Acquire();
  const auto found = c->Query(std::string(kTokenColumns) + " ORDER BY created_at DESC, id DESC");
  std::vector<ApiToken> tokens;
  for (int row = 0; row < found.Rows(); ++row) tokens.push_back(ReadToken(found, row));
  return tokens;
}

bool PostgresUserStore::RevokeApiToken(std::int64_t id, news::TimePoint now) {
  auto c = pool_.Acquire();
  return c->Query("UPDATE api_tokens SET revoked_at = to_timestamp($1) WHERE id = $2 AND revoked_at IS NULL RETURNING id",
                  Seconds(now), id)
             .Rows() > 0;
}

}  // namespace gazette::store::postgres
