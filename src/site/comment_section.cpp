// The comments part of an article page; docs/comments.md.
#include "site/comment_section.hpp"

#include <boost/json/array.hpp>

#include "comments/comment_text.hpp"
#include "news/timestamp.hpp"
#include "site/views.hpp"

namespace gazette::site {
namespace {

std::string Fill(std::string text, std::string_view name, std::string_view value) {
  if (auto at = text.find(name); at != std::string::npos) text.replace(at, name.size(), value);
  return text;
}

}  // namespace

void AddCommentSection(boost::json::object& view, const SiteSettings& site, const render::UiStrings& strings,
                       news::Language language, const CommentSectionInput& input) {
  const auto& t = strings.For(language);
  auto text = [&](std::string_view key) { return std::string(t.at(key).as_string()); };

  boost::json::array items;
  for (const auto& comment : input.approved) {
    items.push_back(boost::json::object{
        {"id", comment.id},
        {"name", comment.name},
        {"time_iso", news::FormatIso8601(comment.created_at)},
        {"time_text", news::FormatTimestamp(comment.created_at, site.timestamp_format, language)},
        {"html", comments::CommentHtml(comment.body)},
    });
  }
  const auto count = static_cast<std::int64_t>(input.total);
  boost::json::object section{
      {"count", count},
      {"count_text", Fill(text("comments_count"), "{count}", std::to_string(count))},
      {"has_items", !items.empty()},
      {"items", std::move(items)},
      {"open", input.open},
  };
  if (auto pagination = PaginationView(strings, language, input.page_path, input.page, input.total, input.page_size)) {
    // Links land on the comments, not the top of the article.
    for (const auto* key : {"prev_url", "next_url"})
      if (auto* url = pagination->if_contains(key)) url->as_string().append("#comments");
    section["pagination"] = std::move(*pagination);
  }
  if (input.open) {
    boost::json::object form{
        {"action", input.action},
        {"token", input.token},
        {"max_length", input.max_length},
        {"max_text", Fill(text("comment_max"), "{max}", std::to_string(input.max_length))},
    };
    if (input.form) {
      form["name"] = comments::Printable(input.form->name);
      form["email"] = comments::Printable(input.form->email);
      form["text"] = comments::Printable(input.form->text);
      boost::json::array problems;
      for (const auto& code : input.form->problems) {
        const std::string key = "comment_problem_" + code;
        problems.push_back(boost::json::object{
            {"code", code}, {"text", t.contains(key) ? text(key) : text("comment_problem_other")}});
      }
      form["has_problems"] = !problems.empty();
      form["problems"] = std::move(problems);
    }
    section["form"] = std::move(form);
  }
  view["comments"] = std::move(section);
}

}  // namespace gazette::site
