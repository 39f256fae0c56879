// Times, text extraction and double-encoding repair.
#include <gtest/gtest.h>

#include "ingest/formats/text.hpp"
#include "ingest/formats/wire_time.hpp"
#include "news/timestamp.hpp"

namespace gazette::ingest::formats {
namespace {

TEST(WireTimeTest, ReadsTheFormatsWiresUse) {
  const struct {
    std::string_view text;
    std::string_view utc;
  } cases[] = {
      {"2018-10-21T16:25:32-05:00", "2018-10-21T21:25:32Z"},
      {"2018-10-23T12:00:00Z", "2018-10-23T12:00:00Z"},
      {"2021-05-16T09:00:04", "2021-05-16T09:00:04Z"},
      {"2019-11-15T13:39:59.123Z", "2019-11-15T13:39:59Z"},
      {"2018-11-06", "2018-11-06T00:00:00Z"},
      {"20210516T080625+0000", "2021-05-16T08:06:25Z"},
      {"20151210T191044Z", "2015-12-10T19:10:44Z"},
      {"20131020T192751+1100", "2013-10-20T08:27:51Z"},
      {"20210516T090004", "2021-05-16T09:00:04Z"},
      {"Sat, 07 Jan 2017 15:21:42 GMT", "2017-01-07T15:21:42Z"},
      {"Mon, 23 Jan 2017 16:45:02 +0000", "2017-01-23T16:45:02Z"},
      {"Sun, 17 Dec 2023 00:58:40 -0500", "2017-12-17T05:58:40Z"},
      {"Sat, Dec 16 2023 02:02:33 PM", "2023-12-16T14:02:33Z"},
      {"7 Jan 2017 15:21 EST", "2017-01-07T20:21:00Z"},
  };
  for (const auto& c : cases) {
    const auto time = ParseWireTime(c.text);
    ASSERT_TRUE(time.has_value()) << c.text;
    if (c.text.starts_with("Sun, 17 Dec 2023")) {
      EXPECT_EQ(news::FormatIso8601(*time), "2023-12-17T05:58:40Z");
    } else {
      EXPECT_EQ(news::FormatIso8601(*time), c.utc) << c.text;
    }
  }
}

TEST(WireTimeTest, RejectsWhatIsNoTime) {
  for (std::string_view text : {"", "yesterday", "2021-13-01", "2021-02-30T10:00:00Z",
                                "20210516T25", "Sat, 32 Jan 2017", "2018-10-21T16:25:32 junk"}) {
    EXPECT_FALSE(ParseWireTime(text).has_value()) << text;
  }
}

TEST(TextTest, HtmlParagraphsFollowBlocksAndDecodeEntities) {
  const auto paragraphs = HtmlParagraphs(
      "<p>One &amp; <b>two</b></p><p>Caf&eacute; &#8211; &#x2019;q&rsquo;<br>next"
      "<script>alert(1)</script></p><!-- note --><ul><li>item</li></ul>stray < sign");
  ASSERT_EQ(paragraphs.size(), 5u);
  EXPECT_EQ(paragraphs[0], "One & two");
  EXPECT_EQ(paragraphs[1], "Café – ’q’");
  EXPECT_EQ(paragraphs[2], "next");
  EXPECT_EQ(paragraphs[3], "item");
  EXPECT_EQ(paragraphs[4], "stray < sign");
}

TEST(TextTest, UnclosedTagsAndCommentsEndTheText) {
  EXPECT_TRUE(HtmlParagraphs("<p class=\"x").empty());
  EXPECT_TRUE(HtmlParagraphs("<!-- never closed").empty());
  EXPECT_EQ(HtmlLine("a<script>b"), "a");
}

TEST(TextTest, RepairsDoubleEncodedUtf8) {
  const struct {
    std::string in;
    std::string out;
  } cases[] = {
      {"CafÃ©", "Café"},
      {"Obamaâ€™s presidency", "Obama’s presidency"},
      {"KÃ¤ltewelle fÃ¼r FlÃ¼chtlinge", "Kältewelle für Flüchtlinge"},
      // с is D1 81; 0x81 has no Windows-1252 character and survives as U+0081.
      {"ÐœÐ¾Ñ\u0081ÐºÐ²Ð°", "Москва"},
      {"Piratage imputÃ© Ã la Russie", "Piratage imputé à la Russie"},
      // Correct text mixed in stays as it is.
      {"déjà vu, CafÃ©", "déjà vu, Café"},
  };
  for (const auto& c : cases) {
    std::string text = c.in;
    EXPECT_TRUE(RepairDoubleEncoding(text)) << c.in;
    EXPECT_EQ(text, c.out);
  }
}

TEST(TextTest, LeavesCorrectTextAlone) {
  for (std::string text : {"Café", "Москва", "東京", "plain", "Ã alone", "Â« quoted Â"}) {
    const std::string before = text;
    RepairDoubleEncoding(text);
    if (before == "Â« quoted Â") {
      EXPECT_EQ(text, "« quoted Â");  // Â« is the double encoding of «.
    } else {
      EXPECT_EQ(text, before);
    }
  }
}

TEST(TextTest, CollapsesSpacesAndDropsControls) {
  EXPECT_EQ(CollapseSpaces("  a\t\n b\x01 \xEF\xBB\xBF" "c  "), "a b c");
}

}  // namespace
}  // namespace gazette::ingest::formats
