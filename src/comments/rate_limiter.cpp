#include "comments/rate_limiter.hpp"

namespace gazette::comments {

bool RateLimiter::Allow(const std::string& client, news::TimePoint now) {
  std::lock_guard lock(mutex_);
  const auto cutoff = now - window_;
  // Forget idle clients once a window, so the map holds only recent senders.
  if (now - last_sweep_ >= window_) {
    std::erase_if(attempts_, [&](const auto& entry) { return entry.second.empty() || entry.second.back() <= cutoff; });
    last_sweep_ = now;
  }
  auto& times = attempts_[client];
  while (!times.empty() && times.front() <= cutoff) times.pop_front();
  if (static_cast<int>(times.size()) >= limit_) return false;
  times.push_back(now);
  return true;
}

}  // namespace gazette::comments
