#pragma once
// The comments part of an article page: the approved comments with their count, and the form
// "Send your comments" (docs/comments.md). Pure: builds the view model from what it is given.
#include <boost/json/object.hpp>

#include <string>
#include <vector>

#include "news/article.hpp"
#include "render/ui_strings.hpp"
#include "site/site_settings.hpp"
#include "store/comment_store.hpp"

namespace gazette::site {

// What a refused comment shows back in the form: the visitor's fields and the reasons.
struct CommentFormState {
  std::string name;
  std::string email;
  std::string text;
  std::vector<std::string> problems;  // Reason codes (comments/comment_desk.hpp).
};

struct CommentSectionInput {
  news::ArticleId article_id = 0;
  std::string action;  // Where the form posts.
  std::string page_path;  // The article's address; pagination links add ?page=N to it.
  std::vector<store::Comment> approved;  // The comments of this page only.
  long long total = 0;                   // Approved comments on every page; shown as the count.
  int page = 1;
  int page_size = 50;
  bool open = true;
  std::string token;  // The form token; empty when closed.
  int max_length = 2000;
  const CommentFormState* form = nullptr;  // Only on a refused comment's page.
};

// Sets view["comments"]: count and count text (the total), items (name, time in the site's
// format, escaped and linked text), pagination when the total needs more than one page, form
// fields, token, problems and the thank-you notices.
void AddCommentSection(boost::json::object& view, const SiteSettings& site, const render::UiStrings& strings,
                       news::Language language, const CommentSectionInput& input);

}  // namespace gazette::site
