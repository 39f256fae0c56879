#pragma once
// Times as the site shows them, in each edition's language, and as machines read them.
#include <optional>
#include <string>
#include <string_view>

#include "news/article.hpp"

namespace gazette::news {

// The seed site's format: "GMT 15:01 2018 Tuesday ,06 November".
inline constexpr std::string_view kDefaultTimestampFormat = "GMT %H:%M %Y %A ,%d %B";

// Formats a UTC time with a strftime-like pattern: %Y %m %d %H %M %S, %A (weekday name),
// %B (month name), %%. Names are in the given language (Arabic: "الثلاثاء", "نوفمبر").
// Unknown directives are copied as they are.
std::string FormatTimestamp(TimePoint time, std::string_view pattern, Language language);

// True when every directive in the pattern is one FormatTimestamp knows.
bool IsValidTimestampPattern(std::string_view pattern);

// "2018-11-06T15:01:00Z", for <time datetime> and feeds.
std::string FormatIso8601(TimePoint time);

// Reads "2018-11-06T15:01:00Z", "2018-11-06T15:01:00+02:00", "2015-08-08 06:30:06" (taken as
// UTC) and "2018-11-06". Returns nothing for anything else.
std::optional<TimePoint> ParseIso8601(std::string_view text);

}  // namespace gazette::news
