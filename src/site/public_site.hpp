#pragma once
// The public pages of both editions: home, section, tag and article pages, and the 404 page.
// Each handler reads the store, builds a view model and renders it; the response is a function
// of the stored data and the request path alone, so whole responses can be cached later.
#include "http/router.hpp"
#include "render/templates.hpp"
#include "render/ui_strings.hpp"
#include "site/site_settings.hpp"
#include "store/store.hpp"

namespace gazette::site {

class PublicSite {
 public:
  PublicSite(store::Store& store, const render::Templates& templates, const render::UiStrings& strings,
             SiteSettings defaults)
      : store_(store), templates_(templates), strings_(strings), defaults_(std::move(defaults)) {}

  // Adds the site's routes and its 404 page to the router.
  void Register(http::Router& router) const;

  http::Response Home(const http::Request& request, news::Language language) const;
  http::Response Section(const http::Request& request, news::Language language, std::string_view slug) const;
  http::Response Tag(const http::Request& request, news::Language language, std::string_view slug) const;
  http::Response Article(const http::Request& request, news::Language language, std::string_view section_slug,
                         std::string_view slug) const;
  http::Response NotFound(const http::Request& request) const;

 private:
  store::Store& store_;
  const render::Templates& templates_;
  const render::UiStrings& strings_;
  const SiteSettings defaults_;
};

}  // namespace gazette::site
