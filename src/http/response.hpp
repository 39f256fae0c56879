#pragma once
// What a handler returns. The session adds Date, Content-Length, Connection and Server, drops
// the body for HEAD, and answers conditional requests from ETag and Last-Modified.
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gazette::http {

using HeaderFields = std::vector<std::pair<std::string, std::string>>;

// Header fields prepared once for an answer sent many times (a cache's hits): the list, which
// the session reads validators from, and the same fields as they go on the wire.
struct PreparedHead {
  HeaderFields headers;
  std::string wire;  // SerializeHeaderFields(headers).
};

struct Response {
  int status = 200;
  HeaderFields headers;  // Content-Type, ETag, ...
  std::string body;
  // When set, sent instead of `body`: an immutable buffer shared with a cache, written without
  // a copy.
  std::shared_ptr<const std::string> shared_body;
  // When set, the response's header fields instead of `headers`, which are then not read: a
  // hit is answered with two shared pointers and no field built or serialized.
  std::shared_ptr<const PreparedHead> prepared_head;
  // What the response shows, for a response cache ("article:42"); opaque here and never sent.
  std::vector<std::string> cache_tags;

  // The bytes to send: *shared_body when set, else body.
  std::string_view Body() const { return shared_body ? std::string_view(*shared_body) : std::string_view(body); }
  // The header fields: prepared_head's when set, else headers.
  const HeaderFields& Fields() const { return prepared_head ? prepared_head->headers : headers; }

  Response& Header(std::string name, std::string value) {
    headers.emplace_back(std::move(name), std::move(value));
    return *this;
  }
};

// `headers` as they go on the wire, "Name: value\r\n" each, in order, without the fields the
// session sets itself (Content-Length, Transfer-Encoding, Connection, Date, Server) and without
// fields whose name or value holds CR, LF or NUL (dropped with a warning).
std::string SerializeHeaderFields(const HeaderFields& headers);

// text/html; charset=utf-8, with the body.
Response Html(int status, std::string body);
// text/plain; charset=utf-8.
Response Text(int status, std::string body);
// application/json; charset=utf-8.
Response Json(int status, std::string body);
// A 303 See Other to a path on this site. Throws Error kInvalid for anything else
// ("https://...", "//host", control characters), so a "return to" parameter cannot leak readers.
Response Redirect(std::string location, int status = 303);

}  // namespace gazette::http
