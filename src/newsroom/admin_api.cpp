// The admin side of the newsroom's JSON API: docs/newsroom.md, "JSON API".
#include "newsroom/admin_api.hpp"

#include <algorithm>

#include "news/error.hpp"
#include "news/timestamp.hpp"
#include "newsroom/api_json.hpp"

namespace gazette::newsroom {
namespace {

using api::JsonAnswer;
using api::JsonError;
using api::ParseId;
using api::ParseObject;
using api::ReadBool;
using api::ReadString;
using http::Method;
using http::PathParams;
using http::Request;

boost::json::object UserJson(const store::User& user, news::TimePoint now) {
  return {{"id", user.id},
          {"name", user.name},
          {"role", user.role},
          {"disabled", user.disabled},
          {"locked", user.locked_until && *user.locked_until > now},
          {"created_at", news::FormatIso8601(user.created_at)}};
}

http::Response Refused() { return JsonError(403, "this role may not do that"); }

}  // namespace

void AdminApi::Register(http::Router& router) const {
  auto guarded = [this](Action needs, auto call) {
    return api::Guarded(accounts_, [needs, call](const Request& r, const PathParams& p, const SignedIn& who) {
      if (!Allowed(who.role, needs)) return Refused();
      return call(r, p, who);
    });
  };
  auto user_answer = [this](int status, store::UserId id) {
    const auto user = store_.Users().FindUser(id);
    if (!user) return JsonError(404, "no such user");
    return JsonAnswer(status, UserJson(*user, accounts_.Now()));
  };

  router.Add(Method::kGet, "/api/users", guarded(Action::kManageUsers, [this](const Request&, const PathParams&, const SignedIn&) {
    boost::json::array users;
    for (const auto& user : store_.Users().ListUsers()) users.push_back(UserJson(user, accounts_.Now()));
    return JsonAnswer(200, boost::json::object{{"users", std::move(users)}});
  }));
  router.Add(Method::kPost, "/api/users",
             guarded(Action::kManageUsers, [this, user_answer](const Request& r, const PathParams&, const SignedIn& who) {
               std::string name, role, password;
               const auto object = ParseObject(r.body);
               ReadString(object, "name", name);
               ReadString(object, "role", role);
               ReadString(object, "password", password);
               auto answer = user_answer(201, desk_.AddUser(who, name, role, password));
               return answer;
             }));
  router.Add(Method::kPut, "/api/users/{id}",
             guarded(Action::kManageUsers, [this, user_answer](const Request& r, const PathParams& p, const SignedIn& who) {
               const auto id = ParseId(p.at("id"));
               const auto user = id ? store_.Users().FindUser(*id) : std::nullopt;
               if (!user) return JsonError(404, "no such user");
               std::string role = user->role;
               bool disabled = user->disabled;
               const auto object = ParseObject(r.body);
               ReadString(object, "role", role);
               ReadBool(object, "disabled", disabled);
               desk_.ChangeUser(who, user->id, role, disabled);
               return user_answer(200, user->id);
             }));

  router.Add(Method::kGet, "/api/tokens", guarded(Action::kManageUsers, [this](const Request&, const PathParams&, const SignedIn&) {
    std::map<store::UserId, std::string> names;
    for (const auto& user : store_.Users().ListUsers()) names[user.id] = user.name;
    boost::json::array tokens;
    for (const auto& token : store_.Users().ListApiTokens()) {
      boost::json::object item{{"id", token.id},
                               {"label", token.label},
                               {"user", names[token.user_id]},
                               {"created_at", news::FormatIso8601(token.created_at)},
                               {"revoked", token.revoked_at.has_value()}};
      item["revoked_at"] = token.revoked_at ? boost::json::value(news::FormatIso8601(*token.revoked_at)) : nullptr;
      tokens.push_back(std::move(item));
    }
    return JsonAnswer(200, boost::json::object{{"tokens", std::move(tokens)}});
  }));
  router.Add(Method::kPost, "/api/tokens",
             guarded(Action::kManageUsers, [this](const Request& r, const PathParams&, const SignedIn& who) {
               std::string user, label;
               const auto object = ParseObject(r.body);
               ReadString(object, "user", user);
               ReadString(object, "label", label);
               const auto [token, user_id] = desk_.CreateToken(who, user, label);
               // Shown this once: the store keeps its hash.
               return JsonAnswer(201, boost::json::object{{"token", token}, {"user", user}, {"user_id", user_id},
                                                          {"label", label.empty() ? std::string("API") : label}});
             }));
  router.Add(Method::kDelete, "/api/tokens/{id}",
             guarded(Action::kManageUsers, [this](const Request&, const PathParams& p, const SignedIn& who) {
               const auto id = ParseId(p.at("id"));
               if (!id) return JsonError(404, "no such token");
               desk_.RevokeToken(who, *id);
               return JsonAnswer(200, boost::json::object{{"id", *id}, {"revoked", true}});
             }));

  router.Add(Method::kGet, "/api/audit", guarded(Action::kViewAudit, [this](const Request& r, const PathParams&, const SignedIn&) {
    constexpr int kPageSize = 100;
    const auto page_text = r.Query("page").value_or("");
    const auto page_id = ParseId(page_text);
    if (!page_text.empty() && !page_id) return JsonError(422, "page: must be a number from 1");
    const int page = page_id ? static_cast<int>(std::min<std::int64_t>(*page_id, 1'000'000)) : 1;
    boost::json::array entries;
    for (const auto& e : store_.Audit().List(page, kPageSize)) {
      boost::json::object item{{"id", e.id}, {"at", news::FormatIso8601(e.at)}, {"user", e.user_name},
                                {"action", e.action}, {"target", e.target}, {"detail", e.detail}};
      item["user_id"] = e.user_id ? boost::json::value(*e.user_id) : nullptr;
      entries.push_back(std::move(item));
    }
    const auto total = store_.Audit().Count();
    const long long pages = std::max<long long>(1, (total + kPageSize - 1) / kPageSize);
    return JsonAnswer(200, boost::json::object{{"entries", std::move(entries)}, {"total", total}, {"page", page}, {"pages", pages}});
  }));

  auto settings_json = [this] {
    const auto s = desk_.Settings();
    boost::json::object out{{"name", s.name}, {"footer_lines", s.footer_lines}, {"timestamp_format", s.timestamp_format}};
    out["comment_policy"] = s.comment_policy.empty() ? boost::json::value(nullptr) : boost::json::value(s.comment_policy);
    return out;
  };
  router.Add(Method::kGet, "/api/settings",
             guarded(Action::kSettings, [settings_json](const Request&, const PathParams&, const SignedIn&) {
               return JsonAnswer(200, settings_json());
             }));
  router.Add(Method::kPut, "/api/settings",
             guarded(Action::kSettings, [this, settings_json](const Request& r, const PathParams&, const SignedIn& who) {
               auto settings = desk_.Settings();
               const auto object = ParseObject(r.body);
               ReadString(object, "name", settings.name);
               ReadString(object, "footer_lines", settings.footer_lines);
               ReadString(object, "timestamp_format", settings.timestamp_format);
               ReadString(object, "comment_policy", settings.comment_policy);
               desk_.SaveSettings(who, std::move(settings));
               return JsonAnswer(200, settings_json());
             }));
}

void AuditTokenModeration(Accounts& accounts, store::AuditLog& audit, const http::Request& request,
                          std::string_view action, std::int64_t comment_id, std::string_view text) {
  const auto header = request.Header("authorization");
  if (!header || !header->starts_with("Bearer ")) return;
  const auto who = accounts.ResolveToken(header->substr(7));
  if (!who) return;
  audit.Record({.at = accounts.Now(), .user_id = who->user.id, .user_name = who->user.name,
                .action = "comment." + std::string(action), .target = "comment:" + std::to_string(comment_id),
                .detail = std::string(text.substr(0, 120))});
}

}  // namespace gazette::newsroom
