#pragma once
// How many comments one client may send in a window of time. Kept in memory, per node: with
// several nodes behind a balancer each allows the limit (docs/comments.md, "Rate limit").
#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

#include "news/article.hpp"

namespace gazette::comments {

class RateLimiter {
 public:
  RateLimiter(int limit, std::chrono::seconds window) : limit_(limit), window_(window) {}

  // Counts one attempt by `client` at `now`; false when the client already made `limit`
  // attempts within the window (the refused attempt is not counted). Thread-safe.
  bool Allow(const std::string& client, news::TimePoint now);

 private:
  const int limit_;
  const std::chrono::seconds window_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<news::TimePoint>> attempts_;
  news::TimePoint last_sweep_{};
};

}  // namespace gazette::comments
