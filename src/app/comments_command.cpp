// `gazette comments`: moderation from the command line (docs/comments.md, "Moderation").
#include <fmt/format.h>

#include <iostream>

#include "app/commands.hpp"
#include "app/open_store.hpp"
#include "comments/moderation.hpp"
#include "news/error.hpp"
#include "news/language.hpp"
#include "news/timestamp.hpp"

namespace gazette::app {
namespace {

// "/en/city/some-slug" -> the published article's id.
news::ArticleId ArticleAt(store::Store& store, std::string_view path) {
  const auto first = path.find('/', 1), last = path.rfind('/');
  if (!path.starts_with('/') || first == std::string_view::npos || last <= first)
    throw Error(ErrorKind::kInvalid, fmt::format("'{}' is not an article path like /en/section/slug", path));
  const auto language = news::ParseLanguage(path.substr(1, first - 1));
  if (!language) throw Error(ErrorKind::kInvalid, fmt::format("'{}' names no edition", path));
  const auto article = store.Articles().FindPublished(*language, path.substr(last + 1));
  if (!article) throw Error(ErrorKind::kNotFound, fmt::format("no published article at {}", path));
  return article->id;
}

std::string OneLine(std::string text) {
  for (char& c : text)
    if (c == '\n') c = ' ';
  return text;
}

}  // namespace

int Comments(const Config& config, const CommentsCommand& command) {
  auto store = OpenStore(config.database);
  // This process has no response cache of its own: the change feed carries what moderation
  // changed to every serving node, which drops the article's cached page.
  comments::Moderation moderation(store->Comments(), [&store](const std::vector<std::string>& tags) {
    try {
      store->Changes().Publish(tags);
    } catch (const Error& e) {
      std::cerr << "gazette: the comment changed, but serving nodes were not told: " << e.what() << std::endl;
    }
  });
  if (command.action == "list") {
    std::optional<store::CommentStatus> status;
    if (command.status != "all") {
      status = store::ParseCommentStatus(command.status);
      if (!status) throw Error(ErrorKind::kInvalid, "--status must be pending, approved, rejected, spam or all");
    }
    for (const auto& c : moderation.List(status, 100000))
      std::cout << fmt::format("{}\t{}\tarticle {}\t{}\t{}\t{}\n", c.id, store::CommentStatusCode(c.status),
                               c.article_id, news::FormatIso8601(c.created_at), OneLine(c.name), OneLine(c.body));
    return 0;
  }
  if (command.action == "open" || command.action == "close") {
    for (const auto& target : command.targets) {
      moderation.SetCommentsOpen(ArticleAt(*store, target), command.action == "open");
      std::cout << fmt::format("comments {} on {}\n", command.action == "open" ? "opened" : "closed", target);
    }
    return 0;
  }
  int missing = 0;
  for (const auto& target : command.targets) {
    store::CommentId id = 0;
    try {
      id = std::stoll(target);
    } catch (const std::exception&) {
      throw Error(ErrorKind::kInvalid, fmt::format("'{}' is not a comment id", target));
    }
    std::optional<store::Comment> done;
    if (command.action == "approve") done = moderation.SetStatus(id, store::CommentStatus::kApproved);
    else if (command.action == "reject") done = moderation.SetStatus(id, store::CommentStatus::kRejected);
    else if (command.action == "spam") done = moderation.SetStatus(id, store::CommentStatus::kSpam);
    else if (command.action == "delete") done = moderation.Delete(id);
    if (done) {
      std::cout << fmt::format("comment {}: {}\n", id, command.action == "delete" ? "deleted" : store::CommentStatusCode(done->status));
    } else {
      std::cerr << fmt::format("gazette: no comment {}\n", id);
      ++missing;
    }
  }
  return missing > 0 ? 3 : 0;
}

}  // namespace gazette::app
