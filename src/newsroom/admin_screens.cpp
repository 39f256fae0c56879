// Users and API tokens, comments, site settings and the audit log: docs/newsroom.md.
#include <boost/json.hpp>

#include <charconv>

#include "news/error.hpp"
#include "news/timestamp.hpp"
#include "newsroom/form.hpp"
#include "newsroom/newsroom_site.hpp"

namespace gazette::newsroom {
namespace {

std::string Time(news::TimePoint time) { return news::FormatTimestamp(time, "%Y-%m-%d %H:%M UTC", news::Language::kEnglish); }

// The public site's setting keys (site/site_settings.hpp): the newsroom writes, the site reads.
constexpr std::string_view kSiteNameKey = "site.name";
constexpr std::string_view kFooterLinesKey = "site.footer_lines";
constexpr std::string_view kTimestampFormatKey = "site.timestamp_format";

}  // namespace

http::Response NewsroomSite::Users(const http::Request& request, const SignedIn& who, int status,
                                   std::string_view message, std::string_view new_token) const {
  if (!Allowed(who.role, Action::kManageUsers)) return Forbidden(request, who);
  auto view = Page(request, &who, "Users");
  const auto& t = view.at("t").as_object();
  view["page_title"] = std::string(t.at("nr_users").as_string()) + " · " + std::string(t.at("nr_newsroom").as_string());
  boost::json::array users;
  std::map<store::UserId, std::string> names;
  for (const auto& user : store_.Users().ListUsers()) {
    names[user.id] = user.name;
    boost::json::array roles;
    for (Role role : kAllRoles)
      roles.push_back({{"value", RoleName(role)}, {"text", t.at("nr_role_" + std::string(RoleName(role)))},
                       {"selected", user.role == RoleName(role)}});
    users.push_back({{"id", user.id}, {"name", user.name}, {"roles", std::move(roles)}, {"disabled", user.disabled},
                     {"locked", user.locked_until && *user.locked_until > accounts_.Now()},
                     {"url", "/newsroom/users/" + std::to_string(user.id)}});
  }
  view["users"] = std::move(users);
  boost::json::array roles;
  for (Role role : kAllRoles) roles.push_back({{"value", RoleName(role)}, {"text", t.at("nr_role_" + std::string(RoleName(role)))}});
  view["roles"] = std::move(roles);
  boost::json::array tokens;
  for (const auto& token : store_.Users().ListApiTokens())
    tokens.push_back({{"id", token.id}, {"label", token.label}, {"user", names[token.user_id]},
                      {"created", Time(token.created_at)}, {"revoked", token.revoked_at.has_value()},
                      {"revoke_url", "/newsroom/tokens/" + std::to_string(token.id) + "/revoke"}});
  view["has_tokens"] = !tokens.empty();
  view["tokens"] = std::move(tokens);
  view["message"] = message;
  view["new_token"] = new_token;
  return Render("newsroom_users", view, status);
}

http::Response NewsroomSite::PostUser(const http::Request& request, const SignedIn& who) const {
  if (!Allowed(who.role, Action::kManageUsers)) return Forbidden(request, who);
  const Form form(request.body);
  const auto role = ParseRole(form.Get("role"));
  if (!role) return Users(request, who, 422, "role: choose a role", "");
  try {
    const auto id = accounts_.AddUser(form.Get("name"), *role, form.Get("password"));
    Record(who, "user.add", "user:" + std::to_string(id), form.Get("name") + " as " + std::string(RoleName(*role)));
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::kInvalid && e.kind() != ErrorKind::kConflict) throw;
    return Users(request, who, 422, e.what(), "");
  }
  return http::Redirect("/newsroom/users/");
}

http::Response NewsroomSite::UpdateUser(const http::Request& request, const SignedIn& who, store::UserId id) const {
  if (!Allowed(who.role, Action::kManageUsers)) return Forbidden(request, who);
  const Form form(request.body);
  const auto role = ParseRole(form.Get("role"));
  if (!role) return Users(request, who, 422, "role: choose a role", "");
  const bool disabled = form.Get("disabled") == "1";
  if (id == who.user.id && (disabled || *role != Role::kAdmin))
    return Users(request, who, 422, "You cannot disable yourself or give up your own admin role.", "");
  if (!store_.Users().SetRole(id, RoleName(*role), disabled)) return Render("newsroom_message", Page(request, &who, "404"), 404);
  if (disabled) store_.Users().DeleteSessionsOf(id);
  Record(who, "user.change", "user:" + std::to_string(id),
         std::string(RoleName(*role)) + (disabled ? ", disabled" : ", enabled"));
  return http::Redirect("/newsroom/users/");
}

http::Response NewsroomSite::PostToken(const http::Request& request, const SignedIn& who) const {
  if (!Allowed(who.role, Action::kManageUsers)) return Forbidden(request, who);
  const Form form(request.body);
  const auto user = store_.Users().FindUserByName(form.Get("user"));
  if (!user) return Users(request, who, 422, "user: no such user", "");
  const auto label = form.Get("label").empty() ? std::string("API") : form.Get("label");
  const auto token = accounts_.CreateToken(user->id, label);
  Record(who, "token.create", "user:" + std::to_string(user->id), label);
  // Shown once, on this page only: the store keeps its hash.
  return Users(request, who, 201, "", token);
}

http::Response NewsroomSite::RevokeToken(const http::Request& request, const SignedIn& who, std::int64_t id) const {
  if (!Allowed(who.role, Action::kManageUsers)) return Forbidden(request, who);
  if (!store_.Users().RevokeApiToken(id, accounts_.Now())) return Render("newsroom_message", Page(request, &who, "404"), 404);
  Record(who, "token.revoke", "token:" + std::to_string(id), "");
  return http::Redirect("/newsroom/users/");
}

http::Response NewsroomSite::Audit(const http::Request& request, const SignedIn& who) const {
  if (!Allowed(who.role, Action::kViewAudit)) return Forbidden(request, who);
  int page = 1;
  if (auto text = request.Query("page")) std::from_chars(text->data(), text->data() + text->size(), page);
  page = std::max(1, page);
  constexpr int kPageSize = 100;
  auto view = Page(request, &who, "Audit");
  boost::json::array entries;
  for (const auto& e : store_.Audit().List(page, kPageSize))
    entries.push_back({{"time", Time(e.at)}, {"user", e.user_name}, {"action", e.action}, {"target", e.target},
                       {"detail", e.detail}});
  view["entries"] = std::move(entries);
  const auto total = store_.Audit().Count();
  if (page > 1) view["previous_url"] = "/newsroom/audit/?page=" + std::to_string(page - 1);
  if (static_cast<long long>(page) * kPageSize < total) view["next_url"] = "/newsroom/audit/?page=" + std::to_string(page + 1);
  return Render("newsroom_audit", view);
}

http::Response NewsroomSite::Comments(const http::Request& request, const SignedIn& who) const {
  if (!Allowed(who.role, Action::kModerateComments)) return Forbidden(request, who);
  auto view = Page(request, &who, "Comments");
  boost::json::array items;
  for (const auto& c : store_.Comments().List(store::CommentStatus::kPending, 200))
    items.push_back({{"id", c.id}, {"name", c.name}, {"body", c.body}, {"time", Time(c.created_at)},
                     {"article_id", c.article_id}, {"url", "/newsroom/comments/" + std::to_string(c.id) + "/"}});
  view["has_items"] = !items.empty();
  view["items"] = std::move(items);
  return Render("newsroom_comments", view);
}

http::Response NewsroomSite::Moderate(const http::Request& request, const SignedIn& who, std::int64_t id,
                                      std::string_view action) const {
  if (!Allowed(who.role, Action::kModerateComments)) return Forbidden(request, who);
  std::optional<store::Comment> before;
  if (action == "approve") before = store_.Comments().SetStatus(id, store::CommentStatus::kApproved);
  else if (action == "reject") before = store_.Comments().SetStatus(id, store::CommentStatus::kRejected);
  else if (action == "spam") before = store_.Comments().SetStatus(id, store::CommentStatus::kSpam);
  else if (action == "delete") before = store_.Comments().Delete(id);
  else return Render("newsroom_message", Page(request, &who, "404"), 404);
  if (!before) return Render("newsroom_message", Page(request, &who, "404"), 404);
  if (announce_) announce_({news::ArticleCacheTag(before->article_id)});
  Record(who, "comment." + std::string(action), "comment:" + std::to_string(id), before->body.substr(0, 120));
  return http::Redirect("/newsroom/comments/");
}

http::Response NewsroomSite::SettingsPage(const http::Request& request, const SignedIn& who, int status,
                                          std::string_view message) const {
  if (!Allowed(who.role, Action::kSettings)) return Forbidden(request, who);
  auto view = Page(request, &who, "Settings");
  auto& settings = store_.Settings();
  view["site_name"] = view.at("site_name");
  view["name"] = settings.Get(kSiteNameKey).value_or("");
  view["footer_lines"] = settings.Get(kFooterLinesKey).value_or("");
  view["timestamp_format"] = settings.Get(kTimestampFormatKey).value_or("");
  view["message"] = message;
  return Render("newsroom_settings", view, status);
}

http::Response NewsroomSite::PostSettings(const http::Request& request, const SignedIn& who) const {
  if (!Allowed(who.role, Action::kSettings)) return Forbidden(request, who);
  const Form form(request.body);
  auto footer = form.Get("footer_lines");
  for (auto pos = footer.find('\r'); pos != std::string::npos; pos = footer.find('\r')) footer.erase(pos, 1);
  const auto format = form.Get("timestamp_format");
  if (!format.empty() && !news::IsValidTimestampPattern(format))
    return SettingsPage(request, who, 422, "timestamp_format: use %Y %m %d %H %M %S %A %B %%");
  auto& settings = store_.Settings();
  if (!form.Get("name").empty()) settings.Set(kSiteNameKey, form.Get("name"));
  settings.Set(kFooterLinesKey, footer);
  if (!format.empty()) settings.Set(kTimestampFormatKey, format);
  if (announce_) announce_({std::string(news::kSiteCacheTag)});
  Record(who, "settings", "site", form.Get("name"));
  return http::Redirect("/newsroom/settings");
}

}  // namespace gazette::newsroom
