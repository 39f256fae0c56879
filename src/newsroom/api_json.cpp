// Shared by the newsroom's JSON API handlers: docs/newsroom.md, "JSON API".
#include "newsroom/api_json.hpp"

#include <charconv>

#include "news/error.hpp"
#include "newsroom/form.hpp"
#include "newsroom/passwords.hpp"

namespace gazette::newsroom::api {
namespace {

constexpr std::string_view kSessionCookie = "gazette_session";

}  // namespace

http::Response JsonAnswer(int status, const boost::json::value& value) {
  auto response = http::Json(status, boost::json::serialize(value) + "\n");
  response.Header("Cache-Control", "no-store");
  return response;
}

http::Response JsonError(int status, std::string_view message) {
  auto response = JsonAnswer(status, boost::json::object{{"error", message}});
  if (status == 401) response.Header("WWW-Authenticate", "Bearer");
  return response;
}

namespace {

int StatusOf(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::kNotFound: return 404;
    case ErrorKind::kInvalid: return 422;
    case ErrorKind::kConflict: return 409;
    default: return 500;
  }
}

[[noreturn]] void Invalid(std::string_view field, std::string_view what) {
  throw Error(ErrorKind::kInvalid, std::string(field) + ": " + std::string(what));
}

}  // namespace

boost::json::object ParseObject(std::string_view json) {
  boost::system::error_code ec;
  auto value = boost::json::parse(json, ec);
  if (ec) throw Error(ErrorKind::kInvalid, "the body is not JSON: " + ec.message());
  if (!value.is_object()) throw Error(ErrorKind::kInvalid, "the body must be a JSON object");
  return std::move(value.as_object());
}

void ReadString(const boost::json::object& object, std::string_view field, std::string& out) {
  const auto* value = object.if_contains(field);
  if (!value) return;
  if (!value->is_string()) Invalid(field, "must be a string");
  out = std::string(value->as_string());
}

std::optional<std::int64_t> ParseId(std::string_view text) {
  std::int64_t id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

void ReadBool(const boost::json::object& object, std::string_view field, bool& out) {
  const auto* value = object.if_contains(field);
  if (!value) return;
  if (!value->is_bool()) Invalid(field, "must be true or false");
  out = value->as_bool();
}

http::Handler Guarded(Accounts& accounts, Call call) {
  return [&accounts, call = std::move(call)](const http::Request& request, const http::PathParams& params) {
    std::optional<SignedIn> who;
    if (auto header = request.Header("authorization"); header && header->starts_with("Bearer "))
      who = accounts.ResolveToken(header->substr(7));
    else if (auto session = CookieValue(request, kSessionCookie))
      who = accounts.Resolve(*session);
    if (!who) return JsonError(401, "a personal API token (Authorization: Bearer) or a newsroom session is required");
    // A browser sends the cookie on its own: a session's writes must prove they came from a page.
    const bool writes = request.method != http::Method::kGet && request.method != http::Method::kHead;
    if (writes && !who->csrf_token.empty() && !SameSecret(request.Header("x-csrf-token").value_or(""), who->csrf_token))
      return JsonError(403, "X-CSRF-Token is missing or wrong");
    try {
      return call(request, params, *who);
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::kInvalid && e.kind() != ErrorKind::kNotFound && e.kind() != ErrorKind::kConflict) throw;
      return JsonError(StatusOf(e.kind()), e.what());
    }
  };
}

}  // namespace gazette::newsroom::api
