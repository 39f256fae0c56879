#pragma once
// Between Beast's messages and the Request/Response that handlers see.
#include <string>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/span_body.hpp>
#include <boost/beast/http/string_body.hpp>

#include "http/detail/target.hpp"
#include "http/request.hpp"
#include "http/response.hpp"

namespace gazette::http::detail {

using WireRequest = boost::beast::http::request<boost::beast::http::string_body>;
using WireResponse = boost::beast::http::response<boost::beast::http::string_body>;
// A response whose body points into Response::shared_body: no copy of cached bytes.
using SharedWireResponse = boost::beast::http::response<boost::beast::http::span_body<const char>>;

Method ToMethod(boost::beast::http::verb verb);

// Moves the body out of `wire`. Repeated header fields are joined with ", " ("; " for Cookie).
// GET and HEAD bodies are dropped: they have no meaning.
Request ToRequest(WireRequest& wire, ParsedTarget target, std::string client_address);

// Adds Server, Date and Content-Length (none for 1xx, 204, 304) and Connection, and replaces
// any framing fields the handler set. Drops header fields whose name or value could split the
// message (CR, LF, NUL).
WireResponse ToWire(Response response, unsigned version, bool keep_alive);
// ToWire for a response with shared_body: the result's body points into *response.shared_body,
// which the caller keeps alive until the write ends.
SharedWireResponse ToSharedWire(const Response& response, unsigned version, bool keep_alive);

// A short plain-text answer for the session's own errors: "414 URI Too Long".
Response StatusPage(int status);

}  // namespace gazette::http::detail
