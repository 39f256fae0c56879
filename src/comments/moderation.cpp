#include "comments/moderation.hpp"

namespace gazette::comments {

std::vector<store::Comment> Moderation::List(std::optional<store::CommentStatus> status, int limit) {
  return comments_.List(status, limit);
}

std::optional<store::Comment> Moderation::SetStatus(store::CommentId id, store::CommentStatus status) {
  auto comment = comments_.SetStatus(id, status);
  if (!comment) return std::nullopt;
  comment->status = status;
  Announce(comment->article_id);
  return comment;
}

std::optional<store::Comment> Moderation::Delete(store::CommentId id) {
  auto comment = comments_.Delete(id);
  if (comment) Announce(comment->article_id);
  return comment;
}

bool Moderation::SetCommentsOpen(news::ArticleId article_id, bool open) {
  if (!comments_.SetCommentsOpen(article_id, open)) return false;
  Announce(article_id);
  return true;
}

void Moderation::Announce(news::ArticleId article_id) const {
  if (announce_) announce_({news::ArticleCacheTag(article_id)});
}

}  // namespace gazette::comments
