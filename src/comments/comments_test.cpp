// Unit tests of the pure parts of comments/: tokens, text, rate limit, form parsing.
#include <gtest/gtest.h>
#include <sodium.h>

#include "comments/comment_desk.hpp"
#include "comments/comment_text.hpp"
#include "comments/form_token.hpp"
#include "comments/rate_limiter.hpp"

namespace gazette::comments {
namespace {

news::TimePoint At(long long seconds) { return news::TimePoint{std::chrono::seconds{seconds}}; }

TEST(FormTokensTest, AcceptsItsOwnTokenWithinItsLifetimeOnly) {
  ASSERT_GE(sodium_init(), 0);
  const FormTokens tokens(RandomKey(), std::chrono::seconds(600), std::chrono::seconds(3));
  const auto token = tokens.Issue(42, At(1000));
  EXPECT_EQ(token.size(), 128u);
  EXPECT_EQ(tokens.Check(token, 42, At(1002)), TokenCheck::kTooFast);
  EXPECT_EQ(tokens.Check(token, 42, At(1003)), TokenCheck::kValid);
  EXPECT_EQ(tokens.Check(token, 42, At(1600)), TokenCheck::kValid);
  EXPECT_EQ(tokens.Check(token, 42, At(1601)), TokenCheck::kExpired);
  EXPECT_EQ(tokens.Check(token, 42, At(999)), TokenCheck::kExpired);
  EXPECT_EQ(tokens.Check(token, 43, At(1100)), TokenCheck::kForged);
  EXPECT_EQ(tokens.Check("", 42, At(1100)), TokenCheck::kMissing);
  EXPECT_EQ(tokens.Check("zz", 42, At(1100)), TokenCheck::kForged);
  auto flipped = token;
  flipped[20] = flipped[20] == '0' ? '1' : '0';
  EXPECT_EQ(tokens.Check(flipped, 42, At(1100)), TokenCheck::kForged);
  const FormTokens other(RandomKey(), std::chrono::seconds(600), std::chrono::seconds(3));
  EXPECT_EQ(other.Check(token, 42, At(1100)), TokenCheck::kForged);
}

TEST(CommentTextTest, EscapesEverythingAndLinksOnlyHttp) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"},
      {"a & b \"c\" 'd'", "a &amp; b &quot;c&quot; &#39;d&#39;"},
      {"line one\nline two", "line one<br>\nline two"},
      {"see https://example.com/a?b=1&c=2.",
       "see <a href=\"https://example.com/a?b=1&amp;c=2\" rel=\"nofollow ugc noopener\">https://example.com/a?b=1&amp;c=2</a>."},
      {"javascript:alert(1)", "javascript:alert(1)"},
      {"http://x\"onmouseover=\"alert(1)",
       "<a href=\"http://x\" rel=\"nofollow ugc noopener\">http://x</a>&quot;onmouseover=&quot;alert(1)"},
      {"http://", "http://"},
      {"HTTP://EXAMPLE.COM", "<a href=\"HTTP://EXAMPLE.COM\" rel=\"nofollow ugc noopener\">HTTP://EXAMPLE.COM</a>"},
  };
  for (const auto& [text, html] : cases) EXPECT_EQ(CommentHtml(text), html) << text;
}

TEST(CommentTextTest, CountsCodePointsLinksAndControls) {
  EXPECT_EQ(CodePoints("سلام"), 4u);
  EXPECT_EQ(CountLinks("http://a.example https://b.example ftp://c.example"), 2);
  EXPECT_TRUE(HasControlCharacters("a\x01" "b", true));
  EXPECT_TRUE(HasControlCharacters("a\tb", true));
  EXPECT_TRUE(HasControlCharacters("a\xC2\x85" "b", true));  // U+0085, a C1 control.
  EXPECT_FALSE(HasControlCharacters("a\nb", true));
  EXPECT_TRUE(HasControlCharacters("a\nb", false));
  EXPECT_FALSE(HasControlCharacters("\xE2\x80\xAE" "abc", true));  // U+202E is a format character.
  EXPECT_EQ(NormalizeNewlines("a\r\nb\rc"), "a\nb\nc");
  EXPECT_EQ(Printable("a\x01" "b\xff"), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
}

TEST(RateLimiterTest, AllowsTheLimitPerWindowPerClient) {
  RateLimiter limiter(2, std::chrono::seconds(60));
  EXPECT_TRUE(limiter.Allow("a", At(0)));
  EXPECT_TRUE(limiter.Allow("a", At(10)));
  EXPECT_FALSE(limiter.Allow("a", At(20)));
  EXPECT_TRUE(limiter.Allow("b", At(20)));
  EXPECT_TRUE(limiter.Allow("a", At(61)));
}

TEST(CommentFormTest, ParsesUrlEncodedFieldsWithPlusAsSpace) {
  const auto form = ParseCommentForm("name=Ann+Lee&email=a%40b.example&text=Hi%0D%0Athere+%26+%3Cb%3E&token=t&website=");
  EXPECT_EQ(form.name, "Ann Lee");
  EXPECT_EQ(form.email, "a@b.example");
  EXPECT_EQ(form.text, "Hi\r\nthere & <b>");
  EXPECT_EQ(form.token, "t");
  EXPECT_EQ(form.honeypot, "");
  EXPECT_EQ(ParseCommentForm("text=%FF%FE").text, "\xff\xfe");
}

}  // namespace
}  // namespace gazette::comments
