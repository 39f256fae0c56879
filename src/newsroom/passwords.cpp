#include "newsroom/passwords.hpp"

#include <sodium.h>

#include <vector>

#include "news/error.hpp"

namespace gazette::newsroom {
namespace {

void InitSodium() {
  if (sodium_init() < 0) throw Error(ErrorKind::kInternal, "libsodium failed to initialise");
}

std::string ToHex(const unsigned char* data, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), data, size);
  hex.pop_back();
  return hex;
}

}  // namespace

std::string HashPassword(std::string_view password) {
  InitSodium();
  if (password.size() < kMinPasswordBytes || password.size() > kMaxPasswordBytes)
    throw Error(ErrorKind::kInvalid, "password: must be 10 to 1024 bytes long");
  char out[crypto_pwhash_STRBYTES];
  // INTERACTIVE: sign-in is an online request on a small shared server. MODERATE (256 MiB,
  // ~0.7 s) would let a handful of simultaneous sign-ins exhaust memory; the lock-out bounds
  // online guessing, and the hash carries its parameters, so they can be raised later.
  if (crypto_pwhash_str(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw Error(ErrorKind::kInternal, "out of memory while hashing a password");
  return out;
}

bool VerifyPassword(std::string_view stored_hash, std::string_view password) {
  InitSodium();
  if (stored_hash.empty() || stored_hash.size() >= crypto_pwhash_STRBYTES || password.size() > kMaxPasswordBytes)
    return false;
  std::string terminated(stored_hash);
  return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

void VerifyAgainstDummy(std::string_view password) {
  static const std::string dummy = HashPassword("not-a-password-of-anyone");
  (void)VerifyPassword(dummy, password.substr(0, kMaxPasswordBytes));
}

std::string RandomHex(std::size_t bytes) {
  InitSodium();
  std::vector<unsigned char> buffer(bytes);
  randombytes_buf(buffer.data(), buffer.size());
  return ToHex(buffer.data(), buffer.size());
}

std::string SecretHash(std::string_view secret) {
  InitSodium();
  unsigned char hash[crypto_generichash_BYTES];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(secret.data()), secret.size(), nullptr, 0);
  return ToHex(hash, sizeof hash);
}

bool SameSecret(std::string_view a, std::string_view b) {
  return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace gazette::newsroom
