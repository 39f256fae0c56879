// The site's pure parts: view models, paths, pagination and the settings overlay. Pages as a
// whole are tested over HTTP in tests/integration/.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "news/timestamp.hpp"
#include "render/assets.hpp"
#include "site/site_settings.hpp"
#include "site/views.hpp"

namespace gazette::site {
namespace {

using news::Language;

class MapSettings final : public store::SettingsStore {
 public:
  std::optional<std::string> Get(std::string_view key) override {
    auto it = values.find(std::string(key));
    return it == values.end() ? std::nullopt : std::optional(it->second);
  }
  void Set(std::string_view key, std::string_view value) override { values[std::string(key)] = value; }
  std::map<std::string, std::string> All() override { return values; }
  std::map<std::string, std::string> values;
};

TEST(SitePathsTest, EncodeSlugsOfEveryScript) {
  EXPECT_EQ(EditionPath(Language::kArabic), "/ar/");
  EXPECT_EQ(SectionPath(Language::kEnglish, "middle-east"), "/en/middle-east/");
  EXPECT_EQ(TagPath(Language::kArabic, "الهلال"), "/ar/tag/%D8%A7%D9%84%D9%87%D9%84%D8%A7%D9%84/");
}

TEST(SummaryViewTest, ShowsTheTimestampInTheSiteFormatAndLanguage) {
  SiteSettings site;
  news::ArticleSummary summary{.id = 1, .language = Language::kArabic, .slug = "خبر", .headline = "عنوان",
                               .section_slug = "sports", .section_name = "رياضة",
                               .published_at = news::ParseIso8601("2018-11-06T15:01:00Z")};
  const auto view = SummaryView(site, summary);
  EXPECT_EQ(view.at("url").as_string(), "/ar/sports/%D8%AE%D8%A8%D8%B1");
  EXPECT_EQ(view.at("time_iso").as_string(), "2018-11-06T15:01:00Z");
  EXPECT_EQ(view.at("time_text").as_string(), "GMT 15:01 2018 الثلاثاء ,06 نوفمبر");
  EXPECT_EQ(view.at("section_url").as_string(), "/ar/sports/");
}

TEST(PaginationViewTest, LinksNewerAndOlderPages) {
  const render::UiStrings strings(render::EmbeddedAssets());
  EXPECT_FALSE(PaginationView(strings, Language::kEnglish, "/en/world/", 1, 20, 20)) << "one page needs no links";
  const auto first = PaginationView(strings, Language::kEnglish, "/en/world/", 1, 45, 20);
  ASSERT_TRUE(first);
  EXPECT_FALSE(first->contains("prev_url"));
  EXPECT_EQ(first->at("next_url").as_string(), "/en/world/?page=2");
  EXPECT_EQ(first->at("page_text").as_string(), "Page 1 of 3");
  const auto second = PaginationView(strings, Language::kEnglish, "/en/world/", 2, 45, 20);
  EXPECT_EQ(second->at("prev_url").as_string(), "/en/world/") << "page 1 has one address";
  const auto last = PaginationView(strings, Language::kArabic, "/ar/", 3, 45, 20);
  EXPECT_FALSE(last->contains("next_url"));
  EXPECT_EQ(last->at("page_text").as_string(), "الصفحة 3 من 3");
}

TEST(EffectiveSettingsTest, StoredValuesWinOverConfigButInvalidOnesDoNot) {
  SiteSettings defaults;
  defaults.name = "From config";
  defaults.footer_lines = {"Config footer"};
  MapSettings stored;
  EXPECT_EQ(EffectiveSettings(defaults, stored).name, "From config");

  stored.values[std::string(kSiteNameKey)] = "Arab Today";
  stored.values[std::string(kFooterLinesKey)] = "Line one\nLine two\n";
  stored.values[std::string(kTimestampFormatKey)] = "%Q broken";
  const auto effective = EffectiveSettings(defaults, stored);
  EXPECT_EQ(effective.name, "Arab Today");
  EXPECT_EQ(effective.footer_lines, (std::vector<std::string>{"Line one", "Line two"}));
  EXPECT_EQ(effective.timestamp_format, news::kDefaultTimestampFormat) << "an invalid stored format is ignored";
}

}  // namespace
}  // namespace gazette::site
