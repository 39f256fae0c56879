// Sign-in, sessions and lock-out: docs/newsroom.md, "Accounts and sessions".
#include "newsroom/accounts.hpp"

#include <algorithm>

#include "news/error.hpp"
#include "news/utf8.hpp"
#include "newsroom/passwords.hpp"

namespace gazette::newsroom {

Accounts::Accounts(store::UserStore& users, store::AuditLog& audit, NewsroomSettings settings, Clock clock)
    : users_(users), audit_(audit), settings_(settings), clock_(std::move(clock)) {
  if (!clock_) clock_ = [] { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); };
}

store::UserId Accounts::AddUser(std::string_view name, Role role, std::string_view password) {
  if (name.empty() || name.size() > 100 || name.find_first_of(" \t\r\n/") != std::string_view::npos)
    throw Error(ErrorKind::kInvalid, "name: must be 1 to 100 characters without spaces or '/'");
  return users_.AddUser(name, RoleName(role), HashPassword(password), clock_());
}

SignInResult Accounts::SignIn(std::string_view name, std::string_view password, std::string_view client) {
  const auto now = clock_();
  SignInResult result;
  auto user = users_.FindUserByName(name);
  auto audit = [&](std::string_view action, std::string detail) {
    audit_.Record({.at = now,
                   .user_id = user ? std::optional(user->id) : std::nullopt,
                   .user_name = std::string(name.substr(0, 100)),
                   .action = std::string(action),
                   .target = user ? "user:" + std::to_string(user->id) : "",
                   .detail = std::move(detail)});
  };
  if (!user) {
    VerifyAgainstDummy(password);
    audit("sign-in.failed", "unknown name, from " + std::string(client));
    return result;
  }
  if (user->locked_until && *user->locked_until > now) {
    result.outcome = SignInOutcome::kLocked;
    result.retry_after = *user->locked_until - now;
    audit("sign-in.locked", "refused while locked, from " + std::string(client));
    return result;
  }
  // Past slow_after failures, each try waits twice as long as the last (capped at the lock time).
  if (user->failed_sign_ins >= settings_.slow_after && user->last_failed_at) {
    const int doublings = std::min(user->failed_sign_ins - settings_.slow_after, 16);
    const auto wait = std::min<std::chrono::seconds>(std::chrono::seconds(1LL << doublings), settings_.lock_for);
    // Times are whole seconds: `<=` makes the wait at least `wait` however the clock's
    // seconds fall, never a moment less.
    if (now <= *user->last_failed_at + wait) {
      result.outcome = SignInOutcome::kThrottled;
      result.retry_after = *user->last_failed_at + wait - now + std::chrono::seconds(1);
      return result;
    }
  }
  if (!VerifyPassword(user->password_hash, password) || user->disabled) {
    const int failures = users_.RecordFailedSignIn(user->id, now);
    if (failures >= settings_.lock_after) {
      users_.LockUntil(user->id, now + settings_.lock_for);
      audit("user.locked", "after " + std::to_string(failures) + " failed sign-ins, from " + std::string(client));
    } else {
      audit("sign-in.failed", "wrong password, from " + std::string(client));
    }
    return result;
  }
  users_.ClearFailedSignIns(user->id);
  result.outcome = SignInOutcome::kSignedIn;
  result.session_id = RandomHex(32);
  users_.AddSession({.id_hash = SecretHash(result.session_id),
                     .user_id = user->id,
                     .csrf_secret = RandomHex(32),
                     .created_at = now,
                     .last_seen_at = now});
  audit("sign-in", "from " + std::string(client));
  result.user = std::move(user);
  return result;
}

std::optional<SignedIn> Accounts::Resolve(std::string_view session_id) {
  if (session_id.size() != 64) return std::nullopt;
  const auto id_hash = SecretHash(session_id);
  auto session = users_.FindSession(id_hash);
  if (!session) return std::nullopt;
  const auto now = clock_();
  if (now - session->last_seen_at >= settings_.session_idle || now - session->created_at >= settings_.session_absolute) {
    users_.DeleteSession(id_hash);
    return std::nullopt;
  }
  auto user = users_.FindUser(session->user_id);
  if (!user || user->disabled) return std::nullopt;
  const auto role = ParseRole(user->role);
  if (!role) return std::nullopt;
  // Write at most once a minute: reading a page should not always write to the database.
  if (now - session->last_seen_at >= std::chrono::minutes(1) ||
      settings_.session_idle < std::chrono::minutes(2))
    users_.TouchSession(id_hash, now);
  return SignedIn{std::move(*user), *role, id_hash, session->csrf_secret};
}

std::optional<SignedIn> Accounts::ResolveToken(std::string_view token) {
  if (token.size() != 64) return std::nullopt;
  auto stored = users_.FindApiToken(SecretHash(token));
  if (!stored || stored->revoked_at) return std::nullopt;
  auto user = users_.FindUser(stored->user_id);
  if (!user || user->disabled) return std::nullopt;
  const auto role = ParseRole(user->role);
  if (!role) return std::nullopt;
  return SignedIn{std::move(*user), *role, "", ""};
}

void Accounts::SignOut(const SignedIn& who) {
  if (who.session_id_hash.empty()) return;
  users_.DeleteSession(who.session_id_hash);
  audit_.Record({.at = clock_(), .user_id = who.user.id, .user_name = who.user.name, .action = "sign-out",
                 .target = "user:" + std::to_string(who.user.id), .detail = ""});
}

std::string Accounts::CreateToken(store::UserId user_id, std::string_view label) {
  auto token = RandomHex(32);
  users_.AddApiToken(user_id, label, SecretHash(token), clock_());
  return token;
}

}  // namespace gazette::newsroom
