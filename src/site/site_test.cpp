// The site's pure parts: view models, paths, pagination and the settings overlay. Pages as a
// whole are tested over HTTP in tests/integration/.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "news/timestamp.hpp"
#include "render/assets.hpp"
#include "site/comment_section.hpp"
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

// An article page shows one page of its comments, the total in the heading, and links to the
// other pages that land on the comments.
TEST(CommentSectionTest, ShowsOnePageOfCommentsWithTheTotalAndLinks) {
  const render::UiStrings strings(render::EmbeddedAssets());
  const SiteSettings site;
  std::vector<store::Comment> shown;
  for (int i = 4; i <= 6; ++i)
    shown.push_back({.id = i, .name = "N", .body = "c" + std::to_string(i), .status = store::CommentStatus::kApproved,
                     .created_at = *news::ParseIso8601("2020-01-01T00:00:00Z")});
  const struct {
    Language language;
    int page;
    long long total;
    const char* count_text;
    const char* prev_url;  // nullptr: no link.
    const char* next_url;
    const char* page_text;  // nullptr: no pagination at all.
  } cases[] = {
      {Language::kEnglish, 2, 7, "Comments (7)", "/en/world/talks#comments", "/en/world/talks?page=3#comments",
       "Page 2 of 3"},
      {Language::kEnglish, 1, 7, "Comments (7)", nullptr, "/en/world/talks?page=2#comments", "Page 1 of 3"},
      {Language::kEnglish, 3, 7, "Comments (7)", "/en/world/talks?page=2#comments", nullptr, "Page 3 of 3"},
      {Language::kArabic, 1, 4, "التعليقات (4)", nullptr, "/en/world/talks?page=2#comments", "الصفحة 1 من 2"},
      {Language::kEnglish, 1, 3, "Comments (3)", nullptr, nullptr, nullptr},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.page_text ? c.page_text : "one page");
    boost::json::object view;
    AddCommentSection(view, site, strings, c.language,
                      {.article_id = 1, .action = "/en/world/talks/comments", .page_path = "/en/world/talks",
                       .approved = shown, .total = c.total, .page = c.page, .page_size = 3, .open = false});
    const auto& section = view.at("comments").as_object();
    EXPECT_EQ(section.at("count").as_int64(), c.total) << "the count is the total, not the page's";
    EXPECT_EQ(section.at("count_text").as_string(), c.count_text);
    EXPECT_EQ(section.at("items").as_array().size(), 3u);
    if (!c.page_text) {
      EXPECT_FALSE(section.contains("pagination"));
      continue;
    }
    ASSERT_TRUE(section.contains("pagination"));
    const auto& pagination = section.at("pagination").as_object();
    EXPECT_EQ(pagination.at("page_text").as_string(), c.page_text);
    EXPECT_EQ(pagination.contains("prev_url"), c.prev_url != nullptr);
    if (c.prev_url) {
      EXPECT_EQ(pagination.at("prev_url").as_string(), c.prev_url);
    }
    EXPECT_EQ(pagination.contains("next_url"), c.next_url != nullptr);
    if (c.next_url) {
      EXPECT_EQ(pagination.at("next_url").as_string(), c.next_url);
    }
  }
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
