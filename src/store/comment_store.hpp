#pragma once
// Visitors' comments on articles, their moderation state, and whether an article takes
// comments at all (docs/comments.md). Plain data: checking and rendering live in comments/.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "news/article.hpp"

namespace gazette::store {

using CommentId = std::int64_t;

enum class CommentStatus { kPending, kApproved, kRejected, kSpam };

// "pending", "approved", "rejected", "spam".
std::string_view CommentStatusCode(CommentStatus status);
// Nothing for any other text.
std::optional<CommentStatus> ParseCommentStatus(std::string_view code);

// A comment as a visitor sent it, already checked by comments/.
struct NewComment {
  news::ArticleId article_id = 0;
  std::string name;
  std::string email;        // Optional; for moderators only, never shown on a page.
  std::string body;         // Plain text, valid UTF-8, "\n" line breaks.
  std::string client_hash;  // Salted hash of the client address; never the address itself.
  CommentStatus status = CommentStatus::kPending;
};

// Which part of a list to read: skip `offset` items, then at most `limit`.
struct CommentSlice {
  long long offset = 0;
  int limit = 50;
};

struct Comment {
  CommentId id = 0;
  news::ArticleId article_id = 0;
  std::string name;
  std::string email;
  std::string body;
  std::string client_hash;
  CommentStatus status = CommentStatus::kPending;
  news::TimePoint created_at{};
};

// Thread-safe. Every method is one transaction.
class CommentStore {
 public:
  virtual ~CommentStore() = default;

  // Stores the comment and commits it durably (SQLite: synchronous=FULL for this commit, so it
  // survives power loss; PostgreSQL: the server's synchronous_commit) before returning its id.
  // Returns nothing, storing nothing, when the article already has a comment with exactly the
  // same body (in any status): exact duplicates are refused atomically, also across nodes.
  // Throws Error kNotFound when the article does not exist.
  virtual std::optional<CommentId> Add(const NewComment& comment) = 0;

  // The article's approved comments, oldest first (ties by id), only those in `slice`; empty
  // when the slice starts past the last one. Reads through the index comments_by_article.
  virtual std::vector<Comment> ListApproved(news::ArticleId article_id, CommentSlice slice) = 0;
  // How many approved comments the article has in all.
  virtual long long CountApproved(news::ArticleId article_id) = 0;

  // Comments of every article in this status (all statuses when none), oldest first, at most
  // `limit`.
  virtual std::vector<Comment> List(std::optional<CommentStatus> status, int limit) = 0;
  virtual std::optional<Comment> Find(CommentId id) = 0;

  // Returns the comment as it was before the change, or nothing when there is no such comment.
  virtual std::optional<Comment> SetStatus(CommentId id, CommentStatus status) = 0;
  virtual std::optional<Comment> Delete(CommentId id) = 0;

  // Whether the article takes new comments (default: yes). False for an unknown article.
  virtual bool CommentsOpen(news::ArticleId article_id) = 0;
  // Returns false when there is no such article.
  virtual bool SetCommentsOpen(news::ArticleId article_id, bool open) = 0;

  // The stored value of a secret shared by every node (form-token key, address salt): stores
  // `candidate` when `name` has no value yet, else keeps the first one stored and returns it.
  virtual std::string SharedSecret(std::string_view name, std::string_view candidate) = 0;
};

}  // namespace gazette::store
