#pragma once
// What a moderator does with comments: list them by status, approve, reject, mark as spam,
// delete. Every change announces the article's cache tag, so its page and count update at once.
#include <optional>
#include <vector>

#include "news/changes.hpp"
#include "store/comment_store.hpp"

namespace gazette::comments {

class Moderation {
 public:
  Moderation(store::CommentStore& comments, news::Announce announce)
      : comments_(comments), announce_(std::move(announce)) {}

  // Oldest first; every status when none is given. At most `limit`.
  std::vector<store::Comment> List(std::optional<store::CommentStatus> status, int limit = 10000);

  // Returns the comment after the change, or nothing when there is no such comment.
  std::optional<store::Comment> SetStatus(store::CommentId id, store::CommentStatus status);
  // Returns the deleted comment, or nothing when there was none.
  std::optional<store::Comment> Delete(store::CommentId id);

  // Opens or closes an article to new comments; false when there is no such article.
  bool SetCommentsOpen(news::ArticleId article_id, bool open);

 private:
  void Announce(news::ArticleId article_id) const;

  store::CommentStore& comments_;
  news::Announce announce_;
};

}  // namespace gazette::comments
