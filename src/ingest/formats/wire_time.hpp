#pragma once
// Times as wires write them.
#include <optional>
#include <string_view>

#include "news/article.hpp"

namespace gazette::ingest::formats {

// Reads ISO 8601 extended ("2018-10-21T16:25:32-05:00", "2021-05-16T09:00:04.123Z", a date
// alone), ISO 8601 basic as NITF and NewsML 1 write it ("20210516T080625+0000",
// "20151210T191044Z") and RFC 822 as RSS writes it ("Sat, 07 Jan 2017 15:21:42 GMT", "Mon, 23
// Jan 2017 16:45:02 +0000", and the "Sat, Dec 16 2023 02:02:33 PM" variant). A time without a
// zone is taken as UTC. Returns nothing for anything else, and for impossible dates.
std::optional<news::TimePoint> ParseWireTime(std::string_view text);

}  // namespace gazette::ingest::formats
