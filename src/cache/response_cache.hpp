#pragma once
// The whole-response cache: rendered pages with their compressed variants, kept within a byte
// budget (least recently used out first), each tagged with what it shows so that a change drops
// exactly the pages it touches. Knows nothing about news: tags are opaque strings. See
// docs/caching.md.
#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <list>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "cache/content_coding.hpp"
#include "http/response.hpp"

namespace gazette::cache {

// One cached response. Immutable once built and shared by every reader: a hit copies a pointer.
struct CachedPage {
  // The handler's own header fields (Content-Type, ...), without validators or coding fields.
  std::vector<std::pair<std::string, std::string>> headers;
  // One body per Coding; null when that coding did not make the body smaller (send identity),
  // or was not tried yet.
  std::array<std::shared_ptr<const std::string>, kCodings> bodies;
  // Whether each coding was tried. A page is compressed in a coding when a client first asks
  // for it: most archive pages are asked for once, in one coding, and never need the others.
  std::array<bool, kCodings> encoded{};
  std::array<std::string, kCodings> etags;  // Strong, one per representation: "\"<hash>-br\"".
  std::string last_modified;                // An HTTP date: when this page was rendered.
  // Per coding (null where bodies[i] is): the header fields of a hit on it, built and
  // serialized once, so that a hit copies two pointers.
  std::array<std::shared_ptr<const http::PreparedHead>, kCodings> hit_heads;
  std::vector<std::string> tags;            // What the page shows: "article:42", "site".

  // What the page holds in memory, for the budget.
  std::size_t Bytes() const;
};

struct CacheStats {
  std::size_t entries = 0;
  std::size_t bytes = 0;
  std::uint64_t hits = 0;
  std::uint64_t misses = 0;
  std::uint64_t evictions = 0;      // Dropped for the budget.
  std::uint64_t invalidations = 0;  // Dropped because a tag they carry changed.
  std::uint64_t refused = 0;        // Inserts refused: rendered before a change to one of their tags.
};

// Thread-safe. Entries live in shards (by key hash), each with its own lock, LRU list, tag index
// and an equal part of the budget, so that readers on different threads seldom wait on each
// other.
class ResponseCache {
 public:
  explicit ResponseCache(std::size_t max_bytes);

  // The page stored under `key`, or null. A hit makes the entry the most recently used.
  // `count_miss` false: a first look that a counted one follows on a miss.
  std::shared_ptr<const CachedPage> Find(std::string_view key, bool count_miss = true);

  // Take this before reading what a page shows, and pass it to Insert: the cache then refuses a
  // page that was rendered while a change to one of its tags was being announced.
  std::uint64_t Epoch() const { return epoch_.load(std::memory_order_acquire); }

  // Stores `page` under `key` (replacing any page there), evicting least recently used entries of
  // its shard to stay within budget. Returns false, storing nothing, when a page is larger than a
  // shard's budget or when an Invalidate since `epoch` named one of its tags (or so many
  // invalidations happened since that the cache no longer knows their tags).
  bool Insert(std::string key, std::shared_ptr<const CachedPage> page, std::uint64_t epoch);

  // Drops every entry carrying any of `tags`, and makes later Inserts of pages rendered before
  // this call that carry one of them fail. Returns the number of entries dropped.
  std::size_t Invalidate(const std::vector<std::string>& tags);

  // Drops everything, and makes later Inserts of pages rendered before this call fail.
  void Clear();

  CacheStats Stats() const;

 private:
  static constexpr std::size_t kShards = 16;
  // Recent invalidations kept to check racing Inserts against; older epochs are refused.
  static constexpr std::size_t kRecentInvalidations = 256;

  struct Entry {
    std::shared_ptr<const CachedPage> page;
    std::size_t bytes = 0;
    std::list<std::string>::iterator lru;  // Into Shard::lru, front = most recent.
  };
  // Finds by string_view without building a string: a hit allocates nothing here.
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
  };
  using Entries = std::unordered_map<std::string, Entry, KeyHash, std::equal_to<>>;
  struct Shard {
    mutable std::mutex mutex;
    Entries entries;
    // Counted under the shard's lock, which a lookup holds anyway: one shared atomic counter
    // would bounce its cache line between the I/O threads on every hit.
    std::uint64_t hits = 0;
    std::uint64_t misses = 0;
    std::list<std::string> lru;
    std::unordered_map<std::string, std::unordered_set<std::string>> keys_by_tag;
    std::size_t bytes = 0;
  };
  struct Invalidation {
    std::uint64_t epoch;
    std::vector<std::string> tags;
  };

  Shard& ShardFor(std::string_view key);
  // With the shard locked: unlinks the entry from the LRU list, the tag index and the byte count.
  static void Erase(Shard& shard, Entries::iterator it);
  bool ChangedSince(std::uint64_t epoch, const std::vector<std::string>& tags) const;

  const std::size_t shard_budget_;
  std::array<Shard, kShards> shards_;
  // Inserts hold it shared, Invalidate exclusively: an Insert checks the recent changes and
  // stores its page with no Invalidate in between.
  mutable std::shared_mutex changes_mutex_;
  std::deque<Invalidation> recent_;  // Guarded by changes_mutex_.
  std::atomic<std::uint64_t> epoch_{0};
  std::atomic<std::uint64_t> evictions_{0}, invalidations_{0}, refused_{0};
};

}  // namespace gazette::cache
