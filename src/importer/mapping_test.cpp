// The pure rules behind the data sets' mapping: sections from URLs, tags from names, BBC dates.
#include <gtest/gtest.h>

#include "importer/bbc_news.hpp"
#include "importer/name_tagger.hpp"
#include "importer/saudi_sections.hpp"
#include "news/timestamp.hpp"

namespace gazette::importer {
namespace {

TEST(SaudiSectionsTest, ReadsSectionsFromUrlPaths) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"http://www.3alyoum.com/sports/a/اتحاد-أميركا-الجنوبية-يدعم-بلاتيني/", "sports"},
      {"http://www.3alyoum.com/news/local/a/صور-فاضحة/", "local"},
      {"http://www.3alyoum.com/news/golobal/a/قتيل-وجرحى/", "world"},
      {"http://www.3alyoum.com/news/pol/a/مظاهرات/", "politics"},
      {"http://www.3alyoum.com/finance/a/النفط-يتراجع/", "economy"},
      {"http://www.3alyoum.com/culture/shots/a/3-5-مليون/", "culture"},
      {"http://www.3alyoum.com/opinion/articles/a/سعيد-الوهابي/", "opinion"},
      {"http://www.3alyoum.com/technology/a/سلاح-كوريا/", "technology"},
      {"http://www.3alyoum.com/news/a/إخماد-حريق/", "news"},
      {"http://www.alwatan.com.sa/Sports/News_Detail.aspx?ArticleID=231356&CategoryID=6", "sports"},
      {"http://www.alwatan.com.sa/Economy/News_Detail.aspx?ArticleID=1", "economy"},
      {"http://www.alwatan.com.sa/Articles/Detail.aspx?ArticleID=27409", "opinion"},
      {"http://www.alwatan.com.sa/Nation/News_Detail.aspx?ArticleID=2", "local"},
      {"http://www.alwatan.com.sa/Citizen_Journalist/News_Detail.aspx?ArticleID=3", "news"},
      {"http://www.al-jazirah.com/2015/20150808/sp13.htm", "sports"},
      {"http://www.al-jazirah.com/2015/20150808/ln41.htm", "local"},
      {"http://www.al-jazirah.com/2015/20150808/du2.htm", "world"},
      {"http://www.al-jazirah.com/2015/20150808/fe12.htm", "news"},
      {"http://www.arriyadiyah.com/node/907236/رياضة-عالمية/رومانيولي", "sports"},
      {"http://www.arriyadiyah.com/node/907236/%D8%B1%D9%8A%D8%A7%D8%B6%D8%A9-%D9%85%D8%AD%D9%84%D9%8A%D8%A9/x", "sports"},
      {"http://www.arriyadiyah.com/node/890111", "sports"},
      {"http://www.arreyadi.com.sa/Home/Details/MTAzNDg=", "sports"},
      {"http://www.alriyadh.com/1071257", "news"},
      {"http://aawsat.com/home/article/424481/زنجبار-محررة", "news"},
      {"http://aawsat.com/home/article/424731/سمير-عطا-الله/رحّالة-الصيف", "opinion"},
      {"http://www.aleqt.com/2015/08/08/article_979874.html", "economy"},
      {"http://sabq.org/8LDgde", "news"},
      {"", "news"},
      {"not a url", "news"},
  };
  for (const auto& [url, slug] : cases) EXPECT_EQ(SaudiSectionFromUrl(url).slug, slug) << url;
  EXPECT_EQ(SaudiSectionFromUrl("http://www.3alyoum.com/sports/a/x/").name, "رياضة");
  EXPECT_EQ(SaudiSectionFromUrl("http://sabq.org/8LDgde").name, "أخبار");
}

TEST(NameTaggerTest, FindsWholeNamesInOrderOfMention) {
  const NameTagger english = EnglishNewsNames();
  using Tags = std::vector<std::string>;
  EXPECT_EQ(english.Tags("Blair and Bush discuss Iraq", 4), (Tags{"Tony Blair", "George W Bush", "Iraq"}));
  EXPECT_EQ(english.Tags("Iraqi vote; Mr Brown's budget", 4), (Tags{"Iraq", "Gordon Brown"}));
  EXPECT_EQ(english.Tags("Let us focus on Irani and Googles", 4), Tags{});
  EXPECT_EQ(english.Tags("Microsoft, Apple, Google, Sony and Nokia", 4),
            (Tags{"Microsoft", "Apple", "Google", "Sony"}));
  EXPECT_EQ(english.Tags("Microsoft's Xbox and Bill Gates", 4), Tags{"Microsoft"});

  const NameTagger arabic = ArabicNewsNames();
  EXPECT_EQ(arabic.Tags("وفد إلى بغداد ثم وبسوريا", 4), (Tags{"العراق", "سوريا"}));
  EXPECT_EQ(arabic.Tags("مساعدات للعراق", 4), Tags{"العراق"});
  EXPECT_EQ(arabic.Tags("الوفد الايراني في الرياض", 4), Tags{"إيران"});
  EXPECT_EQ(arabic.Tags("مصرف جديد", 4), Tags{});
  EXPECT_EQ(arabic.Tags("اشتباكات في عدن مع الحوثيين", 1), Tags{"اليمن"});
}

TEST(BbcPublishedAtTest, SpreadsEachCategoryOverTwoYears) {
  EXPECT_EQ(news::FormatIso8601(BbcPublishedAt("business", 0, 510)), "2004-01-01T08:00:00Z");
  EXPECT_EQ(news::FormatIso8601(BbcPublishedAt("business", 509, 510)), "2005-12-31T08:00:00Z");
  EXPECT_EQ(news::FormatIso8601(BbcPublishedAt("sport", 0, 1)), "2004-01-01T16:00:00Z");
  for (std::size_t i = 1; i < 401; ++i) EXPECT_LT(BbcPublishedAt("tech", i - 1, 401), BbcPublishedAt("tech", i, 401));
  EXPECT_EQ(BbcSectionName("entertainment"), "Entertainment");
}

}  // namespace
}  // namespace gazette::importer
