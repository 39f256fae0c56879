// Newsroom accounts on SQLite (docs/newsroom.md, "Accounts and sessions").
#include <fmt/format.h>

#include "news/error.hpp"
#include "store/sqlite/sqlite_newsroom_stores.hpp"
#include "store/time_seconds.hpp"

namespace gazette::store::sqlite {
namespace {

std::optional<news::TimePoint> OptionalTime(const Statement& row, int column) {
  if (auto seconds = row.OptionalInt(column)) return FromSeconds(*seconds);
  return std::nullopt;
}

constexpr std::string_view kUserColumns =
    "SELECT id, name, role, password_hash, disabled, failed_sign_ins, last_failed_at, locked_until, created_at"
    " FROM users";

User ReadUser(const Statement& row) {
  return User{.id = row.Int(0),
              .name = row.Text(1),
              .role = row.Text(2),
              .password_hash = row.Text(3),
              .disabled = row.Int(4) != 0,
              .failed_sign_ins = static_cast<int>(row.Int(5)),
              .last_failed_at = OptionalTime(row, 6),
              .locked_until = OptionalTime(row, 7),
              .created_at = FromSeconds(row.Int(8))};
}

void CheckRole(std::string_view role) {
  if (role != "admin" && role != "editor" && role != "reporter" && role != "moderator")
    throw Error(ErrorKind::kInvalid, fmt::format("role: '{}' is not admin, editor, reporter or moderator", role));
}

ApiToken ReadToken(const Statement& row) {
  return ApiToken{.id = row.Int(0),
                  .user_id = row.Int(1),
                  .label = row.Text(2),
                  .token_hash = row.Text(3),
                  .created_at = FromSeconds(row.Int(4)),
                  .revoked_at = OptionalTime(row, 5)};
}

constexpr std::string_view kTokenColumns = "SELECT id, user_id, label, token_hash, created_at, revoked_at FROM api_tokens";

}  // namespace

UserId SqliteUserStore::AddUser(std::string_view name, std::string_view role, std::string_view password_hash,
                                news::TimePoint now) {
  CheckRole(role);
  auto writer = pool_.Writer();
  return InTransaction(*writer, [&] {
    auto& taken = writer->Prepare("SELECT 1 FROM users WHERE name = ?");
    taken.Bind(name);
    const bool exists = taken.Step();
    taken.Run();
    if (exists) throw Error(ErrorKind::kConflict, fmt::format("a user named '{}' exists already", name));
    writer->Prepare("INSERT INTO users (name, role, password_hash, created_at) VALUES (?, ?, ?, ?)")
        .Bind(name, role, password_hash, Seconds(now))
        .Run();
    return writer->LastInsertId();
  });
}

std::optional<User> SqliteUserStore::FindUser(UserId id) {
  auto reader = pool_.Reader();
  auto& find = reader->Prepare(std::string(kUserColumns) + " WHERE id = ?");
  find.Bind(id);
  if (!find.Step()) return std::nullopt;
  auto user = ReadUser(find);
  find.Run();
  return user;
}

std::optional<User> SqliteUserStore::FindUserByName(std::string_view name) {
  auto reader = pool_.Reader();
  auto& find = reader->Prepare(std::string(kUserColumns) + " WHERE name = ?");
  find.Bind(name);
  if (!find.Step()) return std::nullopt;
  auto user = ReadUser(find);
  find.Run();
  return user;
}

std::vector<User> SqliteUserStore::ListUsers() {
  auto reader = pool_.Reader();
  auto& list = reader->Prepare(std::string(kUserColumns) + " ORDER BY name");
  list.Bind();
  std::vector<User> users;
  while (list.Step()) users.push_back(ReadUser(list));
  return users;
}

bool SqliteUserStore::SetRole(UserId id, std::string_view role, bool disabled) {
  CheckRole(role);
  auto writer = pool_.Writer();
  return InTransaction(*writer, [&] {
    writer->Prepare("UPDATE users SET role = ?, disabled = ? WHERE id = ?").Bind(role, disabled ? 1 : 0, id).Run();
    auto& changes = writer->Prepare("SELECT changes()");
    changes.Bind();
    changes.Step();
    const bool changed = changes.Int(0) > 0;
    changes.Run();
    return changed;
  });
}

bool SqliteUserStore::SetPasswordHash(UserId id, std::string_view password_hash) {
  auto writer = pool_.Writer();
  return InTransaction(*writer, [&] {
    writer->Prepare("UPDATE users SET password_hash = ? WHERE id = ?").Bind(password_hash, id).Run();
    auto& changes = writer->Prepare("SELECT changes()");
    changes.Bind();
    changes.Step();
    const bool changed = changes.Int(0) > 0;
    changes.Run();
    return changed;
  });
}

int SqliteUserStore::RecordFailedSignIn(UserId id, news::TimePoint at) {
  auto writer = pool_.Writer();
  return InTransaction(*writer, [&] {
    auto& update = writer->Prepare(
        "UPDATE users SET failed_sign_ins = failed_sign_ins + 1, last_failed_at = ? WHERE id = ?"
        " RETURNING failed_sign_ins");
    update.Bind(Seconds(at), id);
    const int count = update.Step() ? static_cast<int>(update.Int(0)) : 0;
    update.Run();
    return count;
  });
}

void SqliteUserStore::LockUntil(UserId id, news::TimePoint until) {
  auto writer = pool_.Writer();
  InTransaction(*writer, [&] {
    writer->Prepare("UPDATE users SET locked_until = ?, failed_sign_ins = 0 WHERE id = ?").Bind(Seconds(until), id).Run();
  });
}

void SqliteUserStore::ClearFailedSignIns(UserId id) {
  auto writer = pool_.Writer();
  InTransaction(*writer, [&] {
    writer->Prepare("UPDATE users SET failed_sign_ins = 0, last_failed_at = NULL, locked_until = NULL WHERE id = ?")
        .Bind(id)
        .Run();
  });
}

void SqliteUserStore::AddSession(const Session& s) {
  auto writer = pool_.Writer();
  InTransaction(*writer, [&] {
    writer->Prepare("INSERT INTO sessions (id_hash, user_id, csrf_secret, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)")
        .Bind(s.id_hash, s.user_id, s.csrf_secret, Seconds(s.created_at), Seconds(s.last_seen_at))
        .Run();
  });
}

std::optional<Session> SqliteUserStore::FindSession(std::string_view id_hash) {
  auto reader = pool_.Reader();
  auto& find = reader->Prepare(
      "SELECT id_hash, user_id, csrf_secret, created_at, last_seen_at FROM sessions WHERE id_hash = ?");
  find.Bind(id_hash);
  if (!find.Step()) return std::nullopt;
  Session session{find.Text(0), find.Int(1), find.Text(2), FromSeconds(find.Int(3)), FromSeconds(find.Int(4))};
  find.Run();
  return session;
}

void SqliteUserStore::TouchSession(std::string_view id_hash, news::TimePoint at) {
  auto writer = pool_.Writer();
  InTransaction(*writer, [&] {
    writer->Prepare("UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?").Bind(Seconds(at), id_hash).Run();
  });
}

void SqliteUserStore::DeleteSession(std::string_view id_hash) {
  auto writer = pool_.Writer();
  InTransaction(*writer, [&] { writer->Prepare("DELETE FROM sessions WHERE id_hash = ?").Bind(id_hash).Run(); });
}

void SqliteUserStore::DeleteSessionsOf(UserId id) {
  auto writer = pool_.Writer();
  InTransaction(*writer, [&] { writer->Prepare("DELETE FROM sessions WHERE user_id = ?").Bind(id).Run(); });
}

std::int64_t SqliteUserStore::AddApiToken(UserId user_id, std::string_view label, std::string_view token_hash,
                                          news::TimePoint now) {
  auto writer = pool_.Writer();
  return InTransaction(*writer, [&] {
    writer->Prepare("INSERT INTO api_tokens (user_id, label, token_hash, created_at) VALUES (?, ?, ?, ?)")
        .Bind(user_id, label, token_hash, Seconds(now))
        .Run();
    return writer->LastInsertId();
  });
}

std::optional<ApiToken> SqliteUserStore::FindApiToken(std::string_view token_hash) {
  auto reader = pool_.Reader();
  auto& find = reader->Prepare(std::string(kTokenColumns) + " WHERE token_hash = ?");
  find.Bind(token_hash);
  if (!find.Step()) return std::nullopt;
  auto token = ReadToken(find);
  find.Run();
  return token;
}

std::vector<ApiToken> SqliteUserStore::ListApiTokens() {
  auto reader = pool_.Reader();
  auto& list = reader->Prepare(std::string(kTokenColumns) + " ORDER BY created_at DESC, id DESC");
  list.Bind();
  std::vector<ApiToken> tokens;
  while (list.Step()) tokens.push_back(ReadToken(list));
  return tokens;
}

bool SqliteUserStore::RevokeApiToken(std::int64_t id, news::TimePoint now) {
  auto writer = pool_.Writer();
  return InTransaction(*writer, [&] {
    auto& revoke = writer->Prepare("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL RETURNING id");
    revoke.Bind(Seconds(now), id);
    const bool revoked = revoke.Step();
    revoke.Run();
    return revoked;
  });
}

}  // namespace gazette::store::sqlite
