#pragma once
// Puts the response cache in front of page handlers: a hit is answered from the stored bytes in
// the coding the client accepts; a miss renders, compresses once, stores and answers. See
// docs/caching.md.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "cache/response_cache.hpp"
#include "http/request.hpp"
#include "http/response.hpp"
#include "http/router.hpp"

namespace gazette::cache {

struct CacheSettings {
  bool enabled = true;  // false: every request renders (to measure the renderer, or to debug).
  // Memory for cached pages and their variants. A page of 30 KB with its variants takes ~45 KB,
  // so 256 MB holds ~5,000 pages: the ones readers want now, the archive renders on demand.
  std::size_t max_bytes = 256u << 20;
  // For browsers and a CDN in front. A CDN may serve a page up to s-maxage old, and a stale one
  // while it revalidates: changes reach readers through it within about five minutes.
  std::string cache_control = "public, max-age=60, s-maxage=300, stale-while-revalidate=600";
  int gzip_level = 6;      // zlib 1-9: 6 gives most of 9's size at a third of its time.
  int brotli_quality = 5;  // 0-11: 5 beats gzip -9 in size at gzip's speed; 11 takes ~50x longer.
  // The query parameters a page depends on. Others are left out of the key, so that
  // "?x=<random>" cannot push the pages readers want out of the cache.
  std::vector<std::string> varying_query = {"page"};
};

// Thread-safe.
class CachedPages {
 public:
  // `cache` must outlive this object and every handler Wrap returns.
  CachedPages(ResponseCache& cache, CacheSettings settings) : cache_(cache), settings_(std::move(settings)) {}

  // A handler that answers GET and HEAD from the cache, and otherwise calls `handler`. Only 200
  // responses that carry cache tags are stored; others pass through untouched, as does
  // everything when the cache is off. Answers carry X-Cache: hit or miss, ETag (strong, one per
  // coding), Last-Modified, Vary: Accept-Encoding and Cache-Control; the session turns a hit on
  // If-None-Match or If-Modified-Since into a 304. Misses of one key are coalesced: while one
  // request renders it, others for the same key wait (at most kRenderWait) and share the page
  // when it was stored; otherwise (not cacheable, refused, too slow) each renders its own.
  http::Handler Wrap(http::Handler handler) const;

  // How long a request waits for another's render of its page before rendering it itself.
  static constexpr std::chrono::seconds kRenderWait{5};

  // The stored answer to a GET or HEAD, or nothing (a miss, or the cache is off): for
  // http::Router::SetShortcut, so that hits skip routing. Counts hits, not misses; the wrapped
  // handler that routing then reaches counts the miss.
  std::optional<http::Response> Hit(const http::Request& request) const;

  // The key of a request: its path and the varying query parameters, in a fixed order.
  std::string Key(const http::Request& request) const;

  // A 200 response with its validators, ready to store: the body, and its variant in `coding`
  // when that is smaller. The body moves out of `response`.
  std::shared_ptr<const CachedPage> MakePage(http::Response response, Coding coding) const;


  // The answer to a request for `page` in `coding`: headers plus the shared bytes, no copy.
  http::Response Answer(const CachedPage& page, Coding coding, bool hit) const;

 private:
  // One render of a key in progress; requests for the same key wait for it instead of rendering
  // it again (a story breaks, its pages are dropped, thousands of readers ask at once).
  struct Render {
    std::mutex mutex;
    std::condition_variable done_signal;
    bool done = false;                         // Guarded by mutex.
    std::shared_ptr<const CachedPage> page;  // Set when done and stored; null: render yourself.
  };
  // The header fields of an answer with bodies[index].
  http::HeaderFields AnswerFields(const CachedPage& page, std::size_t index, bool hit) const;
  // A copy of `page` with `coding` tried too.
  std::shared_ptr<const CachedPage> WithCoding(const CachedPage& page, Coding coding) const;
  // Tries `coding` on page: its variant when smaller, its ETag and its hit head.
  void Encode(CachedPage& page, Coding coding) const;
  // `page` (found under `key` after `epoch`) when it has tried `coding`, else a copy that has,
  // stored in its place.
  std::shared_ptr<const CachedPage> Ready(const std::string& key, std::shared_ptr<const CachedPage> page,
                                          Coding coding, std::uint64_t epoch) const;
  // Renders `key` once for all who ask meanwhile; see Wrap.
  http::Response RenderOnce(const http::Handler& handler, const http::Request& request,
                            const http::PathParams& params, std::string key, Coding coding) const;

  ResponseCache& cache_;
  const CacheSettings settings_;
  mutable std::mutex renders_mutex_;
  mutable std::unordered_map<std::string, std::shared_ptr<Render>> renders_;  // By key.
};

}  // namespace gazette::cache
