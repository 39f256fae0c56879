#pragma once
// The public pages of both editions: home, section, tag and article pages, and the 404 page.
// Each handler reads the store, builds a view model and renders it; the response is a function
// of the stored data and the request path alone, so whole responses can be cached later.
#include <functional>

#include "comments/comment_desk.hpp"
#include "http/router.hpp"
#include "render/templates.hpp"
#include "render/ui_strings.hpp"
#include "site/comment_section.hpp"
#include "site/site_settings.hpp"
#include "store/store.hpp"

namespace gazette::site {

class PublicSite {
 public:
  PublicSite(store::Store& store, const render::Templates& templates, const render::UiStrings& strings,
             SiteSettings defaults, comments::CommentDesk* comments = nullptr)
      : store_(store), templates_(templates), strings_(strings), defaults_(std::move(defaults)), comments_(comments) {}

  // Wraps a page handler, e.g. in a response cache; pages return their cache tags
  // (news/changes.hpp) in http::Response::cache_tags for it.
  using PageWrapper = std::function<http::Handler(http::Handler)>;

  // Adds the site's routes and its 404 page to the router; the pages (home, section, tag,
  // article) through `wrap` when given.
  void Register(http::Router& router, const PageWrapper& wrap = {}) const;

  http::Response Home(const http::Request& request, news::Language language) const;
  http::Response Section(const http::Request& request, news::Language language, std::string_view slug) const;
  http::Response Tag(const http::Request& request, news::Language language, std::string_view slug) const;
  // With `comment_form`, the page of a refused comment: the form shows it back with the reasons.
  http::Response Article(const http::Request& request, news::Language language, std::string_view section_slug,
                         std::string_view slug, const CommentFormState* comment_form = nullptr) const;
  // POST /{lang}/{section}/{slug}/comments: a 303 back to the article when the comment was
  // stored; else the article page with the form filled in and the reasons, never cached
  // (422 refused text, 429 rate limit, 403 no valid token or comments closed).
  http::Response PostComment(const http::Request& request, news::Language language, std::string_view section_slug,
                             std::string_view slug) const;
  http::Response NotFound(const http::Request& request) const;

 private:
  store::Store& store_;
  const render::Templates& templates_;
  const render::UiStrings& strings_;
  const SiteSettings defaults_;
  comments::CommentDesk* comments_;  // Null: articles show no comments.
};

}  // namespace gazette::site
