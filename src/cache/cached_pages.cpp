// Flow, keys and headers: docs/caching.md.
#include "cache/cached_pages.hpp"

#include <algorithm>
#include <chrono>

#include <boost/beast/core/string.hpp>

#include "http/http_date.hpp"
#include "news/content_hash.hpp"

namespace gazette::cache {
namespace {

// Header fields the cache sets itself; a handler's copy would contradict them.
bool IsCacheField(std::string_view name) {
  for (std::string_view own : {"Cache-Control", "Content-Encoding", "ETag", "Last-Modified", "Vary", "X-Cache"}) {
    if (boost::beast::iequals(name, own)) return true;
  }
  return false;
}

}  // namespace

std::string CachedPages::Key(const http::Request& request) const {
  std::string key = request.path;
  char separator = '?';
  for (const auto& name : settings_.varying_query) {
    auto [first, last] = request.query.equal_range(name);
    for (auto it = first; it != last; ++it) {
      key += separator;
      key += name;
      key += '=';
      key += it->second;
      separator = '&';
    }
  }
  return key;
}

std::shared_ptr<const CachedPage> CachedPages::MakePage(http::Response response, Coding coding) const {
  auto page = std::make_shared<CachedPage>();
  for (auto& header : response.headers)
    if (!IsCacheField(header.first)) page->headers.push_back(std::move(header));
  auto identity = response.shared_body ? response.shared_body
                                       : std::make_shared<const std::string>(std::move(response.body));
  page->etags[0] = "\"" + news::ContentHash(*identity) + "\"";
  page->bodies[0] = std::move(identity);
  page->last_modified = http::FormatHttpDate(std::chrono::system_clock::now());
  page->tags = std::move(response.cache_tags);
  Encode(*page, Coding::kIdentity);
  if (coding != Coding::kIdentity) Encode(*page, coding);
  return page;
}

std::shared_ptr<const CachedPage> CachedPages::WithCoding(const CachedPage& page, Coding coding) const {
  auto copy = std::make_shared<CachedPage>(page);
  Encode(*copy, coding);
  return copy;
}

void CachedPages::Encode(CachedPage& page, Coding coding) const {
  const auto index = static_cast<std::size_t>(coding);
  page.encoded[index] = true;
  if (coding != Coding::kIdentity) {
    const std::string& identity = *page.bodies[0];
    std::string variant = coding == Coding::kGzip ? Gzip(identity, settings_.gzip_level)
                                                  : Brotli(identity, settings_.brotli_quality);
    // Only variants that are smaller are worth their memory and the client's CPU.
    if (variant.size() >= identity.size()) return;
    page.bodies[index] = std::make_shared<const std::string>(std::move(variant));
    const std::string& plain = page.etags[0];  // "\"<hash>\"" -> "\"<hash>-br\""
    page.etags[index] = plain.substr(0, plain.size() - 1) + "-" + std::string(CodingName(coding)) + "\"";
  }
  auto headers = AnswerFields(page, index, true);
  std::string wire = http::SerializeHeaderFields(headers);
  page.hit_heads[index] = std::make_shared<const http::PreparedHead>(std::move(headers), std::move(wire));
}

std::shared_ptr<const CachedPage> CachedPages::Ready(const std::string& key, std::shared_ptr<const CachedPage> page,
                                                     Coding coding, std::uint64_t epoch) const {
  if (page->encoded[static_cast<std::size_t>(coding)]) return page;
  auto fuller = WithCoding(*page, coding);
  // Refused, like a render, if what the page shows changed since `epoch`; this answer is then
  // as fresh as one that raced with the change.
  cache_.Insert(key, fuller, epoch);
  return fuller;
}

http::HeaderFields CachedPages::AnswerFields(const CachedPage& page, std::size_t index, bool hit) const {
  http::HeaderFields headers;
  headers.reserve(page.headers.size() + 6);
  headers = page.headers;
  if (index != 0) headers.emplace_back("Content-Encoding", std::string(CodingName(static_cast<Coding>(index))));
  headers.emplace_back("Vary", "Accept-Encoding");
  headers.emplace_back("ETag", page.etags[index]);
  headers.emplace_back("Last-Modified", page.last_modified);
  headers.emplace_back("Cache-Control", settings_.cache_control);
  headers.emplace_back("X-Cache", hit ? "hit" : "miss");
  return headers;
}

http::Response CachedPages::Answer(const CachedPage& page, Coding coding, bool hit) const {
  auto index = static_cast<std::size_t>(coding);
  if (!page.bodies[index]) index = 0;
  http::Response response;
  response.shared_body = page.bodies[index];
  // Hits are most answers: their header fields were built once, when the page was stored.
  if (hit) response.prepared_head = page.hit_heads[index];
  else response.headers = AnswerFields(page, index, false);
  return response;
}

std::optional<http::Response> CachedPages::Hit(const http::Request& request) const {
  if (!settings_.enabled) return std::nullopt;
  if (request.method != http::Method::kGet && request.method != http::Method::kHead) return std::nullopt;
  // Most requests carry no varying parameter: their key is the path, looked up as it is.
  const bool plain = std::none_of(settings_.varying_query.begin(), settings_.varying_query.end(),
                                  [&](const std::string& name) { return request.query.contains(name); });
  auto page = plain ? cache_.Find(request.path, false) : cache_.Find(Key(request), false);
  if (!page) return std::nullopt;
  const Coding coding = NegotiateCoding(request.Header("accept-encoding").value_or(""));
  // Compressing takes a while: the wrapped handler does it, off the I/O thread.
  if (!page->encoded[static_cast<std::size_t>(coding)]) return std::nullopt;
  return Answer(*page, coding, true);
}

http::Handler CachedPages::Wrap(http::Handler handler) const {
  if (!settings_.enabled) return handler;
  return [this, handler = std::move(handler)](const http::Request& request, const http::PathParams& params) {
    if (request.method != http::Method::kGet && request.method != http::Method::kHead) return handler(request, params);
    const Coding coding = NegotiateCoding(request.Header("accept-encoding").value_or(""));
    std::string key = Key(request);
    const auto epoch = cache_.Epoch();
    if (auto page = cache_.Find(key)) return Answer(*Ready(key, std::move(page), coding, epoch), coding, true);
    return RenderOnce(handler, request, params, std::move(key), coding);
  };
}

http::Response CachedPages::RenderOnce(const http::Handler& handler, const http::Request& request,
                                       const http::PathParams& params, std::string key, Coding coding) const {
  std::shared_ptr<Render> render;
  bool first = false;
  {
    std::lock_guard lock(renders_mutex_);
    auto& slot = renders_[key];
    if (!slot) {
      slot = std::make_shared<Render>();
      first = true;
    }
    render = slot;
  }
  if (!first) {
    // The render in progress runs on another worker: this one would spend the same time
    // rendering the same page.
    std::unique_lock lock(render->mutex);
    const bool done = render->done_signal.wait_for(lock, kRenderWait, [&] { return render->done; });
    const bool stored = done && render->page;
    lock.unlock();
    // From the cache, not from the render: a change since it was stored has dropped it there.
    const auto epoch = cache_.Epoch();
    if (stored)
      if (auto page = cache_.Find(key, false)) return Answer(*Ready(key, std::move(page), coding, epoch), coding, false);
    http::Response response = handler(request, params);
    if (response.status != 200 || response.cache_tags.empty()) return response;
    auto page = MakePage(std::move(response), coding);
    cache_.Insert(std::move(key), page, epoch);
    return Answer(*page, coding, false);
  }

  // Whatever happens (also an exception), the waiters are released and the key freed.
  std::shared_ptr<const CachedPage> stored;
  struct Finish {
    const CachedPages& pages;
    const std::string& key;
    Render& render;
    std::shared_ptr<const CachedPage>& stored;
    ~Finish() {
      {
        std::lock_guard lock(render.mutex);
        render.done = true;
        render.page = stored;
      }
      render.done_signal.notify_all();
      std::lock_guard lock(pages.renders_mutex_);
      pages.renders_.erase(key);
    }
  } finish{*this, key, *render, stored};

  const auto epoch = cache_.Epoch();  // Before the handler reads what the page shows.
  http::Response response = handler(request, params);
  if (response.status != 200 || response.cache_tags.empty()) return response;
  auto page = MakePage(std::move(response), coding);
  // Waiters get the page only if it was stored: a refused one was rendered before a change.
  if (cache_.Insert(key, page, epoch)) stored = page;
  return Answer(*page, coding, false);
}

}  // namespace gazette::cache
