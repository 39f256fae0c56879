// The newsroom's routes, sign-in and layout: docs/newsroom.md.
#include "newsroom/newsroom_site.hpp"

#include <boost/json.hpp>

#include "news/error.hpp"
#include "news/timestamp.hpp"
#include "newsroom/form.hpp"
#include "newsroom/passwords.hpp"

namespace gazette::newsroom {
namespace {

constexpr std::string_view kSessionCookie = "gazette_session";
constexpr std::string_view kSignInCookie = "gazette_sign_in";  // The sign-in form's token.
constexpr std::string_view kLanguageCookie = "gazette_newsroom_lang";
// The session cookie goes to the screens and to the JSON API, and nowhere else.
constexpr std::string_view kCookiePaths[] = {"/newsroom", "/api"};

news::Language UiLanguage(const http::Request& request) {
  auto code = CookieValue(request, kLanguageCookie);
  return code ? news::ParseLanguage(*code).value_or(news::Language::kEnglish) : news::Language::kEnglish;
}

std::optional<std::int64_t> Id(const http::PathParams& params, std::string_view name) {
  auto it = params.find(name);
  if (it == params.end() || it->second.empty() || it->second.size() > 18) return std::nullopt;
  std::int64_t value = 0;
  for (char c : it->second) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// Newsroom pages show people's drafts and tokens: never stored, never framed.
http::Response Private(http::Response response) {
  response.Header("Cache-Control", "no-store");
  response.Header("X-Frame-Options", "DENY");
  response.Header("Referrer-Policy", "same-origin");
  return response;
}

}  // namespace

NewsroomSite::NewsroomSite(store::Store& store, Accounts& accounts, const render::Templates& templates,
                           const render::UiStrings& strings, news::Announce announce)
    : store_(store),
      accounts_(accounts),
      templates_(templates),
      strings_(strings),
      announce_(announce),
      desk_(store, announce, [&accounts] { return accounts.Now(); }),
      admin_(store, accounts, announce) {}

std::optional<SignedIn> NewsroomSite::Who(const http::Request& request) const {
  if (auto header = request.Header("authorization"); header && header->starts_with("Bearer "))
    return accounts_.ResolveToken(header->substr(7));
  if (auto id = CookieValue(request, kSessionCookie)) return accounts_.Resolve(*id);
  return std::nullopt;
}

http::Handler NewsroomSite::Guarded(Screen screen) const {
  return [this, screen = std::move(screen)](const http::Request& request, const http::PathParams& params) {
    const auto who = Who(request);
    if (!who) {
      if (request.method == http::Method::kGet || request.method == http::Method::kHead)
        return Private(http::Redirect("/newsroom/sign-in"));
      return Private(http::Text(401, "Sign in first.\n"));
    }
    // API tokens carry no cookie a browser could send on its own: they need no CSRF token.
    if (request.method != http::Method::kGet && request.method != http::Method::kHead && !who->csrf_token.empty() &&
        !SameSecret(Form(request.body).Get("csrf"), who->csrf_token)) {
      auto view = Page(request, &*who, strings_.For(UiLanguage(request)).at("nr_csrf_title").as_string());
      view["message"] = strings_.For(UiLanguage(request)).at("nr_csrf_text");
      return Private(Render("newsroom_message", view, 403));
    }
    return Private(screen(request, params, *who));
  };
}

void NewsroomSite::Register(http::Router& router) const {
  using http::Method;
  using http::PathParams;
  using http::Request;
  router.Add(Method::kGet, "/newsroom", [](const Request&, const PathParams&) { return http::Redirect("/newsroom/"); });
  router.Add(Method::kGet, "/newsroom/", Guarded([](const Request&, const PathParams&, const SignedIn&) {
               return http::Redirect("/newsroom/stories/");
             }));
  router.Add(Method::kGet, "/newsroom/sign-in", [this](const Request& r, const PathParams&) {
    if (Who(r)) return Private(http::Redirect("/newsroom/stories/"));
    return SignInPage(r, 200, "");
  });
  router.Add(Method::kPost, "/newsroom/sign-in", [this](const Request& r, const PathParams&) { return SignIn(r); });
  router.Add(Method::kPost, "/newsroom/sign-out",
             Guarded([this](const Request& r, const PathParams&, const SignedIn& who) { return SignOut(r, who); }));
  router.Add(Method::kGet, "/newsroom/language/{lang}", [this](const Request&, const PathParams& p) {
    const auto language = news::ParseLanguage(p.at("lang")).value_or(news::Language::kEnglish);
    auto response = http::Redirect("/newsroom/");
    response.Header("Set-Cookie", SetCookie(kLanguageCookie, news::LanguageCode(language), "/newsroom",
                                            accounts_.Settings().secure_cookies, 365LL * 24 * 3600));
    return Private(std::move(response));
  });

  auto with_id = [this](auto screen) {
    return Guarded([this, screen](const Request& r, const PathParams& p, const SignedIn& who) {
      const auto id = Id(p, "id");
      if (!id) return Render("newsroom_message", Page(r, &who, "404"), 404);
      return screen(r, p, who, *id);
    });
  };
  router.Add(Method::kGet, "/newsroom/stories/",
             Guarded([this](const Request& r, const PathParams&, const SignedIn& who) { return StoryList(r, who); }));
  router.Add(Method::kGet, "/newsroom/stories/new", Guarded([this](const Request& r, const PathParams&, const SignedIn& who) {
               return Editor(r, who, std::nullopt, nullptr, "", "", 200);
             }));
  router.Add(Method::kPost, "/newsroom/stories/new", Guarded([this](const Request& r, const PathParams&, const SignedIn& who) {
               return PostStory(r, who, std::nullopt);
             }));
  router.Add(Method::kGet, "/newsroom/stories/{id}", with_id([this](const Request& r, const PathParams&, const SignedIn& who, std::int64_t id) {
               return Editor(r, who, id, nullptr, "", "", 200);
             }));
  router.Add(Method::kPost, "/newsroom/stories/{id}", with_id([this](const Request& r, const PathParams&, const SignedIn& who, std::int64_t id) {
               return PostStory(r, who, id);
             }));
  router.Add(Method::kGet, "/newsroom/stories/{id}/revisions", with_id([this](const Request& r, const PathParams&, const SignedIn& who, std::int64_t id) {
               return RevisionList(r, who, id);
             }));
  router.Add(Method::kGet, "/newsroom/stories/{id}/diff", with_id([this](const Request& r, const PathParams&, const SignedIn& who, std::int64_t id) {
               return Diff(r, who, id);
             }));
  router.Add(Method::kPost, "/newsroom/stories/{id}/revisions/{revision}/restore",
             with_id([this](const Request& r, const PathParams& p, const SignedIn& who, std::int64_t id) {
               const auto revision = Id(p, "revision");
               if (!revision) return Render("newsroom_message", Page(r, &who, "404"), 404);
               return Restore(r, who, id, *revision);
             }));
  router.Add(Method::kPost, "/newsroom/stories/{id}/notes", with_id([this](const Request& r, const PathParams&, const SignedIn& who, std::int64_t id) {
               return PostNote(r, who, id);
             }));

  router.Add(Method::kGet, "/newsroom/users/", Guarded([this](const Request& r, const PathParams&, const SignedIn& who) {
               return Users(r, who, 200, "", "");
             }));
  router.Add(Method::kPost, "/newsroom/users/",
             Guarded([this](const Request& r, const PathParams&, const SignedIn& who) { return PostUser(r, who); }));
  router.Add(Method::kPost, "/newsroom/users/{id}", with_id([this](const Request& r, const PathParams&, const SignedIn& who, std::int64_t id) {
               return UpdateUser(r, who, id);
             }));
  router.Add(Method::kPost, "/newsroom/tokens/",
             Guarded([this](const Request& r, const PathParams&, const SignedIn& who) { return PostToken(r, who); }));
  router.Add(Method::kPost, "/newsroom/tokens/{id}/revoke", with_id([this](const Request& r, const PathParams&, const SignedIn& who, std::int64_t id) {
               return RevokeToken(r, who, id);
             }));
  router.Add(Method::kGet, "/newsroom/audit/",
             Guarded([this](const Request& r, const PathParams&, const SignedIn& who) { return Audit(r, who); }));
  router.Add(Method::kGet, "/newsroom/comments/",
             Guarded([this](const Request& r, const PathParams&, const SignedIn& who) { return Comments(r, who); }));
  router.Add(Method::kPost, "/newsroom/comments/{id}/{action}",
             with_id([this](const Request& r, const PathParams& p, const SignedIn& who, std::int64_t id) {
               return Moderate(r, who, id, p.at("action"));
             }));
  router.Add(Method::kGet, "/newsroom/settings", Guarded([this](const Request& r, const PathParams&, const SignedIn& who) {
               return SettingsPage(r, who, 200, "");
             }));
  router.Add(Method::kPost, "/newsroom/settings",
             Guarded([this](const Request& r, const PathParams&, const SignedIn& who) { return PostSettings(r, who); }));
}

boost::json::object NewsroomSite::Page(const http::Request& request, const SignedIn* who, std::string_view title) const {
  const auto language = UiLanguage(request);
  const auto& t = strings_.For(language);
  boost::json::object view;
  view["lang"] = news::LanguageCode(language);
  view["dir"] = news::IsRightToLeft(language) ? "rtl" : "ltr";
  view["page_title"] = std::string(title) + " · " + std::string(t.at("nr_newsroom").as_string());
  view["stylesheet"] = "/static/newsroom.css";
  view["site_name"] = t.at("nr_newsroom");
  view["home_url"] = "/newsroom/";
  view["t"] = t;
  boost::json::array editions;
  for (auto other : {news::Language::kEnglish, news::Language::kArabic})
    editions.push_back({{"url", "/newsroom/language/" + std::string(news::LanguageCode(other))},
                        {"lang", news::LanguageCode(other)},
                        {"name", strings_.For(other).at("edition_name")},
                        {"current", other == language}});
  view["editions"] = std::move(editions);
  if (who) {
    boost::json::array nav;
    auto link = [&](std::string_view url, std::string_view key) {
      nav.push_back({{"url", url}, {"name", t.at(key)}, {"current", request.path == url}});
    };
    link("/newsroom/stories/", "nr_stories");
    if (Allowed(who->role, Action::kWriteDraft)) link("/newsroom/stories/new", "nr_new_story");
    // Wire items held for review (docs/ingest.md, policy "hold") are drafts from the wire.
    if (Allowed(who->role, Action::kPublish)) link("/newsroom/stories/?status=draft&wire=1", "nr_wire_queue");
    if (Allowed(who->role, Action::kModerateComments)) link("/newsroom/comments/", "nr_comments");
    if (Allowed(who->role, Action::kManageUsers)) link("/newsroom/users/", "nr_users");
    if (Allowed(who->role, Action::kSettings)) link("/newsroom/settings", "nr_settings");
    if (Allowed(who->role, Action::kViewAudit)) link("/newsroom/audit/", "nr_audit");
    view["has_sections"] = true;
    view["nav_sections"] = std::move(nav);
    view["me"] = {{"name", who->user.name}, {"role", RoleName(who->role)}, {"csrf", who->csrf_token}};
    view["csrf"] = who->csrf_token;
  }
  return view;
}

http::Response NewsroomSite::Render(std::string_view page, const boost::json::object& view, int status) const {
  return Private(http::Html(status, templates_.RenderPage(page, view)));
}

http::Response NewsroomSite::Forbidden(const http::Request& request, const SignedIn& who) const {
  const auto& t = strings_.For(UiLanguage(request));
  auto view = Page(request, &who, t.at("nr_forbidden_title").as_string());
  view["message"] = t.at("nr_forbidden_text");
  return Render("newsroom_message", view, 403);
}

void NewsroomSite::Record(const SignedIn& who, std::string_view action, std::string target, std::string detail) const {
  store_.Audit().Record({.at = accounts_.Now(), .user_id = who.user.id, .user_name = who.user.name,
                         .action = std::string(action), .target = std::move(target), .detail = std::move(detail)});
}

http::Response NewsroomSite::SignInPage(const http::Request& request, int status, std::string_view message) const {
  const auto& t = strings_.For(UiLanguage(request));
  auto view = Page(request, nullptr, t.at("nr_sign_in").as_string());
  const auto token = RandomHex(32);
  view["sign_in_token"] = token;
  view["message"] = message;
  auto response = Render("newsroom_sign_in", view, status);
  response.Header("Set-Cookie", SetCookie(kSignInCookie, token, "/newsroom/sign-in", accounts_.Settings().secure_cookies,
                                          3600, "Strict"));
  return response;
}

http::Response NewsroomSite::SignIn(const http::Request& request) const {
  const Form form(request.body);
  const auto& t = strings_.For(UiLanguage(request));
  // Login CSRF: the form's token must match the cookie set with the form.
  const auto cookie = CookieValue(request, kSignInCookie);
  if (!cookie || !SameSecret(form.Get("token"), *cookie))
    return SignInPage(request, 403, t.at("nr_sign_in_expired").as_string());
  const auto result = accounts_.SignIn(form.Get("name"), form.Get("password"), request.client_address);
  switch (result.outcome) {
    case SignInOutcome::kSignedIn: break;
    case SignInOutcome::kWrong: return SignInPage(request, 401, t.at("nr_sign_in_wrong").as_string());
    case SignInOutcome::kThrottled:
    case SignInOutcome::kLocked: {
      auto response = SignInPage(request, 429,
                                 t.at(result.outcome == SignInOutcome::kLocked ? "nr_sign_in_locked" : "nr_sign_in_slow")
                                     .as_string());
      response.Header("Retry-After", std::to_string(std::max<long long>(1, result.retry_after.count())));
      return response;
    }
  }
  auto response = http::Redirect("/newsroom/stories/");
  for (auto path : kCookiePaths)
    response.Header("Set-Cookie", SetCookie(kSessionCookie, result.session_id, path, accounts_.Settings().secure_cookies));
  response.Header("Set-Cookie", SetCookie(kSignInCookie, "", "/newsroom/sign-in", accounts_.Settings().secure_cookies, 0));
  return Private(std::move(response));
}

http::Response NewsroomSite::SignOut(const http::Request&, const SignedIn& who) const {
  accounts_.SignOut(who);
  auto response = http::Redirect("/newsroom/sign-in");
  for (auto path : kCookiePaths)
    response.Header("Set-Cookie", SetCookie(kSessionCookie, "", path, accounts_.Settings().secure_cookies, 0));
  return response;
}

}  // namespace gazette::newsroom
