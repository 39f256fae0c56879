#pragma once
// Password hashing for newsroom accounts: Argon2id through libsodium's crypto_pwhash_str
// (docs/newsroom.md, "Passwords"). The stored string carries its own salt and parameters.
#include <string>
#include <string_view>

namespace gazette::newsroom {

// Shortest and longest passwords accepted (bytes). Longer ones are refused rather than cut.
inline constexpr std::size_t kMinPasswordBytes = 10;
inline constexpr std::size_t kMaxPasswordBytes = 1024;

// Argon2id with libsodium's INTERACTIVE limits (2 passes, 64 MiB). Thread-safe. Throws Error
// kInvalid for a password outside the length limits, kInternal when memory runs out.
std::string HashPassword(std::string_view password);

// Constant-time check of a password against a stored hash; false for a malformed hash.
bool VerifyPassword(std::string_view stored_hash, std::string_view password);

// Spends the same time as VerifyPassword on a real hash, for names that have no account, so
// that the answer's timing does not tell which names exist.
void VerifyAgainstDummy(std::string_view password);

// Hex of `bytes` random bytes (libsodium's randombytes_buf).
std::string RandomHex(std::size_t bytes);
// Hex BLAKE2b-256 of the text: what the store keeps of session ids and API tokens.
std::string SecretHash(std::string_view secret);
// Constant-time equality of two strings (different lengths: false at once; lengths are public).
bool SameSecret(std::string_view a, std::string_view b);

}  // namespace gazette::newsroom
