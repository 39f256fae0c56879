#pragma once
// One wire file (from a drop folder, a push or a feed) to the store: parse, map every item,
// apply each version through the ledger, announce what changed. docs/ingest.md.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ingest/ingest_settings.hpp"
#include "ingest/parse_error.hpp"
#include "news/changes.hpp"
#include "news/wire_item.hpp"
#include "store/wire_store.hpp"

namespace gazette::ingest {

// What became of one item of the file.
struct ItemReport {
  std::string guid;
  std::int64_t version = 0;
  std::optional<store::WireOutcome> outcome;  // Nothing when the item was refused.
  std::optional<news::ArticleId> article_id;
  std::string path;    // The article's public path when it is published.
  std::string status;  // The article's status: "published", "draft", "scheduled", "unpublished".
  std::string reason;  // Why the item was refused or skipped.
};

struct FileReport {
  news::WireFormat format = news::WireFormat::kNewsMlG2;
  std::vector<ItemReport> items;  // Applied, stale and refused items, in file order.
  int applied = 0;  // Created, updated or withdrawn.
  int stale = 0;
  int refused = 0;  // Skipped by the parser or refused by the mapping.
};

// Thrown when a file must be quarantined although it parsed: it held no item that could be
// applied (every one refused). The reason is the first item's.
class Unusable : public ParseError {
 public:
  using ParseError::ParseError;
};

class Ingester {
 public:
  using Clock = std::function<news::TimePoint()>;
  Ingester(store::WireStore& store, IngestSettings settings, news::Announce announce, Clock clock = {});

  // Parses and applies one file for `source`. Throws ParseError (Unusable included) when the
  // file goes to quarantine: its bytes are not a wire file, or none of its items can be
  // applied. A feed with no items is an empty report. Throws Error for store failures: those
  // are not the file's fault, and the file should be tried again later. Thread-safe.
  FileReport Ingest(const SourceSettings& source, std::string_view bytes) const;

  const IngestSettings& settings() const { return settings_; }

 private:
  store::WireStore& store_;
  const IngestSettings settings_;
  const news::Announce announce_;
  const Clock clock_;
};

}  // namespace gazette::ingest
