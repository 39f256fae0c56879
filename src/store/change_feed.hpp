#pragma once
// Carries change announcements (cache tags, see news/changes.hpp) between the processes that
// share one database: several Gazette nodes on PostgreSQL, or `gazette load` beside a running
// server on SQLite. Each process publishes what it changed; every other process hears it.
#include <functional>
#include <string>
#include <vector>

namespace gazette::store {

using ChangeHandler = std::function<void(const std::vector<std::string>& tags)>;

class ChangeFeed {
 public:
  virtual ~ChangeFeed() = default;

  // Tells every other process on this database that these tags changed. Called after the
  // change committed. Thread-safe. Throws Error kUnavailable when the database does not answer.
  virtual void Publish(const std::vector<std::string>& tags) = 0;

  // Delivers, on a thread of the feed's own, what other processes publish from now on (never
  // this process's own changes). When the feed may have missed some (a lost connection), it
  // delivers {"site"}: everything may have changed. Call once.
  virtual void Start(ChangeHandler deliver) = 0;

  // Stops delivering and joins the thread. Idempotent; the destructor calls it.
  virtual void Stop() = 0;
};

}  // namespace gazette::store
