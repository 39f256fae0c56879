#pragma once
// What an admin does, for the screens (admin_screens.cpp) and the JSON API (admin_api.cpp) alike:
// accounts and roles, personal API tokens, site settings; each change goes in the audit log
// (docs/newsroom.md). Callers check permissions (permissions.hpp) first.
#include <optional>
#include <string>
#include <string_view>

#include "news/changes.hpp"
#include "newsroom/accounts.hpp"
#include "store/store.hpp"

namespace gazette::newsroom {

// The site settings an admin changes (the public site reads them: site/site_settings.hpp).
struct SiteSettings {
  std::string name;
  std::string footer_lines;      // One line each, "\n" between.
  std::string timestamp_format;  // strftime-like: %Y %m %d %H %M %S %A %B %%.
  // "moderate" (new comments wait), "publish" (they appear at once), or empty: the config
  // file's [comments] auto_publish decides.
  std::string comment_policy;
};

// Thread-safe.
class AdminDesk {
 public:
  AdminDesk(store::Store& store, Accounts& accounts, news::Announce announce)
      : store_(store), accounts_(accounts), announce_(std::move(announce)) {}

  // Throws Error kInvalid (the message names the field) or kConflict for a name taken.
  store::UserId AddUser(const SignedIn& who, std::string_view name, std::string_view role, std::string_view password) const;
  // Sets the role and whether the account is disabled (ending its sessions). Throws Error
  // kInvalid for an unknown role or when an admin would disable or demote themself, kNotFound
  // for an unknown user.
  void ChangeUser(const SignedIn& who, store::UserId id, std::string_view role, bool disabled) const;
  // Returns the token (shown once). Throws Error kInvalid for an unknown user.
  std::pair<std::string, store::UserId> CreateToken(const SignedIn& who, std::string_view user_name,
                                                    std::string_view label) const;
  // Throws Error kNotFound for an unknown token.
  void RevokeToken(const SignedIn& who, std::int64_t id) const;

  SiteSettings Settings() const;
  // Saves them (an empty name or timestamp format keeps the one stored) and announces the
  // change. Throws Error kInvalid naming the field for a bad timestamp format or comment policy.
  void SaveSettings(const SignedIn& who, SiteSettings settings) const;

  // A line in the audit log for `who`.
  void Record(const SignedIn& who, std::string_view action, std::string target, std::string detail) const;

 private:
  store::Store& store_;
  Accounts& accounts_;
  news::Announce announce_;
};

}  // namespace gazette::newsroom
