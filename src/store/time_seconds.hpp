#pragma once
// Both stores keep times as whole UTC seconds since the epoch: SQLite in INTEGER columns,
// PostgreSQL sends and reads them as seconds (to_timestamp / EXTRACT(EPOCH ...)).
#include <chrono>
#include <cstdint>

#include "news/article.hpp"

namespace gazette::store {

inline std::int64_t Seconds(news::TimePoint time) { return time.time_since_epoch().count(); }
inline news::TimePoint FromSeconds(std::int64_t seconds) { return news::TimePoint{std::chrono::seconds{seconds}}; }

}  // namespace gazette::store
