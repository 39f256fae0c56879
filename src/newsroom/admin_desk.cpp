// What an admin does: docs/newsroom.md, "Users", "Site settings".
#include "newsroom/admin_desk.hpp"

#include "comments/comment_desk.hpp"
#include "news/error.hpp"
#include "news/timestamp.hpp"

namespace gazette::newsroom {
namespace {

// The public site's setting keys (site/site_settings.hpp): the newsroom writes, the site reads.
constexpr std::string_view kSiteNameKey = "site.name";
constexpr std::string_view kFooterLinesKey = "site.footer_lines";
constexpr std::string_view kTimestampFormatKey = "site.timestamp_format";

}  // namespace

store::UserId AdminDesk::AddUser(const SignedIn& who, std::string_view name, std::string_view role_name,
                                 std::string_view password) const {
  const auto role = ParseRole(role_name);
  if (!role) throw Error(ErrorKind::kInvalid, "role: choose admin, editor, reporter or moderator");
  const auto id = accounts_.AddUser(name, *role, password);
  Record(who, "user.add", "user:" + std::to_string(id), std::string(name) + " as " + std::string(RoleName(*role)));
  return id;
}

void AdminDesk::ChangeUser(const SignedIn& who, store::UserId id, std::string_view role_name, bool disabled) const {
  const auto role = ParseRole(role_name);
  if (!role) throw Error(ErrorKind::kInvalid, "role: choose admin, editor, reporter or moderator");
  if (id == who.user.id && (disabled || *role != Role::kAdmin))
    throw Error(ErrorKind::kInvalid, "You cannot disable yourself or give up your own admin role.");
  if (!store_.Users().SetRole(id, RoleName(*role), disabled)) throw Error(ErrorKind::kNotFound, "no such user");
  if (disabled) store_.Users().DeleteSessionsOf(id);
  Record(who, "user.change", "user:" + std::to_string(id), std::string(RoleName(*role)) + (disabled ? ", disabled" : ", enabled"));
}

std::pair<std::string, store::UserId> AdminDesk::CreateToken(const SignedIn& who, std::string_view user_name,
                                                             std::string_view label_text) const {
  const auto user = store_.Users().FindUserByName(user_name);
  if (!user) throw Error(ErrorKind::kInvalid, "user: no such user");
  const auto label = label_text.empty() ? std::string("API") : std::string(label_text);
  auto token = accounts_.CreateToken(user->id, label);
  Record(who, "token.create", "user:" + std::to_string(user->id), label);
  return {std::move(token), user->id};
}

void AdminDesk::RevokeToken(const SignedIn& who, std::int64_t id) const {
  if (!store_.Users().RevokeApiToken(id, accounts_.Now())) throw Error(ErrorKind::kNotFound, "no such token");
  Record(who, "token.revoke", "token:" + std::to_string(id), "");
}

SiteSettings AdminDesk::Settings() const {
  auto& settings = store_.Settings();
  SiteSettings out{.name = settings.Get(kSiteNameKey).value_or(""),
                   .footer_lines = settings.Get(kFooterLinesKey).value_or(""),
                   .timestamp_format = settings.Get(kTimestampFormatKey).value_or(""),
                   .comment_policy = {}};
  const auto auto_publish = settings.Get(comments::kAutoPublishKey);
  if (auto_publish == "true") out.comment_policy = "publish";
  else if (auto_publish == "false") out.comment_policy = "moderate";
  return out;
}

void AdminDesk::SaveSettings(const SignedIn& who, SiteSettings s) const {
  for (auto pos = s.footer_lines.find('\r'); pos != std::string::npos; pos = s.footer_lines.find('\r'))
    s.footer_lines.erase(pos, 1);
  if (!s.timestamp_format.empty() && !news::IsValidTimestampPattern(s.timestamp_format))
    throw Error(ErrorKind::kInvalid, "timestamp_format: use %Y %m %d %H %M %S %A %B %%");
  if (!s.comment_policy.empty() && s.comment_policy != "moderate" && s.comment_policy != "publish")
    throw Error(ErrorKind::kInvalid, "comment_policy: must be moderate or publish");
  auto& settings = store_.Settings();
  if (!s.name.empty()) settings.Set(kSiteNameKey, s.name);
  settings.Set(kFooterLinesKey, s.footer_lines);
  if (!s.timestamp_format.empty()) settings.Set(kTimestampFormatKey, s.timestamp_format);
  if (!s.comment_policy.empty()) settings.Set(comments::kAutoPublishKey, s.comment_policy == "publish" ? "true" : "false");
  if (announce_) announce_({std::string(news::kSiteCacheTag)});
  Record(who, "settings", "site", s.name);
}

void AdminDesk::Record(const SignedIn& who, std::string_view action, std::string target, std::string detail) const {
  store_.Audit().Record({.at = accounts_.Now(), .user_id = who.user.id, .user_name = who.user.name,
                         .action = std::string(action), .target = std::move(target), .detail = std::move(detail)});
}

}  // namespace gazette::newsroom
