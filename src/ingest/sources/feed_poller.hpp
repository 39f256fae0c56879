#pragma once
// Polling of the sources' RSS/Atom feed URLs (docs/ingest.md, "Feeds"): a plain-HTTP GET with
// If-None-Match and If-Modified-Since from the last answer; 304 means nothing to do. Run by a
// jobs::JobRunner job every [ingest] poll_interval_ms.
#include <map>
#include <mutex>
#include <string>

#include "ingest/apply/ingester.hpp"

namespace gazette::ingest {

struct PollReport {
  int fetched = 0;      // 200 answers ingested.
  int not_modified = 0; // 304 answers.
  int failed = 0;       // Unreachable, bad status, or quarantined.
};

class FeedPoller {
 public:
  explicit FeedPoller(const Ingester& ingester) : ingester_(ingester) {}

  // Polls every feed of every source once. Never throws: failures are logged and counted.
  PollReport PollAll();

  // GETs one http:// URL; throws Error kInvalid for another scheme or a bad URL, kUnavailable
  // when the server cannot be reached or answers with a status other than 200 or 304.
  PollReport Poll(const SourceSettings& source, const std::string& url);

 private:
  struct Validators {
    std::string etag;
    std::string last_modified;
  };
  const Ingester& ingester_;
  std::mutex mutex_;
  std::map<std::string, Validators> validators_;  // By URL.
};

}  // namespace gazette::ingest
