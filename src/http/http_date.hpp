#pragma once
// Dates in HTTP headers (Date, Last-Modified, If-Modified-Since), RFC 9110 section 5.6.7.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace gazette::http {

// IMF-fixdate, always GMT: "Sun, 06 Nov 1994 08:49:37 GMT". Sub-second parts are dropped.
std::string FormatHttpDate(std::chrono::system_clock::time_point time);

// Reads the three forms recipients must accept: IMF-fixdate, RFC 850
// ("Sunday, 06-Nov-94 08:49:37 GMT") and asctime ("Sun Nov  6 08:49:37 1994"). The weekday is
// not checked. Nothing for anything else, including out-of-range fields.
std::optional<std::chrono::system_clock::time_point> ParseHttpDate(std::string_view text);

}  // namespace gazette::http
