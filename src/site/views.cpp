#include "site/views.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/rfc/pchars.hpp>
#include <fmt/format.h>

#include "news/timestamp.hpp"

namespace gazette::site {
namespace {

std::string Encode(std::string_view segment) { return boost::urls::encode(segment, boost::urls::pchars); }

std::string Replace(std::string text, std::string_view name, std::string_view value) {
  if (auto at = text.find(name); at != std::string::npos) text.replace(at, name.size(), value);
  return text;
}

std::string Text(const render::UiStrings& strings, news::Language language, std::string_view key) {
  const auto& table = strings.For(language);
  auto it = table.find(key);
  return it == table.end() ? std::string(key) : std::string(it->value().as_string());
}

}  // namespace

std::string EditionPath(news::Language language) { return fmt::format("/{}/", news::LanguageCode(language)); }

std::string SectionPath(news::Language language, std::string_view slug) {
  return fmt::format("/{}/{}/", news::LanguageCode(language), Encode(slug));
}

std::string TagPath(news::Language language, std::string_view slug) {
  return fmt::format("/{}/tag/{}/", news::LanguageCode(language), Encode(slug));
}

boost::json::object LayoutView(const SiteSettings& site, const render::UiStrings& strings,
                               news::Language language, std::string_view page_title,
                               const std::vector<news::Section>& sections,
                               std::string_view current_section_slug) {
  boost::json::object view;
  view["lang"] = news::LanguageCode(language);
  view["dir"] = news::IsRightToLeft(language) ? "rtl" : "ltr";
  view["site_name"] = site.name;
  view["page_title"] = page_title.empty() ? site.name : fmt::format("{} | {}", page_title, site.name);
  view["home_url"] = EditionPath(language);
  view["stylesheet"] = "/static/site.css";
  view["t"] = strings.For(language);

  boost::json::array editions;
  for (auto edition : site.languages)
    editions.push_back(boost::json::object{{"url", EditionPath(edition)},
                                           {"lang", news::LanguageCode(edition)},
                                           {"name", Text(strings, edition, "edition_name")},
                                           {"current", edition == language}});
  view["editions"] = std::move(editions);

  boost::json::array nav;
  for (const auto& section : sections)
    nav.push_back(boost::json::object{{"url", SectionPath(language, section.slug)},
                                      {"name", section.name},
                                      {"current", section.slug == current_section_slug}});
  view["has_sections"] = !nav.empty();
  view["nav_sections"] = std::move(nav);

  boost::json::array footer;
  for (const auto& line : site.footer_lines) footer.push_back(boost::json::string(line));
  view["footer_lines"] = std::move(footer);
  return view;
}

void AddTime(boost::json::object& view, const SiteSettings& site, news::Language language,
             const std::optional<news::TimePoint>& time) {
  if (!time) return;
  view["time_iso"] = news::FormatIso8601(*time);
  view["time_text"] = news::FormatTimestamp(*time, site.timestamp_format, language);
}

boost::json::object SummaryView(const SiteSettings& site, const news::ArticleSummary& summary) {
  boost::json::object view{
      {"headline", summary.headline},
      {"url", news::ArticlePath(summary.language, summary.section_slug, summary.slug)},
      {"standfirst", summary.standfirst},
      {"section_name", summary.section_name},
      {"section_url", SectionPath(summary.language, summary.section_slug)},
  };
  AddTime(view, site, summary.language, summary.published_at);
  return view;
}

std::optional<boost::json::object> PaginationView(const render::UiStrings& strings, news::Language language,
                                                  std::string_view base_path, int page, long long total,
                                                  int page_size) {
  const long long pages = std::max<long long>(1, (total + page_size - 1) / page_size);
  if (pages <= 1) return std::nullopt;
  boost::json::object view;
  if (page > 1) view["prev_url"] = page == 2 ? std::string(base_path) : fmt::format("{}?page={}", base_path, page - 1);
  if (page < pages) view["next_url"] = fmt::format("{}?page={}", base_path, page + 1);
  view["page_text"] = Replace(Replace(Text(strings, language, "page_of"), "{page}", std::to_string(page)),
                              "{pages}", std::to_string(pages));
  return view;
}

}  // namespace gazette::site
