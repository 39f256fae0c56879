#pragma once
// The newsroom's screens under /newsroom/ (docs/newsroom.md): sign-in, the story list and
// editor, revisions, corrections, comments, users, settings and the audit log. Server-rendered,
// in English or Arabic; every page is private (no-store) and never goes through the cache.
// Every POST but the sign-in form needs the session's CSRF token; the sign-in form carries a
// token bound to a short-lived cookie instead.
#include <string>

#include "http/router.hpp"
#include "news/changes.hpp"
#include "newsroom/accounts.hpp"
#include "newsroom/admin_desk.hpp"
#include "newsroom/story_desk.hpp"
#include "render/templates.hpp"
#include "render/ui_strings.hpp"
#include "store/store.hpp"

namespace gazette::newsroom {

class NewsroomSite {
 public:
  NewsroomSite(store::Store& store, Accounts& accounts, const render::Templates& templates,
               const render::UiStrings& strings, news::Announce announce);

  void Register(http::Router& router) const;

  // The user a request comes from: a session cookie, or an "Authorization: Bearer" personal
  // API token. Nothing when neither names a live session or token.
  std::optional<SignedIn> Who(const http::Request& request) const;

 private:
  using Screen = std::function<http::Response(const http::Request&, const http::PathParams&, const SignedIn&)>;
  // Signed in (else a 303 to the sign-in page) and, for POST, the right CSRF token (else 403).
  http::Handler Guarded(Screen screen) const;

  http::Response SignInPage(const http::Request& request, int status, std::string_view message) const;
  http::Response SignIn(const http::Request& request) const;
  http::Response SignOut(const http::Request& request, const SignedIn& who) const;

  http::Response StoryList(const http::Request& request, const SignedIn& who) const;
  http::Response Editor(const http::Request& request, const SignedIn& who, std::optional<news::ArticleId> id,
                        const news::ArticleDraft* form_draft, std::string_view problem, std::string_view preview,
                        int status) const;
  http::Response PostStory(const http::Request& request, const SignedIn& who, std::optional<news::ArticleId> id) const;
  http::Response RevisionList(const http::Request& request, const SignedIn& who, news::ArticleId id) const;
  http::Response Diff(const http::Request& request, const SignedIn& who, news::ArticleId id) const;
  http::Response Restore(const http::Request& request, const SignedIn& who, news::ArticleId id,
                         store::RevisionId revision) const;
  http::Response PostNote(const http::Request& request, const SignedIn& who, news::ArticleId id) const;

  http::Response Users(const http::Request& request, const SignedIn& who, int status, std::string_view message,
                       std::string_view new_token) const;
  http::Response PostUser(const http::Request& request, const SignedIn& who) const;
  http::Response UpdateUser(const http::Request& request, const SignedIn& who, store::UserId id) const;
  http::Response PostToken(const http::Request& request, const SignedIn& who) const;
  http::Response RevokeToken(const http::Request& request, const SignedIn& who, std::int64_t id) const;
  http::Response Audit(const http::Request& request, const SignedIn& who) const;
  http::Response Comments(const http::Request& request, const SignedIn& who) const;
  http::Response Moderate(const http::Request& request, const SignedIn& who, std::int64_t id,
                          std::string_view action) const;
  http::Response SettingsPage(const http::Request& request, const SignedIn& who, int status,
                              std::string_view message) const;
  http::Response PostSettings(const http::Request& request, const SignedIn& who) const;

  // The layout's view for a newsroom page in the reader's interface language.
  boost::json::object Page(const http::Request& request, const SignedIn* who, std::string_view title) const;
  http::Response Render(std::string_view page, const boost::json::object& view, int status = 200) const;
  http::Response Forbidden(const http::Request& request, const SignedIn& who) const;
  void Record(const SignedIn& who, std::string_view action, std::string target, std::string detail) const;

  store::Store& store_;
  Accounts& accounts_;
  const render::Templates& templates_;
  const render::UiStrings& strings_;
  news::Announce announce_;
  StoryDesk desk_;
  AdminDesk admin_;
};

}  // namespace gazette::newsroom
