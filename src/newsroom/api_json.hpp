#pragma once
// What the newsroom's JSON API handlers share (story_api.cpp, admin_api.cpp; docs/newsroom.md,
// "JSON API"): JSON answers and errors, body parsing, and the guard that signs a caller in.
#include <boost/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "http/router.hpp"
#include "newsroom/accounts.hpp"

namespace gazette::newsroom::api {

http::Response JsonAnswer(int status, const boost::json::value& value);
// {"error": message}; a 401 also says WWW-Authenticate: Bearer.
http::Response JsonError(int status, std::string_view message);

// Throws Error kInvalid for a body that is not a JSON object.
boost::json::object ParseObject(std::string_view json);
// Sets `out` when the field is there; throws Error kInvalid naming it when it is not a string.
void ReadString(const boost::json::object& object, std::string_view field, std::string& out);
// Likewise for a boolean.
void ReadBool(const boost::json::object& object, std::string_view field, bool& out);
// A positive decimal id, or nothing.
std::optional<std::int64_t> ParseId(std::string_view text);

using Call = std::function<http::Response(const http::Request&, const http::PathParams&, const SignedIn&)>;
// Signed in by personal API token or session cookie (else 401); a session's writes need its
// CSRF token in X-CSRF-Token (else 403). Errors kInvalid, kNotFound and kConflict the call
// throws answer 422, 404 and 409.
http::Handler Guarded(Accounts& accounts, Call call);

}  // namespace gazette::newsroom::api
