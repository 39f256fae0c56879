#pragma once
// The moderation JSON API under /api/comments, for machine clients holding the bearer token
// (GAZETTE_API_TOKEN) or another bearer token the wiring accepts (a moderator's personal API
// token: docs/newsroom.md). docs/comments.md, "Moderation API":
//   GET    /api/comments?status=pending|approved|rejected|spam|all
//   POST   /api/comments/{id}/approve | reject | spam
//   DELETE /api/comments/{id}
#include <functional>
#include <optional>
#include <string>

#include "comments/moderation.hpp"
#include "http/router.hpp"

namespace gazette::comments {

class ModerationApi {
 public:
  // For a request without the API token: nothing when it carries no other token the wiring
  // knows (401), else whether its holder's role moderates (403 when not). It must not trust
  // cookies, which browsers send on their own.
  using MayModerate = std::function<std::optional<bool>(const http::Request&)>;

  // After each change ("approve", "reject", "spam", "delete"): the request, the comment's id
  // and its text (empty for a delete), for an audit log of who did it.
  using Moderated = std::function<void(const http::Request&, std::string_view action, store::CommentId id,
                                       std::string_view text)>;

  // An empty token, with no `may_moderate`, refuses every request (401).
  ModerationApi(Moderation& moderation, std::string api_token, MayModerate may_moderate = nullptr,
                Moderated moderated = nullptr)
      : moderation_(moderation),
        api_token_(std::move(api_token)),
        may_moderate_(std::move(may_moderate)),
        moderated_(std::move(moderated)) {}

  void Register(http::Router& router);

  // True when the request carries "Authorization: Bearer <token>" with the configured token,
  // compared in constant time.
  bool Authorized(const http::Request& request) const;

 private:
  Moderation& moderation_;
  const std::string api_token_;
  const MayModerate may_moderate_;
  const Moderated moderated_;
};

}  // namespace gazette::comments
