#pragma once
// Time in the stores. Both keep times as whole UTC seconds since the epoch: SQLite in INTEGER columns,
// PostgreSQL sends and reads them as seconds (to_timestamp / EXTRACT(EPOCH ...)).
#include <chrono>
#include <cstdint>
#include <functional>

#include "news/article.hpp"

namespace gazette::store {

inline std::int64_t Seconds(news::TimePoint time) { return time.time_since_epoch().count(); }
inline news::TimePoint FromSeconds(std::int64_t seconds) { return news::TimePoint{std::chrono::seconds{seconds}}; }

// The clock a store was given (tests move time), or else the system clock in whole seconds.
inline std::function<news::TimePoint()> ClockOrSystem(const std::function<news::TimePoint()>& given) {
  if (given) return given;
  return [] { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); };
}

}  // namespace gazette::store
