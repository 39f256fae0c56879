#include "http/detail/deadlines.hpp"

namespace gazette::http::detail {

void Deadlines::Watch(Expiring& item) {
  items_.push_back(item);
  if (!armed_) Arm();
}

void Deadlines::Unwatch(Expiring& item) {
  items_.erase(items_.iterator_to(item));
  // A pending timer would keep the io_context running, and so delay shutdown, for nothing.
  if (items_.empty() && armed_) {
    armed_ = false;
    ++generation_;  // The cancelled wait may complete after a Watch has armed a new one.
    timer_.cancel();
  }
}

void Deadlines::Arm() {
  armed_ = true;
  timer_.expires_after(kTick);
  timer_.async_wait([this, generation = ++generation_](const boost::system::error_code& ec) {
    if (generation != generation_) return;
    armed_ = false;
    if (!ec) Sweep();
  });
}

void Deadlines::Sweep() {
  const auto now = DeadlineClock::now();
  // Expire() only closes a socket: the aborted operations complete later, through the
  // io_context, so nothing is unwatched while this walks the list.
  for (Expiring& item : items_) {
    if (item.expiry > now) continue;
    item.expiry = DeadlineClock::time_point::max();
    item.Expire();
  }
  if (!items_.empty()) Arm();
}

}  // namespace gazette::http::detail
