#pragma once
// Newsroom accounts: creating them, signing in (with slow-down and lock-out), sessions with
// idle and absolute expiry, and the CSRF secret each session carries (docs/newsroom.md).
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "newsroom/newsroom_settings.hpp"
#include "newsroom/permissions.hpp"
#include "store/audit_log.hpp"
#include "store/user_store.hpp"

namespace gazette::newsroom {

using Clock = std::function<news::TimePoint()>;

// Someone signed in, as a request sees them.
struct SignedIn {
  store::User user;
  Role role = Role::kReporter;
  std::string session_id_hash;  // Empty for an API token.
  std::string csrf_token;       // Forms of this session must carry it; empty for an API token.
};

enum class SignInOutcome {
  kSignedIn,
  kWrong,      // Unknown name, wrong password or a disabled account: the same answer for each.
  kThrottled,  // Too many recent failures: wait retry_after before trying again.
  kLocked,     // Locked until retry_after has passed.
};

struct SignInResult {
  SignInOutcome outcome = SignInOutcome::kWrong;
  std::chrono::seconds retry_after{0};
  std::string session_id;  // For the cookie, on kSignedIn: 64 hex digits (256 random bits).
  std::optional<store::User> user;
};

// Thread-safe.
class Accounts {
 public:
  Accounts(store::UserStore& users, store::AuditLog& audit, NewsroomSettings settings, Clock clock);

  // Hashes the password (Argon2id) and stores the account. Throws Error kInvalid for an empty or
  // over-long name or a password outside the length limits, kConflict when the name is taken.
  store::UserId AddUser(std::string_view name, Role role, std::string_view password);

  SignInResult SignIn(std::string_view name, std::string_view password, std::string_view client);

  // The signed-in user for a session cookie's id, or nothing when the session does not exist,
  // has been idle or lived too long (it is then deleted), or its user is disabled.
  std::optional<SignedIn> Resolve(std::string_view session_id);
  // The user of a personal API token ("Authorization: Bearer <token>"), or nothing.
  std::optional<SignedIn> ResolveToken(std::string_view token);

  void SignOut(const SignedIn& who);

  // Creates a personal API token for the user; returns it (shown once, stored hashed).
  std::string CreateToken(store::UserId user_id, std::string_view label);

  const NewsroomSettings& Settings() const { return settings_; }
  news::TimePoint Now() const { return clock_(); }

 private:
  store::UserStore& users_;
  store::AuditLog& audit_;
  const NewsroomSettings settings_;
  Clock clock_;
};

}  // namespace gazette::newsroom
