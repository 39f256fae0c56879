#pragma once
// The moderation JSON API under /api/comments, for machine clients holding the bearer token
// (GAZETTE_API_TOKEN). docs/comments.md, "Moderation API":
//   GET    /api/comments?status=pending|approved|rejected|spam|all
//   POST   /api/comments/{id}/approve | reject | spam
//   DELETE /api/comments/{id}
#include <string>

#include "comments/moderation.hpp"
#include "http/router.hpp"

namespace gazette::comments {

class ModerationApi {
 public:
  // An empty token refuses every request (401).
  ModerationApi(Moderation& moderation, std::string api_token)
      : moderation_(moderation), api_token_(std::move(api_token)) {}

  void Register(http::Router& router);

  // True when the request carries "Authorization: Bearer <token>" with the configured token,
  // compared in constant time.
  bool Authorized(const http::Request& request) const;

 private:
  Moderation& moderation_;
  const std::string api_token_;
};

}  // namespace gazette::comments
