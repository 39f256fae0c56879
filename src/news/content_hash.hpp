#pragma once
// Stable content fingerprints (BLAKE2b via libsodium): the same bytes give the same hex string
// on every machine and in every release, so they can be stored and compared across runs.
#include <string>
#include <string_view>

namespace gazette::news {

// 32 lower-case hex digits (128 bits): plenty to tell articles apart, short enough for an id.
std::string ContentHash(std::string_view bytes);

}  // namespace gazette::news
