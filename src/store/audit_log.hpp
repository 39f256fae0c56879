#pragma once
// Who did what in the newsroom, and when: sign-ins, publishing, corrections, moderation, user
// changes (docs/newsroom.md, "Audit log"). Append-only.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "news/article.hpp"
#include "store/user_store.hpp"

namespace gazette::store {

struct AuditEntry {
  std::int64_t id = 0;  // Set by the log.
  news::TimePoint at{};
  std::optional<UserId> user_id;  // None for a failed sign-in under an unknown name.
  std::string user_name;
  std::string action;  // "sign-in", "publish", "user.add", ...
  std::string target;  // "article:42", "user:3".
  std::string detail;
};

// Thread-safe.
class AuditLog {
 public:
  virtual ~AuditLog() = default;
  virtual void Record(const AuditEntry& entry) = 0;
  // Newest first; pages count from 1.
  virtual std::vector<AuditEntry> List(int page, int page_size) = 0;
  virtual long long Count() = 0;
};

}  // namespace gazette::store
