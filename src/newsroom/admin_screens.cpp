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
  try {
    admin_.AddUser(who, form.Get("name"), form.Get("role"), form.Get("password"));
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::kInvalid && e.kind() != ErrorKind::kConflict) throw;
    return Users(request, who, 422, e.what(), "");
  }
  return http::Redirect("/newsroom/users/");
}

http::Response NewsroomSite::UpdateUser(const http::Request& request, const SignedIn& who, store::UserId id) const {
  if (!Allowed(who.role, Action::kManageUsers)) return Forbidden(request, who);
  const Form form(request.body);
  try {
    admin_.ChangeUser(who, id, form.Get("role"), form.Get("disabled") == "1");
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::kNotFound) return Render("newsroom_message", Page(request, &who, "404"), 404);
    if (e.kind() != ErrorKind::kInvalid) throw;
    return Users(request, who, 422, e.what(), "");
  }
  return http::Redirect("/newsroom/users/");
}

http::Response NewsroomSite::PostToken(const http::Request& request, const SignedIn& who) const {
  if (!Allowed(who.role, Action::kManageUsers)) return Forbidden(request, who);
  const Form form(request.body);
  std::string token;
  try {
    token = admin_.CreateToken(who, form.Get("user"), form.Get("label")).first;
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::kInvalid) throw;
    return Users(request, who, 422, e.what(), "");
  }
  // Shown once, on this page only: the store keeps its hash.
  return Users(request, who, 201, "", token);
}

http::Response NewsroomSite::RevokeToken(const http::Request& request, const SignedIn& who, std::int64_t id) const {
  if (!Allowed(who.role, Action::kManageUsers)) return Forbidden(request, who);
  try {
    admin_.RevokeToken(who, id);
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::kNotFound) throw;
    return Render("newsroom_message", Page(request, &who, "404"), 404);
  }
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
  const auto settings = admin_.Settings();
  view["name"] = settings.name;
  view["footer_lines"] = settings.footer_lines;
  view["timestamp_format"] = settings.timestamp_format;
  // Empty while the config file decides; the screen then shows the config's choice as unset.
  view["policy_config"] = settings.comment_policy.empty();
  view["policy_moderate"] = settings.comment_policy == "moderate";
  view["policy_publish"] = settings.comment_policy == "publish";
  view["message"] = message;
  return Render("newsroom_settings", view, status);
}

http::Response NewsroomSite::PostSettings(const http::Request& request, const SignedIn& who) const {
  if (!Allowed(who.role, Action::kSettings)) return Forbidden(request, who);
  const Form form(request.body);
  try {
    // An empty choice leaves the policy to the config file.
    admin_.SaveSettings(who, {.name = form.Get("name"), .footer_lines = form.Get("footer_lines"),
                              .timestamp_format = form.Get("timestamp_format"),
                              .comment_policy = form.Has("comment_policy") ? form.Get("comment_policy") : ""});
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::kInvalid) throw;
    return SettingsPage(request, who, 422, e.what());
  }
  return http::Redirect("/newsroom/settings");
}

}  // namespace gazette::newsroom
