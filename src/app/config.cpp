#include "app/config.hpp"
#include "app/ingest_config.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

#include <charconv>
#include <set>

#include "http/trusted_proxies.hpp"
#include "news/error.hpp"
#include "news/timestamp.hpp"

namespace gazette::app {
namespace {

// Reads one TOML table, refusing keys it does not know: a typo in a key must not pass silently.
class TableReader {
 public:
  TableReader(const toml::table& table, std::string prefix, std::string file)
      : table_(table), prefix_(std::move(prefix)), file_(std::move(file)) {}

  [[noreturn]] void Fail(std::string_view key, std::string_view what) const {
    throw Error(ErrorKind::kInvalid, fmt::format("{}: {}{}: {}", file_, prefix_, key, what));
  }

  template <typename T>
  void Read(std::string_view key, T& out) {
    known_.insert(std::string(key));
    const toml::node* node = table_.get(key);
    if (!node) return;
    if constexpr (std::is_same_v<T, std::vector<std::string>>) {
      const auto* array = node->as_array();
      if (!array) Fail(key, "must be an array of strings");
      out.clear();
      for (const auto& item : *array) {
        auto text = item.value<std::string>();
        if (!text) Fail(key, "must be an array of strings");
        out.push_back(*text);
      }
    } else if constexpr (std::is_same_v<T, std::string>) {
      auto value = node->value<std::string>();
      if (!value) Fail(key, "must be a string");
      out = *value;
    } else if constexpr (std::is_same_v<T, bool>) {
      auto value = node->value<bool>();
      if (!value) Fail(key, "must be true or false");
      out = *value;
    } else {
      auto value = node->value<std::int64_t>();
      if (!value || !node->is_integer()) Fail(key, "must be a whole number");
      out = static_cast<T>(*value);
    }
  }

  // Fails on the first key that no Read asked for.
  void RefuseUnknown() const {
    for (const auto& [key, _] : table_)
      if (!known_.contains(std::string(key.str())) && !table_.get(key.str())->is_table()) Fail(key.str(), "unknown key");
  }

 private:
  const toml::table& table_;
  std::string prefix_;
  std::string file_;
  std::set<std::string> known_;
};

void CheckRange(const TableReader& reader, std::string_view key, long long value, long long low, long long high) {
  if (value < low || value > high) reader.Fail(key, fmt::format("must be between {} and {}, not {}", low, high, value));
}

void ReadSite(const toml::table& table, const std::string& file, site::SiteSettings& site) {
  TableReader reader(table, "site.", file);
  std::vector<std::string> languages;
  for (auto language : site.languages) languages.emplace_back(news::LanguageCode(language));
  reader.Read("name", site.name);
  reader.Read("base_url", site.base_url);
  reader.Read("languages", languages);
  reader.Read("footer_lines", site.footer_lines);
  reader.Read("timestamp_format", site.timestamp_format);
  reader.Read("page_size", site.page_size);
  reader.Read("related_count", site.related_count);
  reader.Read("home_latest", site.home_latest);
  reader.Read("home_block_size", site.home_block_size);
  reader.RefuseUnknown();

  if (site.name.empty()) reader.Fail("name", "must not be empty");
  if (!site.base_url.starts_with("http://") && !site.base_url.starts_with("https://"))
    reader.Fail("base_url", fmt::format("must start with http:// or https://, not '{}'", site.base_url));
  while (site.base_url.ends_with('/')) site.base_url.pop_back();
  if (languages.empty()) reader.Fail("languages", "must name at least one edition");
  site.languages.clear();
  for (const auto& code : languages) {
    auto language = news::ParseLanguage(code);
    if (!language) reader.Fail("languages", fmt::format("'{}' is not an edition Gazette has (en, ar)", code));
    site.languages.push_back(*language);
  }
  if (!news::IsValidTimestampPattern(site.timestamp_format))
    reader.Fail("timestamp_format", fmt::format("'{}' has a directive other than %Y %m %d %H %M %S %A %B %%",
                                                site.timestamp_format));
  CheckRange(reader, "page_size", site.page_size, 1, 200);
  CheckRange(reader, "related_count", site.related_count, 0, 50);
  CheckRange(reader, "home_latest", site.home_latest, 0, 100);
  CheckRange(reader, "home_block_size", site.home_block_size, 0, 50);
}

void ReadServer(const toml::table& table, const std::string& file, http::ServerSettings& server) {
  TableReader reader(table, "server.", file);
  std::string listen = fmt::format("{}:{}", server.address, server.port);
  long long request_timeout_ms = server.request_timeout.count(), idle_timeout_ms = server.idle_timeout.count(),
            shutdown_grace_ms = server.shutdown_grace.count(), write_timeout_ms = server.write_timeout.count(),
            max_body_bytes = static_cast<long long>(server.max_body_bytes),
            max_target_bytes = static_cast<long long>(server.max_target_bytes),
            max_header_bytes = static_cast<long long>(server.max_header_bytes),
            max_connections = static_cast<long long>(server.max_connections),
            max_in_flight = static_cast<long long>(server.max_in_flight), retry_after_s = server.retry_after.count();
  reader.Read("listen", listen);
  reader.Read("max_connections", max_connections);
  reader.Read("max_in_flight", max_in_flight);
  reader.Read("retry_after_s", retry_after_s);
  reader.Read("threads", server.threads);
  reader.Read("workers", server.workers);
  reader.Read("request_timeout_ms", request_timeout_ms);
  reader.Read("idle_timeout_ms", idle_timeout_ms);
  reader.Read("shutdown_grace_ms", shutdown_grace_ms);
  reader.Read("write_timeout_ms", write_timeout_ms);
  reader.Read("max_body_bytes", max_body_bytes);
  reader.Read("max_target_bytes", max_target_bytes);
  reader.Read("max_header_bytes", max_header_bytes);
  reader.Read("access_log", server.access_log);
  reader.Read("trusted_proxies", server.trusted_proxies);
  reader.RefuseUnknown();
  try {
    http::TrustedProxies check(server.trusted_proxies);
  } catch (const Error& error) {
    reader.Fail("trusted_proxies", error.what());
  }

  ParseListen(listen, file + ": server.listen", server);
  CheckRange(reader, "threads", server.threads, 0, 256);
  CheckRange(reader, "workers", server.workers, 0, 256);
  CheckRange(reader, "request_timeout_ms", request_timeout_ms, 100, 600000);
  CheckRange(reader, "idle_timeout_ms", idle_timeout_ms, 100, 3600000);
  CheckRange(reader, "shutdown_grace_ms", shutdown_grace_ms, 0, 600000);
  CheckRange(reader, "write_timeout_ms", write_timeout_ms, 100, 600000);
  CheckRange(reader, "max_body_bytes", max_body_bytes, 1024, 1LL << 30);
  CheckRange(reader, "max_target_bytes", max_target_bytes, 256, 1 << 20);
  CheckRange(reader, "max_header_bytes", max_header_bytes, 1024, 1 << 20);
  server.request_timeout = std::chrono::milliseconds(request_timeout_ms);
  server.idle_timeout = std::chrono::milliseconds(idle_timeout_ms);
  server.shutdown_grace = std::chrono::milliseconds(shutdown_grace_ms);
  server.write_timeout = std::chrono::milliseconds(write_timeout_ms);
  server.max_body_bytes = static_cast<std::size_t>(max_body_bytes);
  server.max_target_bytes = static_cast<std::size_t>(max_target_bytes);
  server.max_header_bytes = static_cast<std::size_t>(max_header_bytes);
  CheckRange(reader, "max_connections", max_connections, 1, 1000000);
  CheckRange(reader, "max_in_flight", max_in_flight, 1, 1000000);
  CheckRange(reader, "retry_after_s", retry_after_s, 0, 3600);
  server.max_connections = static_cast<std::size_t>(max_connections);
  server.max_in_flight = static_cast<std::size_t>(max_in_flight);
  server.retry_after = std::chrono::seconds(retry_after_s);
}

void ReadCache(const toml::table& table, const std::string& file, cache::CacheSettings& cache) {
  TableReader reader(table, "cache.", file);
  long long max_mb = static_cast<long long>(cache.max_bytes >> 20);
  reader.Read("enabled", cache.enabled);
  reader.Read("max_mb", max_mb);
  reader.Read("cache_control", cache.cache_control);
  reader.Read("gzip_level", cache.gzip_level);
  reader.Read("brotli_quality", cache.brotli_quality);
  reader.RefuseUnknown();
  CheckRange(reader, "max_mb", max_mb, 1, 1 << 20);
  CheckRange(reader, "gzip_level", cache.gzip_level, 1, 9);
  CheckRange(reader, "brotli_quality", cache.brotli_quality, 0, 11);
  for (char c : cache.cache_control)
    if (c == '\r' || c == '\n' || c == '\0') reader.Fail("cache_control", "must be one line");
  cache.max_bytes = static_cast<std::size_t>(max_mb) << 20;
}

void ReadComments(const toml::table& table, const std::string& file, comments::CommentSettings& comments) {
  TableReader reader(table, "comments.", file);
  long long min_fill_seconds = comments.min_fill_time.count(), token_ttl_seconds = comments.token_ttl.count(),
            rate_window_seconds = comments.rate_window.count();
  reader.Read("auto_publish", comments.auto_publish);
  reader.Read("max_length", comments.max_length);
  reader.Read("max_name_length", comments.max_name_length);
  reader.Read("max_links", comments.max_links);
  reader.Read("page_size", comments.page_size);
  reader.Read("min_fill_seconds", min_fill_seconds);
  reader.Read("token_ttl_seconds", token_ttl_seconds);
  reader.Read("rate_limit", comments.rate_limit);
  reader.Read("rate_window_seconds", rate_window_seconds);
  reader.Read("blocked_words", comments.blocked_words);
  reader.Read("blocked_addresses", comments.blocked_addresses);
  reader.Read("token_key", comments.token_key);
  reader.Read("client_salt", comments.client_salt);
  reader.RefuseUnknown();
  CheckRange(reader, "max_length", comments.max_length, 1, 100000);
  CheckRange(reader, "max_name_length", comments.max_name_length, 1, 1000);
  CheckRange(reader, "max_links", comments.max_links, 0, 1000);
  CheckRange(reader, "page_size", comments.page_size, 1, 500);
  CheckRange(reader, "min_fill_seconds", min_fill_seconds, 0, 3600);
  CheckRange(reader, "token_ttl_seconds", token_ttl_seconds, 1, 30 * 86400);
  CheckRange(reader, "rate_limit", comments.rate_limit, 1, 1000000);
  CheckRange(reader, "rate_window_seconds", rate_window_seconds, 1, 86400);
  if (min_fill_seconds >= token_ttl_seconds) reader.Fail("min_fill_seconds", "must be less than token_ttl_seconds");
  if (!comments.token_key.empty() &&
      (comments.token_key.size() != 64 ||
       comments.token_key.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos))
    reader.Fail("token_key", "must be 64 hex digits (32 random bytes), or empty to keep one in the database");
  comments.min_fill_time = std::chrono::seconds(min_fill_seconds);
  comments.token_ttl = std::chrono::seconds(token_ttl_seconds);
  comments.rate_window = std::chrono::seconds(rate_window_seconds);
}

}  // namespace

void ParseListen(std::string_view text, std::string_view key, http::ServerSettings& server) {
  const auto colon = text.rfind(':');
  auto fail = [&] {
    throw Error(ErrorKind::kInvalid, fmt::format("{}: '{}' is not host:port (e.g. 127.0.0.1:8080)", key, text));
  };
  if (colon == std::string_view::npos || colon == 0) fail();
  std::string_view host = text.substr(0, colon), port_text = text.substr(colon + 1);
  if (host.starts_with('[') && host.ends_with(']')) host = host.substr(1, host.size() - 2);
  unsigned port = 0;
  auto [ptr, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc() || ptr != port_text.data() + port_text.size() || port > 65535 || host.empty()) fail();
  server.address = std::string(host);
  server.port = static_cast<std::uint16_t>(port);
}

void ReadNewsroom(const toml::table& table, const std::string& file, newsroom::NewsroomSettings& newsroom) {
  TableReader reader(table, "newsroom.", file);
  long long idle = newsroom.session_idle.count(), absolute = newsroom.session_absolute.count(),
            lock_for = newsroom.lock_for.count();
  reader.Read("session_idle_seconds", idle);
  reader.Read("session_absolute_seconds", absolute);
  reader.Read("slow_after", newsroom.slow_after);
  reader.Read("lock_after", newsroom.lock_after);
  reader.Read("lock_seconds", lock_for);
  reader.Read("page_size", newsroom.page_size);
  reader.RefuseUnknown();
  CheckRange(reader, "session_idle_seconds", idle, 1, 30LL * 24 * 3600);
  CheckRange(reader, "session_absolute_seconds", absolute, 1, 365LL * 24 * 3600);
  CheckRange(reader, "slow_after", newsroom.slow_after, 1, 1000);
  CheckRange(reader, "lock_after", newsroom.lock_after, 1, 1000);
  CheckRange(reader, "lock_seconds", lock_for, 1, 30LL * 24 * 3600);
  CheckRange(reader, "page_size", newsroom.page_size, 1, 500);
  newsroom.session_idle = std::chrono::seconds(idle);
  newsroom.session_absolute = std::chrono::seconds(absolute);
  newsroom.lock_for = std::chrono::seconds(lock_for);
}

Config LoadConfig(const std::optional<std::filesystem::path>& file, const Environment& environment) {
  Config config;
  if (file) {
    const std::string name = file->string();
    if (!std::filesystem::exists(*file)) throw Error(ErrorKind::kNotFound, fmt::format("{}: no such config file", name));
    toml::table root;
    try {
      root = toml::parse_file(name);
    } catch (const toml::parse_error& e) {
      throw Error(ErrorKind::kInvalid, fmt::format("{}:{}:{}: {}", name, e.source().begin.line,
                                                   e.source().begin.column, e.description()));
    }
    TableReader top(root, "", name);
    auto section = [&](std::string_view key) -> const toml::table* {
      const toml::node* node = root.get(key);
      if (node && !node->is_table()) top.Fail(key, "must be a table");
      return node ? node->as_table() : nullptr;
    };
    for (const auto& [key, node] : root)
      if (!std::set<std::string_view>{"site", "server", "database", "api", "cache", "jobs", "comments", "ingest", "newsroom"}.contains(key.str()))
        top.Fail(key.str(), "unknown section or key");
    if (const auto* site = section("site")) ReadSite(*site, name, config.site);
    if (const auto* server = section("server")) ReadServer(*server, name, config.server);
    if (const auto* cache = section("cache")) ReadCache(*cache, name, config.cache);
    if (const auto* comments = section("comments")) ReadComments(*comments, name, config.comments);
    if (const auto* ingest = section("ingest")) ReadIngest(*ingest, name, config.ingest);
    if (const auto* database = section("database")) {
      TableReader reader(*database, "database.", name);
      reader.Read("url", config.database);
      reader.RefuseUnknown();
    }
    if (const auto* jobs = section("jobs")) {
      TableReader reader(*jobs, "jobs.", name);
      long long publish_interval_ms = config.publish_interval.count();
      reader.Read("publish_interval_ms", publish_interval_ms);
      reader.RefuseUnknown();
      CheckRange(reader, "publish_interval_ms", publish_interval_ms, 100, 3600000);
      config.publish_interval = std::chrono::milliseconds(publish_interval_ms);
    }
    if (const auto* newsroom = section("newsroom")) ReadNewsroom(*newsroom, name, config.newsroom);
    if (const auto* api = section("api")) {
      TableReader reader(*api, "api.", name);
      reader.Read("token", config.api_token);
      reader.RefuseUnknown();
    }
  }
  if (auto it = environment.find("GAZETTE_LISTEN"); it != environment.end())
    ParseListen(it->second, "GAZETTE_LISTEN", config.server);
  if (auto it = environment.find("GAZETTE_DATABASE"); it != environment.end()) config.database = it->second;
  if (auto it = environment.find("GAZETTE_API_TOKEN"); it != environment.end()) config.api_token = it->second;
  // Session cookies travel only over HTTPS when the site is served over it.
  config.newsroom.secure_cookies = config.site.base_url.starts_with("https://");
  if (config.database.empty()) throw Error(ErrorKind::kInvalid, "database.url (GAZETTE_DATABASE): must not be empty");
  return config;
}

}  // namespace gazette::app
