#include "cache/response_cache.hpp"

#include <algorithm>
#include <functional>

namespace gazette::cache {

std::size_t CachedPage::Bytes() const {
  // Node, strings and bookkeeping: a fixed allowance keeps the sum honest for tiny pages.
  std::size_t bytes = sizeof(CachedPage) + 256;
  for (const auto& body : bodies)
    if (body) bytes += body->size();
  for (const auto& [name, value] : headers) bytes += name.size() + value.size() + 64;
  for (const auto& etag : etags) bytes += etag.size();
  for (const auto& head : hit_heads) {
    if (!head) continue;
    bytes += head->wire.size() + 32;
    for (const auto& [name, value] : head->headers) bytes += name.size() + value.size() + 64;
  }
  for (const auto& tag : tags) bytes += 2 * tag.size() + 96;  // In the page and in the tag index.
  return bytes;
}

ResponseCache::ResponseCache(std::size_t max_bytes) : shard_budget_(max_bytes / kShards) {}

ResponseCache::Shard& ResponseCache::ShardFor(std::string_view key) {
  return shards_[std::hash<std::string_view>{}(key) % kShards];
}

std::shared_ptr<const CachedPage> ResponseCache::Find(std::string_view key, bool count_miss) {
  Shard& shard = ShardFor(key);
  std::lock_guard lock(shard.mutex);
  auto it = shard.entries.find(key);
  if (it == shard.entries.end()) {
    if (count_miss) ++shard.misses;
    return nullptr;
  }
  shard.lru.splice(shard.lru.begin(), shard.lru, it->second.lru);
  ++shard.hits;
  return it->second.page;
}

void ResponseCache::Erase(Shard& shard, Entries::iterator it) {
  for (const auto& tag : it->second.page->tags) {
    auto keys = shard.keys_by_tag.find(tag);
    if (keys == shard.keys_by_tag.end()) continue;
    keys->second.erase(it->first);
    if (keys->second.empty()) shard.keys_by_tag.erase(keys);
  }
  shard.lru.erase(it->second.lru);
  shard.bytes -= it->second.bytes;
  shard.entries.erase(it);
}

bool ResponseCache::ChangedSince(std::uint64_t epoch, const std::vector<std::string>& tags) const {
  if (epoch == epoch_.load(std::memory_order_acquire)) return false;
  // The oldest change still known must be the first after `epoch`, or some are forgotten.
  if (recent_.empty() || recent_.front().epoch > epoch + 1) return true;
  for (const auto& change : recent_) {
    if (change.epoch <= epoch) continue;
    for (const auto& tag : change.tags)
      if (std::find(tags.begin(), tags.end(), tag) != tags.end()) return true;
  }
  return false;
}

bool ResponseCache::Insert(std::string key, std::shared_ptr<const CachedPage> page, std::uint64_t epoch) {
  const std::size_t bytes = page->Bytes() + key.size();
  std::shared_lock changes(changes_mutex_);
  if (bytes > shard_budget_ || ChangedSince(epoch, page->tags)) {
    refused_.fetch_add(1, std::memory_order_relaxed);
    return false;
  }
  Shard& shard = ShardFor(key);
  std::lock_guard lock(shard.mutex);
  if (auto old = shard.entries.find(key); old != shard.entries.end()) Erase(shard, old);
  while (shard.bytes + bytes > shard_budget_ && !shard.lru.empty()) {
    Erase(shard, shard.entries.find(shard.lru.back()));
    evictions_.fetch_add(1, std::memory_order_relaxed);
  }
  shard.lru.push_front(key);
  for (const auto& tag : page->tags) shard.keys_by_tag[tag].insert(key);
  shard.bytes += bytes;
  shard.entries.emplace(std::move(key), Entry{std::move(page), bytes, shard.lru.begin()});
  return true;
}

std::size_t ResponseCache::Invalidate(const std::vector<std::string>& tags) {
  std::unique_lock changes(changes_mutex_);
  const std::uint64_t epoch = epoch_.load(std::memory_order_relaxed) + 1;
  recent_.push_back({epoch, tags});
  if (recent_.size() > kRecentInvalidations) recent_.pop_front();
  epoch_.store(epoch, std::memory_order_release);

  std::size_t dropped = 0;
  for (Shard& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    for (const auto& tag : tags) {
      auto keys = shard.keys_by_tag.find(tag);
      if (keys == shard.keys_by_tag.end()) continue;
      // Erase() edits this set: take the keys first.
      std::vector<std::string> doomed(keys->second.begin(), keys->second.end());
      for (const auto& key : doomed) {
        if (auto it = shard.entries.find(key); it != shard.entries.end()) {
          Erase(shard, it);
          ++dropped;
        }
      }
    }
  }
  invalidations_.fetch_add(dropped, std::memory_order_relaxed);
  return dropped;
}

void ResponseCache::Clear() {
  std::unique_lock changes(changes_mutex_);
  // A new epoch with no known change behind it: pages rendered before this are all refused.
  recent_.clear();
  epoch_.store(epoch_.load(std::memory_order_relaxed) + 1, std::memory_order_release);
  for (Shard& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    shard.entries.clear();
    shard.lru.clear();
    shard.keys_by_tag.clear();
    shard.bytes = 0;
  }
}

CacheStats ResponseCache::Stats() const {
  CacheStats stats;
  for (const Shard& shard : shards_) {
    std::lock_guard lock(shard.mutex);
    stats.entries += shard.entries.size();
    stats.bytes += shard.bytes;
    stats.hits += shard.hits;
    stats.misses += shard.misses;
  }
  stats.evictions = evictions_.load(std::memory_order_relaxed);
  stats.invalidations = invalidations_.load(std::memory_order_relaxed);
  stats.refused = refused_.load(std::memory_order_relaxed);
  return stats;
}

}  // namespace gazette::cache
