#include "store/comment_store.hpp"

namespace gazette::store {

std::string_view CommentStatusCode(CommentStatus status) {
  switch (status) {
    case CommentStatus::kPending: return "pending";
    case CommentStatus::kApproved: return "approved";
    case CommentStatus::kRejected: return "rejected";
    case CommentStatus::kSpam: return "spam";
  }
  return "pending";
}

std::optional<CommentStatus> ParseCommentStatus(std::string_view code) {
  for (auto status : {CommentStatus::kPending, CommentStatus::kApproved, CommentStatus::kRejected, CommentStatus::kSpam})
    if (CommentStatusCode(status) == code) return status;
  return std::nullopt;
}

}  // namespace gazette::store

#include <sodium.h>

#include "store/comment_rules.hpp"

namespace gazette::store {

std::string CommentFingerprint(std::string_view body) {
  unsigned char hash[crypto_generichash_BYTES];
  crypto_generichash(hash, sizeof hash, reinterpret_cast<const unsigned char*>(body.data()), body.size(), nullptr, 0);
  char hex[crypto_generichash_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, hash, sizeof hash);
  return hex;
}

}  // namespace gazette::store
