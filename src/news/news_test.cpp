#include <gtest/gtest.h>

#include "news/article.hpp"
#include "news/changes.hpp"
#include "news/content_hash.hpp"
#include "news/slug.hpp"
#include "news/timestamp.hpp"
#include "news/utf8.hpp"

namespace gazette::news {
namespace {

using namespace std::chrono;

TEST(SlugTest, MakesSlugsFromHeadlines) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"Iran, Russia and Syria defence ministers hold talks in Tehran",
       "iran-russia-and-syria-defence-ministers-hold-talks-in-tehran"},
      {"UN 'regrets' deaths in Iran, calls for respect", "un-regrets-deaths-in-iran-calls-for-respect"},
      {"  Assad's   position  ", "assads-position"},
      {"Middle East", "middle-east"},
      {"الشرق الأوسط", "الشرق-الأوسط"},
      {"مُحَمَّد ـ الرياض", "محمد-الرياض"},
      {"!!!", ""},
      {"\xff\xfe bad", "bad"},
  };
  for (const auto& [text, expected] : cases) EXPECT_EQ(MakeSlug(text), expected) << text;
}

TEST(SlugTest, CutsLongSlugsAtAWordBoundary) {
  EXPECT_EQ(MakeSlug("alpha beta gamma", 12), "alpha-beta");
  EXPECT_LE(MakeSlug(std::string(500, 'a')).size(), 80u);
}

TEST(SlugTest, RejectsPathTricks) {
  EXPECT_TRUE(IsValidSlug("middle-east"));
  EXPECT_FALSE(IsValidSlug(""));
  EXPECT_FALSE(IsValidSlug("a/b"));
  EXPECT_FALSE(IsValidSlug(".."));
  EXPECT_FALSE(IsValidSlug("\xc3"));
}

TEST(TimestampTest, FormatsTheSeedSitesTimestamps) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"2018-11-06T15:01:00Z", "GMT 15:01 2018 Tuesday ,06 November"},
      {"2018-01-13T11:59:00Z", "GMT 11:59 2018 Saturday ,13 January"},
      {"2018-01-04T07:51:00Z", "GMT 07:51 2018 Thursday ,04 January"},
      {"2018-01-03T10:54:00Z", "GMT 10:54 2018 Wednesday ,03 January"},
      {"2017-09-20T14:08:00Z", "GMT 14:08 2017 Wednesday ,20 September"},
  };
  for (const auto& [iso, shown] : cases) {
    auto time = ParseIso8601(iso);
    ASSERT_TRUE(time) << iso;
    EXPECT_EQ(FormatTimestamp(*time, kDefaultTimestampFormat, Language::kEnglish), shown);
    EXPECT_EQ(FormatIso8601(*time), iso);
  }
}

TEST(TimestampTest, UsesArabicNamesInTheArabicEdition) {
  auto time = ParseIso8601("2018-11-06T15:01:00Z");
  EXPECT_EQ(FormatTimestamp(*time, kDefaultTimestampFormat, Language::kArabic),
            "GMT 15:01 2018 الثلاثاء ,06 نوفمبر");
}

TEST(TimestampTest, ParsesTheFormsTheDataUses) {
  EXPECT_EQ(FormatIso8601(*ParseIso8601("2015-08-08 06:30:06")), "2015-08-08T06:30:06Z");
  EXPECT_EQ(FormatIso8601(*ParseIso8601("2018-11-06T17:01:00+02:00")), "2018-11-06T15:01:00Z");
  EXPECT_EQ(FormatIso8601(*ParseIso8601("2018-11-06T15:01:00.123Z")), "2018-11-06T15:01:00Z");
  EXPECT_EQ(FormatIso8601(*ParseIso8601("2018-11-06")), "2018-11-06T00:00:00Z");
  for (std::string_view bad : {"", "2018", "2018-13-01", "2018-02-30", "2018-11-06T25:00:00Z",
                               "2018-11-06X15:01:00Z", "2018-11-06T15:01:00+2"})
    EXPECT_FALSE(ParseIso8601(bad)) << bad;
}

TEST(TimestampTest, ValidatesPatterns) {
  EXPECT_TRUE(IsValidTimestampPattern(kDefaultTimestampFormat));
  EXPECT_TRUE(IsValidTimestampPattern("100%% %Y"));
  EXPECT_FALSE(IsValidTimestampPattern("%Q"));
  EXPECT_FALSE(IsValidTimestampPattern("trailing %"));
}

TEST(Utf8Test, FindsAndRepairsLatin1Bytes) {
  const std::string pound = "cost \xa3" "5";  // The byte in BBC sport/199.txt.
  EXPECT_EQ(FirstInvalidUtf8(pound), 5u);
  EXPECT_EQ(RepairAsLatin1(pound), "cost £5");
  EXPECT_TRUE(IsValidUtf8("مرحبا"));
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));  // A surrogate.
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));      // An overlong '/'.
}

TEST(ArticlePathTest, EncodesArabicSlugs) {
  EXPECT_EQ(ArticlePath(Language::kEnglish, "middle-east", "talks"), "/en/middle-east/talks");
  EXPECT_EQ(ArticlePath(Language::kArabic, "sports", "هلال"), "/ar/sports/%D9%87%D9%84%D8%A7%D9%84");
}

}  // namespace
}  // namespace gazette::news

namespace gazette::news {
namespace {
TEST(ContentHashTest, IsStableAndDistinguishes) {
  EXPECT_EQ(ContentHash("abc"), ContentHash("abc"));
  EXPECT_NE(ContentHash("abc"), ContentHash("abd"));
  EXPECT_EQ(ContentHash("").size(), 32u);
  // BLAKE2b-128 of "abc": pinned so a change of algorithm cannot pass unnoticed.
  EXPECT_EQ(ContentHash("abc"), "cf4ab791c62b8d2b2109c90275287816");
}
}  // namespace
}  // namespace gazette::news

namespace gazette::news {
namespace {
TEST(CacheTagTest, NamesWhatChanged) {
  EXPECT_EQ(ArticleCacheTag(42), "article:42");
  EXPECT_EQ(EditionCacheTag(Language::kArabic), "edition:ar");
  EXPECT_EQ(SectionCacheTag(Language::kEnglish, "middle-east"), "section:en/middle-east");
  EXPECT_EQ(TagCacheTag(Language::kEnglish, "iran"), "tag:en/iran");
}

TEST(CacheTagTest, AnArticleTouchesItsEditionSectionAndTags) {
  Article article;
  article.id = 7;
  article.language = Language::kArabic;
  article.section.slug = "sports";
  article.tags = {{1, Language::kArabic, "hilal", "الهلال"}};
  EXPECT_EQ(CacheTagsOf(article),
            (std::vector<std::string>{"article:7", "edition:ar", "section:ar/sports", "tag:ar/hilal"}));
}
}  // namespace
}  // namespace gazette::news
