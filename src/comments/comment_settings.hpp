#pragma once
// The comment system's settings, read from [comments] in the config file (docs/comments.md).
#include <chrono>
#include <string>
#include <vector>

namespace gazette::comments {

struct CommentSettings {
  bool auto_publish = false;        // False: new comments wait for a moderator.
  int max_length = 2000;            // Code points; longer comments are refused, never cut.
  int max_name_length = 80;         // Code points.
  int max_links = 3;                // More http(s) links than this reads as spam.
  int page_size = 50;               // Approved comments per article page; bounds each render.
  std::chrono::seconds min_fill_time{3};   // People take longer than this to write; bots do not.
  std::chrono::seconds token_ttl{6 * 3600};  // A page left open longer needs a reload.
  int rate_limit = 5;               // Comments per client per rate_window; kept per node, in memory.
  std::chrono::seconds rate_window{60};
  std::vector<std::string> blocked_words;      // Case-insensitive (ASCII) substrings of name or text.
  std::vector<std::string> blocked_addresses;  // Client addresses; a trailing '.' or ':' is a prefix.
  std::string token_key;    // 64 hex digits; empty: generated once and kept in the database.
  std::string client_salt;  // Any text; empty: generated once and kept in the database.
};

}  // namespace gazette::comments
