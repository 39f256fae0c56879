#pragma once
// Background work that repeats (scheduled publishing now; feed polling and ingest scans later),
// on one thread of its own so that no request waits for it. Jobs that must run once across
// several nodes make their store calls exactly-once themselves (see ArticleStore::PublishDue).
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace gazette::jobs {

struct Job {
  std::string name;                    // For the log: "publish-scheduled".
  std::chrono::milliseconds interval;  // From the end of one run to the start of the next.
  std::function<void()> run;           // May throw: the error is logged and the job runs again later.
};

class JobRunner {
 public:
  explicit JobRunner(std::vector<Job> jobs);
  ~JobRunner();  // Stops and joins.
  JobRunner(const JobRunner&) = delete;
  JobRunner& operator=(const JobRunner&) = delete;

  // Starts the thread; each job first runs at once, then every interval.
  void Start();
  // Wakes the thread and waits for the job in progress, if any, to end. Idempotent.
  void Stop();

 private:
  void Loop();

  std::vector<Job> jobs_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace gazette::jobs
