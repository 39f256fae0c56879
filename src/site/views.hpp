#pragma once
// View models: the JSON-shaped data that the templates render. Pure functions of their input.
#include <boost/json/object.hpp>

#include <optional>
#include <string_view>

#include "news/article.hpp"
#include "render/ui_strings.hpp"
#include "site/site_settings.hpp"

namespace gazette::site {

// "/en/", "/en/middle-east/", "/en/tag/iran/" (non-ASCII percent-encoded).
std::string EditionPath(news::Language language);
std::string SectionPath(news::Language language, std::string_view slug);
std::string TagPath(news::Language language, std::string_view slug);

// What every page shares: language and direction, site name, editions, section navigation,
// footer lines and the interface strings ("t"). Editions link to each edition's home page.
boost::json::object LayoutView(const SiteSettings& site, const render::UiStrings& strings,
                               news::Language language, std::string_view page_title,
                               const std::vector<news::Section>& sections,
                               std::string_view current_section_slug);

// A story in a list: headline, link, standfirst and its timestamp in the site's format.
boost::json::object SummaryView(const SiteSettings& site, const news::ArticleSummary& summary);

// {time_iso, time_text} for a time, or nothing for an unpublished one.
void AddTime(boost::json::object& view, const SiteSettings& site, news::Language language,
             const std::optional<news::TimePoint>& time);

// "Newer"/"Older" links for page `page` of `total` items; nothing when one page holds them all.
std::optional<boost::json::object> PaginationView(const render::UiStrings& strings, news::Language language,
                                                  std::string_view base_path, int page, long long total,
                                                  int page_size);

}  // namespace gazette::site
