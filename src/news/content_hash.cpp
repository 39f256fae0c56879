#include "news/content_hash.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace gazette::news {

std::string ContentHash(std::string_view bytes) {
  // sodium_init is idempotent and thread-safe; generichash itself needs no state.
  static const bool initialised = sodium_init() >= 0;
  if (!initialised) throw std::runtime_error("libsodium failed to initialise");
  std::array<unsigned char, 16> digest{};
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), nullptr, 0);
  std::array<char, 33> hex{};
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  return std::string(hex.data(), 32);
}

}  // namespace gazette::news
