#pragma once
// Gazette's configuration: a TOML file (every key optional, see config/gazette.toml), then
// environment variables over it. Checked as a whole at start: a bad value stops start-up with
// a message that names the key and says what is wrong.
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "cache/cached_pages.hpp"
#include "comments/comment_settings.hpp"
#include "newsroom/newsroom_settings.hpp"
#include "http/server.hpp"
#include "ingest/ingest_settings.hpp"
#include "site/site_settings.hpp"

namespace gazette::app {

struct Config {
  site::SiteSettings site;
  http::ServerSettings server;
  cache::CacheSettings cache;
  comments::CommentSettings comments;  // [comments]
  newsroom::NewsroomSettings newsroom;  // [newsroom]; secure_cookies follows site.base_url
  // A file path for SQLite (created when absent), or a postgresql:// URL.
  std::string database = "gazette.db";
  // Bearer token for machine clients of /api/; empty: the API refuses everyone.
  std::string api_token;
  // How often scheduled articles whose time has come are published ([jobs] publish_interval_ms).
  std::chrono::milliseconds publish_interval{5000};
  ingest::IngestSettings ingest;  // [ingest] (app/ingest_config.hpp, docs/ingest.md)
};

// The environment variables Gazette reads, by name: GAZETTE_LISTEN (host:port),
// GAZETTE_DATABASE, GAZETTE_API_TOKEN. main() passes them in; nothing else reads the environment.
using Environment = std::map<std::string, std::string>;

// Reads the file (when given), applies the environment and checks the result. Throws
// Error kInvalid with "<file>: <key>: <what is wrong>" for unknown keys, wrong types and bad
// values, and kNotFound when the file does not exist.
Config LoadConfig(const std::optional<std::filesystem::path>& file, const Environment& environment);

// Parses "127.0.0.1:8080" or "[::1]:8080" into the server settings' address and port. Throws
// Error kInvalid naming `key` when the text is not host:port.
void ParseListen(std::string_view text, std::string_view key, http::ServerSettings& server);

}  // namespace gazette::app
