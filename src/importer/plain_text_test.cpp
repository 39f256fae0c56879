#include <gtest/gtest.h>

#include "importer/markdown_check.hpp"
#include "importer/plain_text.hpp"

namespace gazette::importer {
namespace {

using testing::RenderedParagraphs;

TEST(PlainParagraphsToMarkdownTest, EscapesMarkdownSyntax) {
  const std::pair<std::string, std::string> cases[] = {
      {"Plain words stay as they are.", "Plain words stay as they are."},
      {"a\\b", "a\\\\b"},
      {"use `code` here", "use \\`code\\` here"},
      {"*bold* and _italic_", "\\*bold\\* and \\_italic\\_"},
      {"[link](http://x)", "\\[link\\](http\\://x)"},
      {"<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"},
      {"AT&T &amp; co", "AT\\&T \\&amp; co"},
      {"~~struck~~", "\\~\\~struck\\~\\~"},
      {"a | b | c", "a \\| b \\| c"},
      {"# not a heading", "\\# not a heading"},
      {"#hashtag", "\\#hashtag"},
      {"+ not a list", "\\+ not a list"},
      {"- Duty cuts on capital goods", "\\- Duty cuts on capital goods"},
      {"= sign", "\\= sign"},
      {"> not a quote", "\\> not a quote"},
      {"1. not a list", "1\\. not a list"},
      {"2004) was a year", "2004\\) was a year"},
      {"In 2004. Then", "In 2004. Then"},
      {"10.5% growth", "10\\.5% growth"},
      {"Sales rose 1. Then - fell + rose # times = ok", "Sales rose 1. Then - fell + rose # times = ok"},
      {"see www.bbc.co.uk/sport", "see www\\.bbc.co.uk/sport"},
      {"see http://news.bbc.co.uk", "see http\\://news.bbc.co.uk"},
      {"   indented   ", "indented"},
      {"\ttabbed", "tabbed"},
      {"two\nlines", "two lines"},
      {"cr\r\nlf", "cr lf"},
      {"قال الوزير: \"النمو ١٠٪\" *", "قال الوزير: \"النمو ١٠٪\" \\*"},
  };
  for (const auto& [text, markdown] : cases) EXPECT_EQ(PlainParagraphsToMarkdown({text}), markdown) << text;
}

TEST(PlainParagraphsToMarkdownTest, JoinsParagraphsWithABlankLineAndSkipsEmptyOnes) {
  EXPECT_EQ(PlainParagraphsToMarkdown({"One.", "", "  ", "Two."}), "One.\n\nTwo.");
  EXPECT_EQ(PlainParagraphsToMarkdown({}), "");
}

// Each of these must come back from cmark-gfm as one paragraph holding exactly its text.
TEST(PlainParagraphsToMarkdownTest, RendersBackToTheSameText) {
  const std::vector<std::string> paragraphs = {
      "Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (£600m).",
      "\"We agree to a guaranteed ceasefire,\" he said, adding \"supporting the army\".",
      "# heading?", "## two", "#", "+", "-", "- item", "* item", "+ item", "1. one", "1) one",
      "123456789. big", "---", "***", "___", "- - -", "===", "> quote", ">", "<div>html</div>",
      "<!-- comment -->", "<http://autolink.example>", "x <b>bold</b> y", "&copy; &amp; &#65; &#x41;",
      "a\\", "\\", "\\\\", "back\\slash\\*", "`", "``code``", "```", "~~~", "~~strike~~", "~one~",
      "*a*", "**b**", "_c_", "__d__", "a*b*c", "snake_case_name", "[x]", "[x]: /url", "![img](a.png)",
      "[^1]", "| a | b |", "|---|---|", "a|b", "www.example.com", "Visit www.bbc.co.uk today",
      "http://example.com/a?b=c", "https://x.y", "ftp://files.example", "mailto:x", "!important",
      "5 * 3 = 15", "2 < 3 > 1", "100% & more", "Tabs\tinside", "double  space", "end with backslash\\",
      "   leading spaces dropped? no: trimmed first", "[[wiki]]", "{curly}", "$math$", "^caret^",
      "- A pressure control system, which adjusts the atmospheric pressure",
      "عين اليوم – متابعات", "قال: «نعم» - ثم # 1. انتهى", "١. رقم عربي", "\xC2\xA0nbsp start",
  };
  for (const auto& paragraph : paragraphs) {
    SCOPED_TRACE(paragraph);
    std::string expected = paragraph;
    if (paragraph.starts_with("   ")) expected = paragraph.substr(3);
    std::vector<std::string> rendered;
    ASSERT_NO_THROW(rendered = RenderedParagraphs(PlainParagraphsToMarkdown({paragraph})));
    ASSERT_EQ(rendered.size(), 1u);
    EXPECT_EQ(rendered[0], expected);
  }
  const auto all = RenderedParagraphs(PlainParagraphsToMarkdown(paragraphs));
  EXPECT_EQ(all.size(), paragraphs.size());
}

TEST(CleanTextTest, DropsControlsAndOuterWhiteSpace) {
  const std::pair<std::string, std::string> cases[] = {
      {"  plain  ", "plain"},
      {"\xC2\xA0 nbsp \xC2\xA0", "nbsp"},
      {"\xEF\xBB\xBFwith bom", "with bom"},
      {"a\tb", "a b"},
      {"bell\x07 and nul", "bell and nul"},
      {std::string("nul\0here", 8), "nulhere"},
      {"c1\xC2\x85 control", "c1 control"},
      {"line\r\nbreaks\rkept\n", "line\nbreaks\nkept"},
      {"bad \xFF byte", "bad \xFF byte"},
  };
  for (const auto& [text, clean] : cases) EXPECT_EQ(CleanText(text), clean) << text;
  EXPECT_EQ(CleanLine(" two\nlines "), "two lines");
}

TEST(ParagraphsFromLinesTest, KeepsNonEmptyLines) {
  EXPECT_EQ(ParagraphsFromLines(" One.\n\n - two\n \xC2\xA0\nthree \n"),
            (std::vector<std::string>{"One.", "- two", "three"}));
  EXPECT_TRUE(ParagraphsFromLines("\n \n").empty());
}

}  // namespace
}  // namespace gazette::importer
