#pragma once
// What both stores share about comments: the fingerprint that the duplicate index keys on.
#include <string>
#include <string_view>

namespace gazette::store {

// Hex crypto_generichash (BLAKE2b-256) of the body: equal bodies, equal fingerprints.
std::string CommentFingerprint(std::string_view body);

}  // namespace gazette::store
