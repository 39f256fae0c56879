// Form tokens; docs/comments.md, "Form tokens".
#include "comments/form_token.hpp"

#include <sodium.h>

#include <optional>

namespace gazette::comments {
namespace {

constexpr std::size_t kPayloadBytes = 32;
constexpr std::size_t kTokenBytes = kPayloadBytes + crypto_auth_BYTES;
static_assert(crypto_auth_KEYBYTES == 32);

void PutBigEndian(unsigned char* out, std::uint64_t value) {
  for (int i = 7; i >= 0; --i, value >>= 8) out[i] = static_cast<unsigned char>(value & 0xff);
}

std::uint64_t GetBigEndian(const unsigned char* in) {
  std::uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value = (value << 8) | in[i];
  return value;
}

std::string Hex(const unsigned char* bytes, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

}  // namespace

std::string FormTokens::Issue(news::ArticleId article_id, news::TimePoint now) const {
  unsigned char token[kTokenBytes];
  PutBigEndian(token, static_cast<std::uint64_t>(article_id));
  PutBigEndian(token + 8, static_cast<std::uint64_t>(now.time_since_epoch().count()));
  randombytes_buf(token + 16, 16);
  crypto_auth(token + kPayloadBytes, token, kPayloadBytes, key_.data());
  return Hex(token, kTokenBytes);
}

TokenCheck FormTokens::Check(std::string_view hex, news::ArticleId article_id, news::TimePoint now) const {
  if (hex.empty()) return TokenCheck::kMissing;
  unsigned char token[kTokenBytes];
  std::size_t size = 0;
  const char* end = nullptr;
  if (hex.size() != kTokenBytes * 2 ||
      sodium_hex2bin(token, sizeof token, hex.data(), hex.size(), nullptr, &size, &end) != 0 || size != kTokenBytes)
    return TokenCheck::kForged;
  if (crypto_auth_verify(token + kPayloadBytes, token, kPayloadBytes, key_.data()) != 0) return TokenCheck::kForged;
  if (GetBigEndian(token) != static_cast<std::uint64_t>(article_id)) return TokenCheck::kForged;
  const auto issued = static_cast<std::int64_t>(GetBigEndian(token + 8));
  const auto age = now.time_since_epoch().count() - issued;
  if (age < 0 || age > ttl_.count()) return TokenCheck::kExpired;
  if (age < min_fill_time_.count()) return TokenCheck::kTooFast;
  return TokenCheck::kValid;
}

std::optional<FormTokens::Key> ParseKey(std::string_view hex) {
  FormTokens::Key key;
  std::size_t size = 0;
  if (hex.size() != key.size() * 2 ||
      sodium_hex2bin(key.data(), key.size(), hex.data(), hex.size(), nullptr, &size, nullptr) != 0 ||
      size != key.size())
    return std::nullopt;
  return key;
}

std::string KeyToHex(const FormTokens::Key& key) { return Hex(key.data(), key.size()); }

FormTokens::Key RandomKey() {
  FormTokens::Key key;
  crypto_auth_keygen(key.data());
  return key;
}

}  // namespace gazette::comments
