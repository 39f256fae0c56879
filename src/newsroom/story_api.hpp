#pragma once
// The newsroom's JSON API under /api/stories (docs/newsroom.md, "JSON API"): the story list and
// the editor's actions for programs, authorised by personal API tokens ("Authorization: Bearer")
// or a newsroom session cookie with its CSRF token in X-CSRF-Token, under the same permission
// matrix as the screens (permissions.hpp). Answers are JSON; errors are {"error": "..."} with
// 401 (nobody signed in), 403 (the role may not), 404, 409 or 422 (the field named first).
//   GET  /api/stories?status=&language=&section=&source=&author=&wire=1&page=
//   POST /api/stories                    a new draft
//   GET  /api/stories/{id}
//   PUT  /api/stories/{id}               save over the story (its status stays)
//   POST /api/stories/{id}/publish | unpublish
//   POST /api/stories/{id}/schedule      {"at": "2024-03-04T09:15:00Z"}
//   POST /api/stories/{id}/notes         {"kind": "correction" | "update", "text": "..."}
//   GET  /api/stories/{id}/revisions     newest first
//   GET  /api/stories/{id}/diff?from=REVISION&to=REVISION
//   POST /api/stories/{id}/revisions/{revision}/restore
// Users, tokens, settings and the audit log: admin_api.hpp.
#include <optional>

#include "http/router.hpp"
#include "news/changes.hpp"
#include "newsroom/accounts.hpp"
#include "newsroom/story_desk.hpp"
#include "store/store.hpp"

namespace gazette::newsroom {

// Parses a story's JSON fields (language, headline, standfirst, body_markdown, section, tags,
// source, byline, dateline) over `base`: absent fields keep base's values. Throws Error kInvalid
// naming the field for malformed JSON or a value of the wrong type.
news::ArticleDraft StoryFromJson(std::string_view json, news::ArticleDraft base);

// For /api/comments: nothing when the request carries no live personal API token ("Authorization:
// Bearer"), else whether its holder's role moderates comments. Cookies are not looked at.
std::optional<bool> TokenMayModerate(Accounts& accounts, const http::Request& request);

// Thread-safe.
class StoryApi {
 public:
  StoryApi(store::Store& store, Accounts& accounts, news::Announce announce);

  void Register(http::Router& router) const;

 private:
  using Call = std::function<http::Response(const http::Request&, const http::PathParams&, const SignedIn&)>;
  // Signed in by token or session (else 401); a session's writes need X-CSRF-Token (else 403).
  http::Handler Guarded(Call call) const;

  http::Response List(const http::Request& request, const SignedIn& who) const;
  http::Response Create(const http::Request& request, const SignedIn& who) const;
  http::Response Get(const SignedIn& who, news::ArticleId id) const;
  http::Response Update(const http::Request& request, const SignedIn& who, news::ArticleId id) const;
  http::Response Act(const http::Request& request, const SignedIn& who, news::ArticleId id,
                     std::string_view action) const;
  http::Response Revisions(const SignedIn& who, news::ArticleId id) const;
  http::Response Diff(const http::Request& request, const SignedIn& who, news::ArticleId id) const;
  http::Response Restore(const SignedIn& who, news::ArticleId id, std::string_view revision) const;

  store::Store& store_;
  Accounts& accounts_;
  StoryDesk desk_;
};

}  // namespace gazette::newsroom
