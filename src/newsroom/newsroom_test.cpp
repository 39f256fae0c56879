#include <gtest/gtest.h>

#include "http/request.hpp"
#include "newsroom/form.hpp"
#include "newsroom/line_diff.hpp"
#include "newsroom/passwords.hpp"
#include "newsroom/permissions.hpp"

namespace gazette::newsroom {
namespace {

TEST(PermissionsTest, TheMatrix) {
  // Rows: actions; columns: admin, editor, reporter, moderator.
  struct Row {
    Action action;
    bool admin, editor, reporter, moderator;
  };
  const Row rows[] = {
      {Action::kWriteDraft, true, true, true, false},      {Action::kEditOwnDraft, true, true, true, false},
      {Action::kEditAny, true, true, false, false},        {Action::kPublish, true, true, false, false},
      {Action::kUnpublish, true, true, false, false},      {Action::kCorrect, true, true, false, false},
      {Action::kModerateComments, true, false, false, true}, {Action::kManageUsers, true, false, false, false},
      {Action::kSettings, true, false, false, false},      {Action::kViewAudit, true, false, false, false},
  };
  ASSERT_EQ(std::size(rows), std::size(kAllActions));
  for (const auto& row : rows) {
    SCOPED_TRACE(ActionName(row.action));
    EXPECT_EQ(Allowed(Role::kAdmin, row.action), row.admin);
    EXPECT_EQ(Allowed(Role::kEditor, row.action), row.editor);
    EXPECT_EQ(Allowed(Role::kReporter, row.action), row.reporter);
    EXPECT_EQ(Allowed(Role::kModerator, row.action), row.moderator);
  }
}

TEST(PermissionsTest, ReportersEditOnlyTheirOwnDrafts) {
  EXPECT_TRUE(MayEditStory(Role::kReporter, true, true));
  EXPECT_FALSE(MayEditStory(Role::kReporter, true, false));
  EXPECT_FALSE(MayEditStory(Role::kReporter, false, true));
  EXPECT_TRUE(MayEditStory(Role::kEditor, false, false));
  EXPECT_FALSE(MayEditStory(Role::kModerator, true, true));
}

TEST(PermissionsTest, RoleNamesRoundTrip) {
  for (Role role : kAllRoles) EXPECT_EQ(ParseRole(RoleName(role)), role);
  EXPECT_FALSE(ParseRole("root"));
  EXPECT_FALSE(ParseRole("Admin"));
}

TEST(PasswordsTest, HashesWithArgon2idAndVerifies) {
  const auto hash = HashPassword("correct horse battery");
  EXPECT_TRUE(hash.starts_with("$argon2id$"));
  EXPECT_TRUE(VerifyPassword(hash, "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(hash, "correct horse battery!"));
  EXPECT_FALSE(VerifyPassword("", "x"));
  EXPECT_FALSE(VerifyPassword("garbage", "x"));
  EXPECT_NE(HashPassword("correct horse battery"), hash);  // Salted.
  EXPECT_THROW(HashPassword("short"), std::exception);
}

TEST(PasswordsTest, SecretsCompareWholeAndHashStably) {
  EXPECT_TRUE(SameSecret("abc", "abc"));
  EXPECT_FALSE(SameSecret("abc", "abd"));
  EXPECT_FALSE(SameSecret("abc", "ab"));
  EXPECT_FALSE(SameSecret("", ""));
  EXPECT_EQ(RandomHex(32).size(), 64u);
  EXPECT_NE(RandomHex(32), RandomHex(32));
  EXPECT_EQ(SecretHash("x"), SecretHash("x"));
  EXPECT_EQ(SecretHash("x").size(), 64u);
}

TEST(FormTest, ReadsFieldsAndCookies) {
  const Form form("headline=A+b%2C+c&body=%D9%85%D8%B1%D8%AD%D8%A8%D8%A7&headline=second&empty=");
  EXPECT_EQ(form.Get("headline"), "A b, c");
  EXPECT_EQ(form.Get("body"), "مرحبا");
  EXPECT_EQ(form.Get("missing"), "");
  EXPECT_TRUE(form.Has("empty"));

  http::Request request;
  request.headers["cookie"] = "a=1; gazette_session=abc; b=2";
  EXPECT_EQ(CookieValue(request, "gazette_session"), "abc");
  EXPECT_EQ(CookieValue(request, "b"), "2");
  EXPECT_FALSE(CookieValue(request, "c"));
  EXPECT_EQ(SetCookie("s", "v", "/newsroom", true), "s=v; Path=/newsroom; HttpOnly; SameSite=Lax; Secure");
  EXPECT_EQ(SetCookie("s", "", "/api", false, 0), "s=; Path=/api; HttpOnly; SameSite=Lax; Max-Age=0");
}

TEST(LineDiffTest, MarksAddedAndRemovedLines) {
  using K = DiffLine::Kind;
  struct Case {
    std::string before, after;
    std::vector<std::pair<K, std::string>> expected;
  };
  const Case cases[] = {
      {"a\nb\nc", "a\nb\nc", {{K::kSame, "a"}, {K::kSame, "b"}, {K::kSame, "c"}}},
      {"a\nb\nc", "a\nx\nc", {{K::kSame, "a"}, {K::kRemoved, "b"}, {K::kAdded, "x"}, {K::kSame, "c"}}},
      {"", "a", {{K::kAdded, "a"}}},
      {"a", "", {{K::kRemoved, "a"}}},
      {"a\nb", "b", {{K::kRemoved, "a"}, {K::kSame, "b"}}},
  };
  for (const auto& c : cases) {
    const auto diff = LineDiff(c.before, c.after);
    ASSERT_EQ(diff.size(), c.expected.size()) << c.before << " -> " << c.after;
    for (std::size_t i = 0; i < diff.size(); ++i) {
      EXPECT_EQ(diff[i].kind, c.expected[i].first);
      EXPECT_EQ(diff[i].text, c.expected[i].second);
    }
  }
}

TEST(LineDiffTest, HugeTextsAreComparedWhole) {
  std::string big;
  for (int i = 0; i < 50; ++i) big += "line\n";
  const auto diff = LineDiff(big, big + "more", 10);
  EXPECT_EQ(diff.front().kind, DiffLine::Kind::kRemoved);
  EXPECT_EQ(diff.back().kind, DiffLine::Kind::kAdded);
}

}  // namespace
}  // namespace gazette::newsroom
