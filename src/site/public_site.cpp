#include "site/public_site.hpp"

#include <charconv>

#include "render/markdown.hpp"
#include "site/views.hpp"

namespace gazette::site {
namespace {

// Page numbers come from ?page=N; anything but a positive number names no page.
std::optional<int> PageNumber(const http::Request& request) {
  auto text = request.Query("page");
  if (!text) return 1;
  int page = 0;
  auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), page);
  if (ec != std::errc() || ptr != text->data() + text->size() || page < 1) return std::nullopt;
  return page;
}

boost::json::array Summaries(const SiteSettings& site, const std::vector<news::ArticleSummary>& items) {
  boost::json::array views;
  for (const auto& item : items) views.push_back(SummaryView(site, item));
  return views;
}

void Merge(boost::json::object& into, boost::json::object from) {
  for (auto& [key, value] : from) into[key] = std::move(value);
}

}  // namespace

void PublicSite::Register(http::Router& router) const {
  using http::Method;
  // Every page lives in an edition: /en/... or /ar/...; other first segments name nothing.
  auto in_edition = [this](auto page) {
    return [this, page](const http::Request& r, const http::PathParams& p) {
      const auto language = news::ParseLanguage(p.at("lang"));
      return language ? page(r, *language, p) : NotFound(r);
    };
  };
  router.Add(Method::kGet, "/", [](const http::Request&, const http::PathParams&) {
    return http::Redirect("/en/", 302);
  });
  router.Add(Method::kGet, "/{lang}/", in_edition([this](const http::Request& r, news::Language l, const http::PathParams&) {
    return Home(r, l);
  }));
  router.Add(Method::kGet, "/{lang}/tag/{tag}/", in_edition([this](const http::Request& r, news::Language l, const http::PathParams& p) {
    return Tag(r, l, p.at("tag"));
  }));
  router.Add(Method::kGet, "/{lang}/{section}/", in_edition([this](const http::Request& r, news::Language l, const http::PathParams& p) {
    return Section(r, l, p.at("section"));
  }));
  router.Add(Method::kGet, "/{lang}/{section}/{slug}", in_edition([this](const http::Request& r, news::Language l, const http::PathParams& p) {
    return Article(r, l, p.at("section"), p.at("slug"));
  }));
  router.SetNotFound([this](const http::Request& r, const http::PathParams&) { return NotFound(r); });
}

http::Response PublicSite::Home(const http::Request& request, news::Language language) const {
  const auto site = EffectiveSettings(defaults_, store_.Settings());
  const auto page = PageNumber(request);
  if (!page) return NotFound(request);
  auto& articles = store_.Articles();
  const auto sections = store_.Catalog().ListSections(language);
  auto view = LayoutView(site, strings_, language, "", sections, "");

  if (*page > 1) {  // Past the front page, the edition is one long list.
    const auto list = articles.ListPublished({.language = language, .page = *page, .page_size = site.page_size});
    if (list.items.empty()) return NotFound(request);
    view["kind"] = site.name;
    view["heading"] = strings_.For(language).at("latest");
    view["has_items"] = true;
    view["items"] = Summaries(site, list.items);
    if (auto pagination = PaginationView(strings_, language, EditionPath(language), *page, list.total, site.page_size))
      view["pagination"] = std::move(*pagination);
    return http::Html(200, templates_.RenderPage("list", view));
  }

  const auto front = articles.ListPublished({.language = language, .page_size = 1 + site.home_latest});
  if (!front.items.empty()) view["lead"] = SummaryView(site, front.items.front());
  boost::json::array latest;
  for (std::size_t i = 1; i < front.items.size(); ++i) latest.push_back(SummaryView(site, front.items[i]));
  view["has_latest"] = !latest.empty();
  view["latest"] = std::move(latest);

  boost::json::array blocks;
  const std::string more_template(strings_.For(language).at("more_in").as_string());
  for (const auto& section : sections) {
    const auto items = articles.ListPublished(
        {.language = language, .section_slug = section.slug, .page_size = site.home_block_size});
    std::string more = more_template;
    more.replace(more.find("{section}"), 9, section.name);
    blocks.push_back(boost::json::object{{"slug", section.slug},
                                         {"name", section.name},
                                         {"url", SectionPath(language, section.slug)},
                                         {"more_text", more},
                                         {"items", Summaries(site, items.items)}});
  }
  view["section_blocks"] = std::move(blocks);
  if (auto pagination = PaginationView(strings_, language, EditionPath(language), 1, front.total, site.page_size))
    view["pagination"] = std::move(*pagination);
  return http::Html(200, templates_.RenderPage("home", view));
}

http::Response PublicSite::Section(const http::Request& request, news::Language language,
                                   std::string_view slug) const {
  const auto section = store_.Catalog().FindSection(language, slug);
  const auto page = PageNumber(request);
  if (!section || !page) return NotFound(request);
  const auto site = EffectiveSettings(defaults_, store_.Settings());
  const auto list = store_.Articles().ListPublished(
      {.language = language, .section_slug = section->slug, .page = *page, .page_size = site.page_size});
  if (*page > 1 && list.items.empty()) return NotFound(request);

  auto view = LayoutView(site, strings_, language, section->name, store_.Catalog().ListSections(language), section->slug);
  view["kind"] = strings_.For(language).at("section");
  view["heading"] = section->name;
  view["has_items"] = !list.items.empty();
  view["items"] = Summaries(site, list.items);
  if (auto pagination = PaginationView(strings_, language, SectionPath(language, section->slug), *page, list.total, site.page_size))
    view["pagination"] = std::move(*pagination);
  return http::Html(200, templates_.RenderPage("list", view));
}

http::Response PublicSite::Tag(const http::Request& request, news::Language language, std::string_view slug) const {
  const auto tag = store_.Catalog().FindTag(language, slug);
  const auto page = PageNumber(request);
  if (!tag || !page) return NotFound(request);
  const auto site = EffectiveSettings(defaults_, store_.Settings());
  const auto list = store_.Articles().ListPublished(
      {.language = language, .tag_slug = tag->slug, .page = *page, .page_size = site.page_size});
  if (list.items.empty()) return NotFound(request);  // A tag with nothing published is no page.

  auto view = LayoutView(site, strings_, language, tag->name, store_.Catalog().ListSections(language), "");
  view["kind"] = strings_.For(language).at("tag");
  view["heading"] = tag->name;
  view["has_items"] = true;
  view["items"] = Summaries(site, list.items);
  if (auto pagination = PaginationView(strings_, language, TagPath(language, tag->slug), *page, list.total, site.page_size))
    view["pagination"] = std::move(*pagination);
  return http::Html(200, templates_.RenderPage("list", view));
}

http::Response PublicSite::Article(const http::Request& request, news::Language language,
                                   std::string_view section_slug, std::string_view slug) const {
  const auto article = store_.Articles().FindPublished(language, slug);
  if (!article) return NotFound(request);
  // An article that moved section keeps its old links working.
  if (article->section.slug != section_slug)
    return http::Redirect(news::ArticlePath(language, article->section.slug, article->slug), 301);

  const auto site = EffectiveSettings(defaults_, store_.Settings());
  auto view = LayoutView(site, strings_, language, article->headline, store_.Catalog().ListSections(language),
                         article->section.slug);
  Merge(view, boost::json::object{
                  {"headline", article->headline},
                  {"description", article->standfirst},
                  {"standfirst", article->standfirst},
                  {"dateline", article->dateline},
                  {"byline", article->byline},
                  {"source", article->source},
                  {"section_name", article->section.name},
                  {"section_url", SectionPath(language, article->section.slug)},
                  {"body_html", render::MarkdownToHtml(article->body_markdown)},
                  {"canonical", site.base_url + news::ArticlePath(language, article->section.slug, article->slug)},
              });
  AddTime(view, site, language, article->published_at);

  boost::json::array tags;
  for (const auto& tag : article->tags)
    tags.push_back(boost::json::object{{"name", tag.name}, {"url", TagPath(language, tag.slug)}});
  view["has_tags"] = !tags.empty();
  view["tags"] = std::move(tags);

  const auto related = store_.Articles().Related(*article, site.related_count);
  view["has_related"] = !related.empty();
  view["related"] = Summaries(site, related);
  return http::Html(200, templates_.RenderPage("article", view));
}

http::Response PublicSite::NotFound(const http::Request& request) const {
  const auto language = request.path.starts_with("/ar/") || request.path == "/ar" ? news::Language::kArabic
                                                                                   : news::Language::kEnglish;
  const auto site = EffectiveSettings(defaults_, store_.Settings());
  auto view = LayoutView(site, strings_, language, std::string(strings_.For(language).at("not_found_heading").as_string()),
                         store_.Catalog().ListSections(language), "");
  return http::Html(404, templates_.RenderPage("not_found", view));
}

}  // namespace gazette::site
