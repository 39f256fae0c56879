#pragma once
// Newsroom accounts, their sign-in sessions and personal API tokens (docs/newsroom.md). Plain
// data: hashing, checking and the rules on roles live in newsroom/.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "news/article.hpp"

namespace gazette::store {

using UserId = std::int64_t;

struct User {
  UserId id = 0;
  std::string name;           // Sign-in name, unique.
  std::string role;           // "admin", "editor", "reporter" or "moderator".
  std::string password_hash;  // crypto_pwhash_str output (Argon2id, parameters inside).
  bool disabled = false;
  int failed_sign_ins = 0;    // Since the last success or lock.
  std::optional<news::TimePoint> last_failed_at;
  std::optional<news::TimePoint> locked_until;
  news::TimePoint created_at{};
};

// A signed-in browser. The cookie holds the id; the store only ever sees its hash.
struct Session {
  std::string id_hash;      // Hex BLAKE2b-256 of the cookie's random id.
  UserId user_id = 0;
  std::string csrf_secret;  // Hex; forms of this session carry it.
  news::TimePoint created_at{};
  news::TimePoint last_seen_at{};
};

struct ApiToken {
  std::int64_t id = 0;
  UserId user_id = 0;
  std::string label;
  std::string token_hash;  // Hex BLAKE2b-256 of the token; the token itself is shown once.
  news::TimePoint created_at{};
  std::optional<news::TimePoint> revoked_at;
};

// Thread-safe. Every method is one transaction.
class UserStore {
 public:
  virtual ~UserStore() = default;

  // Throws Error kConflict when the name is taken, kInvalid for an unknown role.
  virtual UserId AddUser(std::string_view name, std::string_view role, std::string_view password_hash,
                         news::TimePoint now) = 0;
  virtual std::optional<User> FindUser(UserId id) = 0;
  virtual std::optional<User> FindUserByName(std::string_view name) = 0;
  // By name.
  virtual std::vector<User> ListUsers() = 0;
  // Returns false when there is no such user.
  virtual bool SetRole(UserId id, std::string_view role, bool disabled) = 0;
  virtual bool SetPasswordHash(UserId id, std::string_view password_hash) = 0;

  // Counts one more failed sign-in (atomically) and returns the new count.
  virtual int RecordFailedSignIn(UserId id, news::TimePoint at) = 0;
  // Locks the account until `until` and starts the failure count again.
  virtual void LockUntil(UserId id, news::TimePoint until) = 0;
  // After a successful sign-in: no failures, no lock.
  virtual void ClearFailedSignIns(UserId id) = 0;

  virtual void AddSession(const Session& session) = 0;
  virtual std::optional<Session> FindSession(std::string_view id_hash) = 0;
  virtual void TouchSession(std::string_view id_hash, news::TimePoint at) = 0;
  virtual void DeleteSession(std::string_view id_hash) = 0;
  // Ends every session of the user (disabled, password changed).
  virtual void DeleteSessionsOf(UserId id) = 0;

  virtual std::int64_t AddApiToken(UserId user_id, std::string_view label, std::string_view token_hash,
                                   news::TimePoint now) = 0;
  // Revoked tokens too; the caller checks revoked_at.
  virtual std::optional<ApiToken> FindApiToken(std::string_view token_hash) = 0;
  // Newest first.
  virtual std::vector<ApiToken> ListApiTokens() = 0;
  // Returns false when there is no such token or it was revoked before.
  virtual bool RevokeApiToken(std::int64_t id, news::TimePoint now) = 0;
};

}  // namespace gazette::store
