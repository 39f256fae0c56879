#pragma once
// The deadlines of one I/O thread's connections, checked by one coarse timer. A timer per read
// and write (Beast's tcp_stream) cost each cache hit two timer-queue updates and a cancelled
// handler run: about a tenth of its CPU time in the profile (docs/http.md, "Timeouts").
#include <chrono>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/intrusive/list.hpp>

namespace gazette::http::detail {

using DeadlineClock = std::chrono::steady_clock;

// Something watched for its deadline: a connection.
class Expiring : public boost::intrusive::list_base_hook<> {
 public:
  // Past this, Expire() is called once (and the expiry reset to never).
  DeadlineClock::time_point expiry = DeadlineClock::time_point::max();
  virtual void Expire() = 0;

 protected:
  ~Expiring() = default;
};

// Not thread-safe: every call, and every Expire(), runs on the io_context's one thread.
class Deadlines {
 public:
  // Timeouts end up to this much late.
  static constexpr std::chrono::milliseconds kTick{100};

  explicit Deadlines(boost::asio::io_context& io) : timer_(io) {}
  Deadlines(const Deadlines&) = delete;
  Deadlines& operator=(const Deadlines&) = delete;

  // `item` must be unwatched before it is destroyed.
  void Watch(Expiring& item);
  void Unwatch(Expiring& item);

 private:
  void Arm();
  void Sweep();

  boost::asio::steady_timer timer_;
  boost::intrusive::list<Expiring> items_;
  bool armed_ = false;
  unsigned generation_ = 0;  // Of the wait in progress; older ones do nothing when they end.
};

}  // namespace gazette::http::detail
