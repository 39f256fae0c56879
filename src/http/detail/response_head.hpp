#pragma once
// The bytes of a response's status line and header block, written by the session in one gather
// write with the body. See docs/http.md, "Writing".
#include <cstddef>
#include <string>
#include <string_view>

#include "http/response.hpp"

namespace gazette::http::detail {

// Whether a response with this status carries a body and Content-Length (not 1xx, 204, 304).
bool HasBody(int status);

// The status line, then Server, Date, Content-Length (`body_bytes`, when HasBody) and
// Connection as the session sets them; the handler's fields and the empty line follow it.
// `version` is 10 or 11. HTTP/1.1 says "Connection: close" when the connection ends; HTTP/1.0
// says "Connection: keep-alive" when it stays open. Replaces what `out` held and keeps its
// capacity: a session reuses one string for all its answers.
void WriteResponseHead(std::string& out, int status, std::size_t body_bytes, unsigned version, bool keep_alive);

// The current time as an HTTP date, formatted at most once a second per thread. The view is
// valid until the next call on the same thread.
std::string_view HttpDateNow();

}  // namespace gazette::http::detail
