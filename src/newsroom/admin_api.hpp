#pragma once
// The admin side of the newsroom's JSON API (docs/newsroom.md, "JSON API"), authorised like
// /api/stories (story_api.hpp: a personal API token, or a session with X-CSRF-Token) and under
// the same permission matrix as the screens (permissions.hpp), acting through the same
// AdminDesk as the screens:
//   GET    /api/users                          admins (manage-users)
//   POST   /api/users      {"name", "role", "password"}
//   PUT    /api/users/{id} {"role"?, "disabled"?}   absent fields keep their values
//   GET    /api/tokens                         the tokens (never the secrets)
//   POST   /api/tokens     {"user", "label"?}  answers the token, shown this once
//   DELETE /api/tokens/{id}                    revokes it
//   GET    /api/audit?page=                    admins (view-audit), newest first
//   GET    /api/settings                       admins (settings)
//   PUT    /api/settings   {"name"?, "footer_lines"?, "timestamp_format"?, "comment_policy"?}
#include "http/router.hpp"
#include "news/changes.hpp"
#include "newsroom/accounts.hpp"
#include "newsroom/admin_desk.hpp"
#include "store/store.hpp"

namespace gazette::newsroom {

// Thread-safe.
class AdminApi {
 public:
  AdminApi(store::Store& store, Accounts& accounts, news::Announce announce)
      : store_(store), accounts_(accounts), desk_(store, accounts, std::move(announce)) {}

  void Register(http::Router& router) const;

 private:
  store::Store& store_;
  Accounts& accounts_;
  AdminDesk desk_;
};

// For /api/comments: when the request carries a live personal API token, an audit-log line
// for its holder ("comment.approve", "comment:ID", the start of the text), as the moderation
// screen records. Requests with the site's API token (GAZETTE_API_TOKEN) are not a person's.
void AuditTokenModeration(Accounts& accounts, store::AuditLog& audit, const http::Request& request,
                          std::string_view action, std::int64_t comment_id, std::string_view text);

}  // namespace gazette::newsroom
