// A visitor's comment arriving from the article page's form; docs/comments.md, "Submission".
#include "news/article.hpp"
#include "site/public_site.hpp"

namespace gazette::site {

http::Response PublicSite::PostComment(const http::Request& request, news::Language language,
                                       std::string_view section_slug, std::string_view slug) const {
  const auto article = store_.Articles().FindPublished(language, slug);
  if (!comments_ || !article || article->section.slug != section_slug) return NotFound(request);

  const auto form = comments::ParseCommentForm(request.body);
  const auto result = comments_->Submit(article->id, form, request.client_address);
  const auto path = news::ArticlePath(language, article->section.slug, article->slug);
  // The thank-you notice is on every article page, shown by CSS :target: the page stays the
  // same for every reader, so it can be cached whole.
  if (result.outcome == comments::Outcome::kPublished) return http::Redirect(path + "#comment-published", 303);
  if (result.outcome == comments::Outcome::kPending) return http::Redirect(path + "#comment-pending", 303);

  const CommentFormState state{.name = form.name, .email = form.email, .text = form.text, .problems = result.problems};
  auto response = Article(request, language, article->section.slug, article->slug, &state);
  response.status = result.outcome == comments::Outcome::kRejected      ? 422
                    : result.outcome == comments::Outcome::kRateLimited ? 429
                                                                        : 403;
  response.cache_tags.clear();  // The visitor's own text: never stored in a cache.
  response.Header("Cache-Control", "no-store");
  if (response.status == 429)
    response.Header("Retry-After", std::to_string(comments_->Settings().rate_window.count()));
  return response;
}

}  // namespace gazette::site
