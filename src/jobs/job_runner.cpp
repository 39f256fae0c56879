#include "jobs/job_runner.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>

namespace gazette::jobs {

using Clock = std::chrono::steady_clock;

JobRunner::JobRunner(std::vector<Job> jobs) : jobs_(std::move(jobs)) {}

JobRunner::~JobRunner() { Stop(); }

void JobRunner::Start() {
  if (!thread_.joinable() && !jobs_.empty()) thread_ = std::thread([this] { Loop(); });
}

void JobRunner::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void JobRunner::Loop() {
  std::vector<Clock::time_point> next(jobs_.size(), Clock::now());
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    const auto due = std::min_element(next.begin(), next.end());
    if (wake_.wait_until(lock, *due, [&] { return stopping_; })) break;
    const auto index = static_cast<std::size_t>(due - next.begin());
    auto& job = jobs_[index];
    lock.unlock();
    // An exception must not end the thread: log it and try again at the next interval.
    try {
      job.run();
    } catch (const std::exception& e) {
      spdlog::error("job {}: {}", job.name, e.what());
    } catch (...) {
      spdlog::error("job {}: unknown error", job.name);
    }
    lock.lock();
    next[index] = Clock::now() + job.interval;
  }
}

}  // namespace gazette::jobs
