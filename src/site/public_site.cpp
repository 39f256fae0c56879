#include "site/public_site.hpp"

#include <algorithm>
#include <charconv>

#include "news/changes.hpp"
#include "render/markdown.hpp"
#include "site/security_headers.hpp"
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

// Cache tags (news/changes.hpp) for every article a page lists.
void TagArticles(http::Response& response, const std::vector<news::ArticleSummary>& items) {
  for (const auto& item : items) response.cache_tags.push_back(news::ArticleCacheTag(item.id));
}

// A 200 page tagged with what it shows: `tags`, and "site" for the layout every page has.
http::Response TaggedPage(std::string html, std::vector<std::string> tags) {
  auto response = http::Html(200, std::move(html));
  response.cache_tags = std::move(tags);
  response.cache_tags.emplace_back(news::kSiteCacheTag);
  return response;
}

void Merge(boost::json::object& into, boost::json::object from) {
  for (auto& [key, value] : from) into[key] = std::move(value);
}

}  // namespace

void PublicSite::Register(http::Router& router, const PageWrapper& wrap_page) const {
  using http::Method;
  // Security headers go on before the cache wrapper stores a page, so its hits carry them.
  auto wrap = [&wrap_page](http::Handler handler) {
    handler = WithSecurityHeaders(std::move(handler));
    return wrap_page ? wrap_page(std::move(handler)) : handler;
  };
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
  router.Add(Method::kGet, "/{lang}/", wrap(in_edition([this](const http::Request& r, news::Language l, const http::PathParams&) {
    return Home(r, l);
  })));
  router.Add(Method::kGet, "/{lang}/tag/{tag}/", wrap(in_edition([this](const http::Request& r, news::Language l, const http::PathParams& p) {
    return Tag(r, l, p.at("tag"));
  })));
  router.Add(Method::kGet, "/{lang}/{section}/", wrap(in_edition([this](const http::Request& r, news::Language l, const http::PathParams& p) {
    return Section(r, l, p.at("section"));
  })));
  router.Add(Method::kGet, "/{lang}/{section}/{slug}", wrap(in_edition([this](const http::Request& r, news::Language l, const http::PathParams& p) {
    return Article(r, l, p.at("section"), p.at("slug"));
  })));
  // Never through the page wrapper: the answer depends on the form, not only on the path.
  router.Add(Method::kPost, "/{lang}/{section}/{slug}/comments", WithSecurityHeaders(in_edition([this](const http::Request& r, news::Language l, const http::PathParams& p) {
    return PostComment(r, l, p.at("section"), p.at("slug"));
  })));
  router.SetNotFound(WithSecurityHeaders([this](const http::Request& r, const http::PathParams&) { return NotFound(r); }));
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
    auto response = TaggedPage(templates_.RenderPage("list", view), {news::EditionCacheTag(language)});
    TagArticles(response, list.items);
    return response;
  }

  const auto front = articles.ListPublished({.language = language, .page_size = 1 + site.home_latest});
  if (!front.items.empty()) view["lead"] = SummaryView(site, front.items.front());
  boost::json::array latest;
  for (std::size_t i = 1; i < front.items.size(); ++i) latest.push_back(SummaryView(site, front.items[i]));
  view["has_latest"] = !latest.empty();
  view["latest"] = std::move(latest);

  std::vector<std::string> tags{news::EditionCacheTag(language)};
  for (const auto& item : front.items) tags.push_back(news::ArticleCacheTag(item.id));
  boost::json::array blocks;
  const std::string more_template(strings_.For(language).at("more_in").as_string());
  for (const auto& section : sections) {
    // A block shows no paging: counting each section would be wasted.
    const auto items = articles.ListPublished(
        {.language = language, .section_slug = section.slug, .page_size = site.home_block_size, .with_total = false});
    for (const auto& item : items.items) tags.push_back(news::ArticleCacheTag(item.id));
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
  return TaggedPage(templates_.RenderPage("home", view), std::move(tags));
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
  auto response = TaggedPage(templates_.RenderPage("list", view), {news::SectionCacheTag(language, section->slug)});
  TagArticles(response, list.items);
  return response;
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
  auto response = TaggedPage(templates_.RenderPage("list", view), {news::TagCacheTag(language, tag->slug)});
  TagArticles(response, list.items);
  return response;
}

http::Response PublicSite::Article(const http::Request& request, news::Language language,
                                   std::string_view section_slug, std::string_view slug,
                                   const CommentFormState* comment_form) const {
  const auto article = store_.Articles().FindPublished(language, slug);
  if (!article) return NotFound(request);
  // An article that moved section keeps its old links working.
  if (article->section.slug != section_slug)
    return http::Redirect(news::ArticlePath(language, article->section.slug, article->slug), 301);
  // ?page=N pages the comments; the rest of the page is the same on every one.
  const auto page = PageNumber(request);
  if (!page || (*page > 1 && !comments_)) return NotFound(request);

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
  // Dated corrections and updates from the newsroom (docs/newsroom.md): they change only with
  // the article, whose tag this page carries.
  boost::json::array notes;
  for (const auto& note : store_.Stories().Notes(article->id)) {
    boost::json::object item{{"kind", note.kind}, {"label", strings_.For(language).at("note_" + note.kind)}, {"text", note.text}};
    AddTime(item, site, language, note.created_at);
    notes.push_back(std::move(item));
  }
  view["has_notes"] = !notes.empty();
  view["notes"] = std::move(notes);
  if (comments_) {
    auto& comment_store = store_.Comments();
    const int page_size = comments_->Settings().page_size;
    const long long total = comment_store.CountApproved(article->id);
    // Oldest first, as the conversation reads, so page 1 is the oldest comments: a page keeps
    // its comments as new ones arrive (links to it stay true), and the last page has the newest.
    const long long pages = std::max<long long>(1, (total + page_size - 1) / page_size);
    if (*page > pages) return NotFound(request);  // As list pages do past their last page.
    const std::string path = news::ArticlePath(language, article->section.slug, article->slug);
    const bool open = comment_store.CommentsOpen(article->id);
    AddCommentSection(view, site, strings_, language,
                      {.article_id = article->id,
                       .action = path + "/comments",
                       .page_path = path,
                       .approved = comment_store.ListApproved(
                           article->id, {.offset = (*page - 1) * static_cast<long long>(page_size), .limit = page_size}),
                       .total = total,
                       .page = *page,
                       .page_size = page_size,
                       .open = open,
                       .token = open ? comments_->IssueToken(article->id) : std::string(),
                       .max_length = comments_->Settings().max_length,
                       .form = comment_form});
  }
  // The related list comes from the article's tags: a change under any of them may change it.
  std::vector<std::string> cache_tags{news::ArticleCacheTag(article->id)};
  for (const auto& tag : article->tags) cache_tags.push_back(news::TagCacheTag(language, tag.slug));
  auto response = TaggedPage(templates_.RenderPage("article", view), std::move(cache_tags));
  TagArticles(response, related);
  return response;
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
