#include <gtest/gtest.h>

#include <atomic>
#include <future>

#include "jobs/job_runner.hpp"

namespace gazette::jobs {
namespace {

using namespace std::chrono_literals;

// Waits (up to a generous deadline) until the counter reaches the target.
bool WaitFor(const std::atomic<int>& counter, int target) {
  const auto deadline = std::chrono::steady_clock::now() + 10s;
  while (counter < target && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(1ms);
  return counter >= target;
}

TEST(JobRunnerTest, RunsEachJobAgainAfterItsInterval) {
  std::atomic<int> fast = 0, slow = 0;
  JobRunner runner({{"fast", 1ms, [&] { ++fast; }}, {"slow", 1h, [&] { ++slow; }}});
  runner.Start();
  EXPECT_TRUE(WaitFor(fast, 5));
  runner.Stop();
  EXPECT_EQ(slow, 1) << "a job runs once at start, then waits its interval";
}

TEST(JobRunnerTest, KeepsRunningAfterAJobThrows) {
  std::atomic<int> runs = 0;
  JobRunner runner({{"flaky", 1ms, [&] {
                       ++runs;
                       throw std::runtime_error("database away");
                     }}});
  runner.Start();
  EXPECT_TRUE(WaitFor(runs, 3));
}

TEST(JobRunnerTest, StopWakesASleepingRunnerAndIsIdempotent) {
  std::atomic<int> runs = 0;
  JobRunner runner({{"hourly", 1h, [&] { ++runs; }}});
  runner.Start();
  ASSERT_TRUE(WaitFor(runs, 1));
  auto stopped = std::async(std::launch::async, [&] { runner.Stop(); });
  EXPECT_EQ(stopped.wait_for(10s), std::future_status::ready) << "Stop must not wait for the next run";
  runner.Stop();
  EXPECT_EQ(runs, 1);
}

}  // namespace
}  // namespace gazette::jobs
