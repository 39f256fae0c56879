#pragma once
// Signed, expiring form tokens: the comment form carries one, and a comment without a valid one
// is refused (docs/comments.md, "Form tokens"). A token is 128 hex digits:
// article id (8 bytes, big-endian) | issued at, Unix seconds (8) | random nonce (16) |
// crypto_auth (HMAC-SHA-512-256) of those 32 bytes (32).
#include <array>
#include <chrono>
#include <string>
#include <string_view>

#include "news/article.hpp"

namespace gazette::comments {

enum class TokenCheck { kValid, kMissing, kForged, kExpired, kTooFast };

class FormTokens {
 public:
  using Key = std::array<unsigned char, 32>;
  // Thread-safe: the key never changes.
  FormTokens(const Key& key, std::chrono::seconds ttl, std::chrono::seconds min_fill_time)
      : key_(key), ttl_(ttl), min_fill_time_(min_fill_time) {}

  std::string Issue(news::ArticleId article_id, news::TimePoint now) const;

  // kMissing for an empty token, kForged for a malformed one, a wrong signature or another
  // article's token, kExpired after ttl (or issued in the future), kTooFast before min_fill_time.
  TokenCheck Check(std::string_view token, news::ArticleId article_id, news::TimePoint now) const;

 private:
  Key key_;
  std::chrono::seconds ttl_;
  std::chrono::seconds min_fill_time_;
};

// Reads 64 hex digits into a key; nothing for anything else.
std::optional<FormTokens::Key> ParseKey(std::string_view hex);
std::string KeyToHex(const FormTokens::Key& key);
FormTokens::Key RandomKey();

}  // namespace gazette::comments
