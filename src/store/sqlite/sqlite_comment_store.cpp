// Comments on SQLite (docs/comments.md). The one write a visitor waits for is committed with
// synchronous=FULL, so an accepted comment survives a power loss, not only a crash.
#include "news/error.hpp"
#include "store/comment_rules.hpp"
#include "store/sqlite/sqlite_stores.hpp"

namespace gazette::store::sqlite {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, article_id, name, email, body, client_hash, status, created_at FROM comments";

Comment ReadComment(const Statement& row) {
  Comment comment;
  comment.id = row.Int(0);
  comment.article_id = row.Int(1);
  comment.name = row.Text(2);
  comment.email = row.Text(3);
  comment.body = row.Text(4);
  comment.client_hash = row.Text(5);
  comment.status = ParseCommentStatus(row.Text(6)).value_or(CommentStatus::kPending);
  comment.created_at = news::TimePoint{std::chrono::seconds{row.Int(7)}};
  return comment;
}

std::vector<Comment> ReadAll(Statement& statement) {
  std::vector<Comment> comments;
  while (statement.Step()) comments.push_back(ReadComment(statement));
  return comments;
}

std::optional<Comment> FindIn(Connection& connection, CommentId id) {
  auto& find = connection.Prepare(std::string(kColumns) + " WHERE id = ?");
  find.Bind(id);
  if (!find.Step()) return std::nullopt;
  auto comment = ReadComment(find);
  find.Run();
  return comment;
}

// Switches the writer to synchronous=FULL for one commit (a pragma cannot change inside a
// transaction), and back to the pool's NORMAL afterwards, also when the work throws.
class FullSync {
 public:
  explicit FullSync(Connection& connection) : connection_(connection) { connection_.Exec("PRAGMA synchronous = FULL"); }
  ~FullSync() {
    try {
      connection_.Exec("PRAGMA synchronous = NORMAL");
    } catch (...) {  // Never from a destructor; NORMAL is only the faster setting.
    }
  }
  FullSync(const FullSync&) = delete;
  FullSync& operator=(const FullSync&) = delete;

 private:
  Connection& connection_;
};

}  // namespace

std::optional<CommentId> SqliteCommentStore::Add(const NewComment& c) {
  auto writer = pool_.Writer();
  FullSync full_sync(*writer);
  return InTransaction(*writer, [&]() -> std::optional<CommentId> {
    auto& exists = writer->Prepare("SELECT 1 FROM articles WHERE id = ?");
    exists.Bind(c.article_id);
    if (!exists.Step()) throw Error(ErrorKind::kNotFound, "no such article");
    exists.Run();
    auto& insert = writer->Prepare(
        "INSERT INTO comments (article_id, name, email, body, body_hash, client_hash, status, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (article_id, body_hash) DO NOTHING RETURNING id");
    insert.Bind(c.article_id, c.name, c.email, c.body, CommentFingerprint(c.body), c.client_hash,
                CommentStatusCode(c.status), static_cast<std::int64_t>(clock_().time_since_epoch().count()));
    if (!insert.Step()) return std::nullopt;
    const CommentId id = insert.Int(0);
    insert.Run();
    return id;
  });
}

std::vector<Comment> SqliteCommentStore::ListApproved(news::ArticleId article_id, CommentSlice slice) {
  auto reader = pool_.Reader();
  auto& list = reader->Prepare(std::string(kColumns) +
                               " WHERE article_id = ? AND status = 'approved' ORDER BY created_at, id LIMIT ? OFFSET ?");
  list.Bind(article_id, slice.limit, static_cast<std::int64_t>(slice.offset));
  return ReadAll(list);
}

long long SqliteCommentStore::CountApproved(news::ArticleId article_id) {
  auto reader = pool_.Reader();
  auto& count = reader->Prepare("SELECT COUNT(*) FROM comments WHERE article_id = ? AND status = 'approved'");
  count.Bind(article_id);
  count.Step();
  const long long total = count.Int(0);
  count.Run();
  return total;
}

std::vector<Comment> SqliteCommentStore::List(std::optional<CommentStatus> status, int limit) {
  auto reader = pool_.Reader();
  if (status) {
    auto& list = reader->Prepare(std::string(kColumns) + " WHERE status = ? ORDER BY created_at, id LIMIT ?");
    list.Bind(CommentStatusCode(*status), limit);
    return ReadAll(list);
  }
  auto& list = reader->Prepare(std::string(kColumns) + " ORDER BY created_at, id LIMIT ?");
  list.Bind(limit);
  return ReadAll(list);
}

std::optional<Comment> SqliteCommentStore::Find(CommentId id) {
  auto reader = pool_.Reader();
  return FindIn(*reader, id);
}

std::optional<Comment> SqliteCommentStore::SetStatus(CommentId id, CommentStatus status) {
  auto writer = pool_.Writer();
  return InTransaction(*writer, [&] {
    auto before = FindIn(*writer, id);
    if (before)
      writer->Prepare("UPDATE comments SET status = ? WHERE id = ?").Bind(CommentStatusCode(status), id).Run();
    return before;
  });
}

std::optional<Comment> SqliteCommentStore::Delete(CommentId id) {
  auto writer = pool_.Writer();
  return InTransaction(*writer, [&] {
    auto before = FindIn(*writer, id);
    if (before) writer->Prepare("DELETE FROM comments WHERE id = ?").Bind(id).Run();
    return before;
  });
}

bool SqliteCommentStore::CommentsOpen(news::ArticleId article_id) {
  auto reader = pool_.Reader();
  auto& open = reader->Prepare("SELECT comments_open FROM articles WHERE id = ?");
  open.Bind(article_id);
  if (!open.Step()) return false;
  const bool result = open.Int(0) != 0;
  open.Run();
  return result;
}

bool SqliteCommentStore::SetCommentsOpen(news::ArticleId article_id, bool open) {
  auto writer = pool_.Writer();
  return InTransaction(*writer, [&] {
    auto& exists = writer->Prepare("SELECT 1 FROM articles WHERE id = ?");
    exists.Bind(article_id);
    if (!exists.Step()) return false;
    exists.Run();
    writer->Prepare("UPDATE articles SET comments_open = ? WHERE id = ?").Bind(open ? 1 : 0, article_id).Run();
    return true;
  });
}

std::string SqliteCommentStore::SharedSecret(std::string_view name, std::string_view candidate) {
  auto writer = pool_.Writer();
  return InTransaction(*writer, [&] {
    writer->Prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO NOTHING")
        .Bind(name, candidate)
        .Run();
    auto& get = writer->Prepare("SELECT value FROM settings WHERE key = ?");
    get.Bind(name);
    get.Step();
    auto value = get.Text(0);
    get.Run();
    return value;
  });
}

}  // namespace gazette::store::sqlite
