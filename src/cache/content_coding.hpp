#pragma once
// Content codings for cached responses: choosing one from Accept-Encoding, and compressing.
#include <cstddef>
#include <string>
#include <string_view>

namespace gazette::cache {

// Index order matters: CachedPage keeps one body per coding, by this value.
enum class Coding { kIdentity = 0, kGzip = 1, kBrotli = 2 };
inline constexpr std::size_t kCodings = 3;

// "br", "gzip" or "" for identity.
std::string_view CodingName(Coding coding);

// The coding to send for this Accept-Encoding field value (nothing when the field is absent):
// br over gzip over identity, each only when acceptable (q > 0, given by name or by "*").
// Identity is the answer whenever nothing better is acceptable, also when the client refused it
// ("identity;q=0"): sending it is allowed, and better than a 406 for a page (RFC 9110 12.5.3).
// Malformed parts are ignored.
Coding NegotiateCoding(std::string_view accept_encoding);

// gzip (RFC 1952) of `bytes` at zlib level 1-9. Throws std::runtime_error when zlib fails.
std::string Gzip(std::string_view bytes, int level);
// Brotli of `bytes` at quality 0-11, text mode. Throws std::runtime_error when brotli fails.
std::string Brotli(std::string_view bytes, int quality);

}  // namespace gazette::cache
