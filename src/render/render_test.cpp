#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "news/error.hpp"
#include "render/assets.hpp"
#include "render/markdown.hpp"
#include "render/templates.hpp"
#include "render/ui_strings.hpp"

namespace gazette::render {
namespace {

TEST(MarkdownTest, RendersParagraphsAndEscapesText) {
  EXPECT_EQ(MarkdownToHtml("First.\n\nSecond \"quoted\" & <b>x</b>."),
            "<p>First.</p>\n<p>Second &quot;quoted&quot; &amp; <!-- raw HTML omitted -->x<!-- raw HTML omitted -->.</p>\n");
}

TEST(MarkdownTest, DropsScriptAndDangerousLinks) {
  const std::string html = MarkdownToHtml(
      "<script>alert(1)</script>\n\n[click](javascript:alert(1)) <img src=x onerror=alert(1)>");
  EXPECT_EQ(html.find("<script"), std::string::npos) << html;
  EXPECT_EQ(html.find("javascript:"), std::string::npos) << html;
  EXPECT_EQ(html.find("<img"), std::string::npos) << html;
}

TEST(MarkdownTest, KeepsArabicText) {
  EXPECT_EQ(MarkdownToHtml("قال وزير الدفاع."), "<p>قال وزير الدفاع.</p>\n");
}

TEST(TemplatesTest, RendersAPageInsideTheLayoutAndEscapes) {
  Templates templates(EmbeddedAssets());
  boost::json::object view{{"lang", "en"}, {"dir", "ltr"}, {"page_title", "<T>"},
                           {"footer_lines", boost::json::array{"Line one", "A & B"}},
                           {"t", boost::json::object{{"not_found_heading", "Page not found"}}}};
  const std::string html = templates.RenderPage("not_found", view);
  EXPECT_NE(html.find("<html lang=\"en\" dir=\"ltr\">"), std::string::npos);
  EXPECT_NE(html.find("<title>&lt;T&gt;</title>"), std::string::npos);
  EXPECT_NE(html.find("<h1>Page not found</h1>"), std::string::npos);
  EXPECT_NE(html.find("<p dir=\"auto\">A &amp; B</p>"), std::string::npos);
  EXPECT_THROW(templates.RenderPage("no-such-page", view), Error);
}

TEST(TemplatesTest, TreatsEmptyStringsAsFalse) {
  std::map<std::string_view, std::string_view> assets{
      {"templates/layout.mustache", "{{{content}}}"},
      {"templates/page.mustache", "[{{#a}}<p>{{a}}</p>{{/a}}{{^a}}none{{/a}}]"}};
  Templates templates(assets);
  EXPECT_EQ(templates.RenderPage("page", {{"a", ""}}), "[none]");
  EXPECT_EQ(templates.RenderPage("page", {{"a", "x"}}), "[<p>x</p>]");
}

TEST(TemplatesTest, RefusesABrokenTemplate) {
  std::map<std::string_view, std::string_view> assets{
      {"templates/layout.mustache", "{{{content}}}"}, {"templates/bad.mustache", "{{#open}} never closed"}};
  try {
    Templates templates(assets);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("templates/bad.mustache"), std::string::npos) << e.what();
  }
}

TEST(UiStringsTest, HasBothEditions) {
  UiStrings strings(EmbeddedAssets());
  EXPECT_EQ(strings.For(news::Language::kEnglish).at("source").as_string(), "Source");
  EXPECT_EQ(strings.For(news::Language::kArabic).at("source").as_string(), "المصدر");
}

TEST(UiStringsTest, RefusesAnArabicFileMissingKeys) {
  std::map<std::string_view, std::string_view> assets{{"i18n/en.toml", "a = \"A\"\nb = \"B\""},
                                                      {"i18n/ar.toml", "a = \"أ\""}};
  EXPECT_THROW(UiStrings strings(assets), Error);
}

}  // namespace
}  // namespace gazette::render
