#pragma once
// Where writes announce what they changed (cache tags, see news/changes.hpp) and where the
// parts that care listen: the response cache of this process now, PostgreSQL NOTIFY later (a
// listener that forwards the tags to other nodes, and a LISTEN loop that publishes theirs here).
#include <functional>
#include <string>
#include <vector>

namespace gazette::cache {

using ChangeListener = std::function<void(const std::vector<std::string>& tags)>;

// Subscribe while wiring, before any Publish; Publish is then thread-safe.
class ChangeBus {
 public:
  void Subscribe(ChangeListener listener) { listeners_.push_back(std::move(listener)); }

  // Calls every listener in the order they subscribed, on the calling thread. A listener that
  // throws is logged and skipped: a write that committed must not fail because of a cache.
  void Publish(const std::vector<std::string>& tags) const;

 private:
  std::vector<ChangeListener> listeners_;
};

}  // namespace gazette::cache
