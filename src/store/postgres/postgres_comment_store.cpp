// Comments on PostgreSQL (docs/comments.md): the same contract as sqlite/, times as timestamptz
// sent and read as Unix seconds. A visitor's comment commits with synchronous_commit on.
#include "news/error.hpp"
#include "store/comment_rules.hpp"
#include "store/postgres/postgres_stores.hpp"

namespace gazette::store::postgres {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, article_id, name, email, body, client_hash, status, EXTRACT(EPOCH FROM created_at)::bigint"
    " FROM comments";

Comment ReadComment(const Result& result, int row) {
  Comment comment;
  comment.id = result.Int(row, 0);
  comment.article_id = result.Int(row, 1);
  comment.name = result.Text(row, 2);
  comment.email = result.Text(row, 3);
  comment.body = result.Text(row, 4);
  comment.client_hash = result.Text(row, 5);
  comment.status = ParseCommentStatus(result.Text(row, 6)).value_or(CommentStatus::kPending);
  comment.created_at = news::TimePoint{std::chrono::seconds{result.Int(row, 7)}};
  return comment;
}

std::vector<Comment> ReadAll(const Result& result) {
  std::vector<Comment> comments;
  comments.reserve(static_cast<std::size_t>(result.Rows()));
  for (int row = 0; row < result.Rows(); ++row) comments.push_back(ReadComment(result, row));
  return comments;
}

std::optional<Comment> FindIn(Connection& c, CommentId id, bool for_update) {
  const auto found = c.Query(std::string(kColumns) + (for_update ? " WHERE id = $1 FOR UPDATE" : " WHERE id = $1"), id);
  if (found.Rows() == 0) return std::nullopt;
  return ReadComment(found, 0);
}

}  // namespace

std::optional<CommentId> PostgresCommentStore::Add(const NewComment& comment) {
  auto c = pool_.Acquire();
  return InTransaction(*c, [&]() -> std::optional<CommentId> {
    // Whatever the server's default, this commit waits for its WAL to reach the disk.
    c->Exec("SET LOCAL synchronous_commit TO on");
    if (c->Query("SELECT 1 FROM articles WHERE id = $1", comment.article_id).Rows() == 0)
      throw Error(ErrorKind::kNotFound, "no such article");
    const auto inserted = c->Query(
        "INSERT INTO comments (article_id, name, email, body, body_hash, client_hash, status, created_at)"
        " VALUES ($1, $2, $3, $4, $5, $6, $7, to_timestamp($8))"
        " ON CONFLICT (article_id, body_hash) DO NOTHING RETURNING id",
        comment.article_id, comment.name, comment.email, comment.body, CommentFingerprint(comment.body),
        comment.client_hash, CommentStatusCode(comment.status),
        static_cast<std::int64_t>(clock_().time_since_epoch().count()));
    if (inserted.Rows() == 0) return std::nullopt;
    return inserted.Int(0, 0);
  });
}

std::vector<Comment> PostgresCommentStore::ListApproved(news::ArticleId article_id, CommentSlice slice) {
  auto c = pool_.Acquire();
  return ReadAll(c->Query(std::string(kColumns) +
                              " WHERE article_id = $1 AND status = 'approved' ORDER BY created_at, id LIMIT $2 OFFSET $3",
                          article_id, slice.limit, static_cast<std::int64_t>(slice.offset)));
}

long long PostgresCommentStore::CountApproved(news::ArticleId article_id) {
  auto c = pool_.Acquire();
  return c->Query("SELECT COUNT(*) FROM comments WHERE article_id = $1 AND status = 'approved'", article_id).Int(0, 0);
}

std::vector<Comment> PostgresCommentStore::List(std::optional<CommentStatus> status, int limit) {
  auto c = pool_.Acquire();
  if (status)
    return ReadAll(c->Query(std::string(kColumns) + " WHERE status = $1 ORDER BY created_at, id LIMIT $2",
                            CommentStatusCode(*status), limit));
  return ReadAll(c->Query(std::string(kColumns) + " ORDER BY created_at, id LIMIT $1", limit));
}

std::optional<Comment> PostgresCommentStore::Find(CommentId id) {
  auto c = pool_.Acquire();
  return FindIn(*c, id, false);
}

std::optional<Comment> PostgresCommentStore::SetStatus(CommentId id, CommentStatus status) {
  auto c = pool_.Acquire();
  return InTransaction(*c, [&] {
    auto before = FindIn(*c, id, true);
    if (before) c->Query("UPDATE comments SET status = $1 WHERE id = $2", CommentStatusCode(status), id);
    return before;
  });
}

std::optional<Comment> PostgresCommentStore::Delete(CommentId id) {
  auto c = pool_.Acquire();
  return InTransaction(*c, [&] {
    auto before = FindIn(*c, id, true);
    if (before) c->Query("DELETE FROM comments WHERE id = $1", id);
    return before;
  });
}

bool PostgresCommentStore::CommentsOpen(news::ArticleId article_id) {
  auto c = pool_.Acquire();
  const auto found = c->Query("SELECT comments_open::int FROM articles WHERE id = $1", article_id);
  return found.Rows() > 0 && found.Int(0, 0) != 0;
}

bool PostgresCommentStore::SetCommentsOpen(news::ArticleId article_id, bool open) {
  auto c = pool_.Acquire();
  const auto updated = c->Query("UPDATE articles SET comments_open = $1 WHERE id = $2 RETURNING id",
                                open ? "true" : "false", article_id);
  return updated.Rows() > 0;
}

std::string PostgresCommentStore::SharedSecret(std::string_view name, std::string_view candidate) {
  auto c = pool_.Acquire();
  // ON CONFLICT DO NOTHING: two nodes starting together keep the first value stored.
  c->Query("INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING", name, candidate);
  return c->Query("SELECT value FROM settings WHERE key = $1", name).Text(0, 0);
}

}  // namespace gazette::store::postgres
