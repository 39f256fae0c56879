#pragma once
// Conditional GET (RFC 9110 section 13): answering 304 from ETag and Last-Modified.
#include <string_view>

#include "http/request.hpp"
#include "http/response.hpp"

namespace gazette::http::detail {

// True when the client's copy is current: If-None-Match lists the response's ETag (weak
// comparison, "*" matches any), or, without If-None-Match, the response's Last-Modified is
// not later than If-Modified-Since. Only GET/HEAD requests with 200 responses qualify.
bool IsNotModified(const Request& request, const Response& response);

// The 304 for a response: keeps the validators and caching headers, drops body and content
// headers (RFC 9110 section 15.4.5).
Response NotModified(const Response& response);

// True when the If-None-Match field value lists `etag` ("W/" ignored on both sides).
bool EtagListMatches(std::string_view if_none_match, std::string_view etag);

}  // namespace gazette::http::detail
