#pragma once
// The security header fields every HTML page of the public site carries. They are added before
// the response cache stores a page, so hits carry them too.
#include "http/response.hpp"
#include "http/router.hpp"

namespace gazette::site {

// Content-Security-Policy for the public pages: everything from this site only, no framing, no
// <base> or form targets elsewhere. The templates use no inline scripts or styles, so none are
// allowed. Images in article bodies must be on this site as well.
inline constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

// Adds X-Content-Type-Options: nosniff, Content-Security-Policy and
// Referrer-Policy: strict-origin-when-cross-origin to `response` when it is HTML
// (Content-Type text/html), replacing any copies the handler set. Leaves other responses alone.
void AddSecurityHeaders(http::Response& response);

// `handler`, with AddSecurityHeaders applied to what it returns.
http::Handler WithSecurityHeaders(http::Handler handler);

}  // namespace gazette::site
