// The story list, the editor, revisions and corrections: docs/newsroom.md, "Screens".
#include <boost/json.hpp>

#include <cctype>
#include <charconv>

#include "news/error.hpp"
#include "news/timestamp.hpp"
#include "newsroom/form.hpp"
#include "newsroom/line_diff.hpp"
#include "newsroom/newsroom_site.hpp"
#include "render/markdown.hpp"

namespace gazette::newsroom {
namespace {

constexpr std::string_view kTimeFormat = "%Y-%m-%d %H:%M UTC";

news::Language UiLanguageOf(const boost::json::object& view) {
  return news::ParseLanguage(view.at("lang").as_string()).value_or(news::Language::kEnglish);
}

std::string Time(news::TimePoint time) { return news::FormatTimestamp(time, kTimeFormat, news::Language::kEnglish); }

int PageOf(const http::Request& request) {
  int page = 1;
  if (auto text = request.Query("page")) std::from_chars(text->data(), text->data() + text->size(), page);
  return std::max(1, page);
}

// A query value as it goes in a link: everything but unreserved ASCII percent-encoded.
std::string QueryEscape(std::string_view value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : value) {
    if (std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

// "a, b، c" -> {"a", "b", "c"}: commas, Arabic commas too.
std::vector<std::string> SplitTagList(std::string text) {
  for (auto pos = text.find("،"); pos != std::string::npos; pos = text.find("،")) text.replace(pos, 2, ",");
  std::vector<std::string> tags;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find(',', start);
    auto tag = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    while (!tag.empty() && tag.front() == ' ') tag.erase(0, 1);
    while (!tag.empty() && tag.back() == ' ') tag.pop_back();
    if (!tag.empty()) tags.push_back(tag);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return tags;
}

news::ArticleDraft DraftFromForm(const Form& form) {
  news::ArticleDraft d;
  d.language = news::ParseLanguage(form.Get("language")).value_or(news::Language::kEnglish);
  d.headline = form.Get("headline");
  d.standfirst = form.Get("standfirst");
  d.body_markdown = form.Get("body");
  // Browsers send CRLF line breaks in a textarea; the store keeps "\n".
  for (auto pos = d.body_markdown.find("\r\n"); pos != std::string::npos; pos = d.body_markdown.find("\r\n", pos))
    d.body_markdown.erase(pos, 1);
  d.section_name = form.Get("section");
  d.tags = SplitTagList(form.Get("tags"));
  d.source = form.Get("source");
  d.byline = form.Get("byline");
  d.dateline = form.Get("dateline");
  return d;
}

// <input type="datetime-local"> sends "2024-03-04T09:15", taken as UTC.
std::optional<news::TimePoint> ScheduleTime(std::string text) {
  if (text.size() == 16) text += ":00Z";
  return news::ParseIso8601(text);
}

// The tags as the editor shows them: separated by the comma of the story's language.
std::string Joined(const std::vector<std::string>& tags, news::Language language = news::Language::kEnglish) {
  const std::string comma = news::IsRightToLeft(language) ? "، " : ", ";
  std::string out;
  for (const auto& tag : tags) out += (out.empty() ? "" : comma) + tag;
  return out;
}

}  // namespace

http::Response NewsroomSite::StoryList(const http::Request& request, const SignedIn& who) const {
  store::StoryQuery query;
  if (auto status = request.Query("status"); status && !status->empty()) query.status = news::ParseStatus(*status);
  if (auto language = request.Query("language"); language && !language->empty()) query.language = news::ParseLanguage(*language);
  if (auto section = request.Query("section"); section && !section->empty()) query.section_slug = std::string(*section);
  if (auto source = request.Query("source"); source && !source->empty()) query.source = std::string(*source);
  if (auto author = request.Query("author"); author && !author->empty()) query.author = std::string(*author);
  query.from_wire = request.Query("wire").value_or("") == "1";
  query.page = PageOf(request);
  query.page_size = accounts_.Settings().page_size;
  const auto page = store_.Stories().List(query);

  auto view = Page(request, &who, strings_.For(news::Language::kEnglish).at("nr_stories").as_string());
  const auto& t = view.at("t").as_object();
  view["page_title"] = std::string(t.at("nr_stories").as_string()) + " · " + std::string(t.at("nr_newsroom").as_string());
  boost::json::array items;
  for (const auto& item : page.items) {
    items.push_back({{"id", item.id},
                     {"url", "/newsroom/stories/" + std::to_string(item.id)},
                     {"headline", item.headline},
                     {"lang", news::LanguageCode(item.language)},
                     {"dir", news::IsRightToLeft(item.language) ? "rtl" : "ltr"},
                     {"section", item.section_name},
                     {"source", item.source},
                     {"byline", item.byline},
                     {"status", news::StatusName(item.status)},
                     {"status_text", t.at("nr_status_" + std::string(news::StatusName(item.status)))},
                     {"updated", Time(item.updated_at)}});
  }
  view["has_items"] = !items.empty();
  view["items"] = std::move(items);
  view["total"] = page.total;
  auto selected = [&](std::string_view name, std::string_view value) {
    auto given = request.Query(name);
    return given && *given == value;
  };
  boost::json::array statuses;
  for (auto status : {"draft", "scheduled", "published", "unpublished"})
    statuses.push_back({{"value", status}, {"text", t.at("nr_status_" + std::string(status))}, {"selected", selected("status", status)}});
  view["statuses"] = std::move(statuses);
  view["lang_en"] = selected("language", "en");
  view["lang_ar"] = selected("language", "ar");
  view["section_filter"] = std::string(request.Query("section").value_or(""));
  view["source_filter"] = query.source.value_or("");
  view["author_filter"] = query.author.value_or("");
  view["wire_filter"] = query.from_wire;
  if (query.from_wire) view["page_title"] = std::string(t.at("nr_wire_queue").as_string()) + " · " + std::string(t.at("nr_newsroom").as_string());
  std::string filters;
  for (auto name : {"status", "language", "section", "source", "author", "wire"})
    if (auto value = request.Query(name); value && !value->empty())
      filters += "&" + std::string(name) + "=" + QueryEscape(*value);
  const long long pages = (page.total + query.page_size - 1) / query.page_size;
  if (query.page > 1) view["previous_url"] = "/newsroom/stories/?page=" + std::to_string(query.page - 1) + filters;
  if (query.page < pages) view["next_url"] = "/newsroom/stories/?page=" + std::to_string(query.page + 1) + filters;
  view["page"] = query.page;
  view["pages"] = std::max<long long>(1, pages);
  return Render("newsroom_stories", view);
}

http::Response NewsroomSite::Editor(const http::Request& request, const SignedIn& who, std::optional<news::ArticleId> id,
                                    const news::ArticleDraft* form_draft, std::string_view problem,
                                    std::string_view preview, int status) const {
  std::optional<store::Story> story;
  if (id) {
    story = store_.Stories().Find(*id);
    if (!story) return Render("newsroom_message", Page(request, &who, "404"), 404);
  }
  const bool is_owner = story && story->owner == who.user.id;
  const bool may_edit = story ? MayEditStory(who.role, is_owner, story->article.status == news::ArticleStatus::kDraft)
                              : Allowed(who.role, Action::kWriteDraft);
  // Reading is open to everyone who may write; moderators have no stories to see.
  if (!may_edit && !Allowed(who.role, Action::kWriteDraft)) return Forbidden(request, who);

  news::ArticleDraft d = form_draft ? *form_draft : story ? DraftOf(story->article) : news::ArticleDraft{};
  auto view = Page(request, &who, d.headline.empty() ? "…" : d.headline);
  const auto& t = view.at("t").as_object();
  view["action"] = id ? "/newsroom/stories/" + std::to_string(*id) : std::string("/newsroom/stories/new");
  view["story_lang"] = news::LanguageCode(d.language);
  view["story_dir"] = news::IsRightToLeft(d.language) ? "rtl" : "ltr";
  view["headline"] = d.headline;
  view["standfirst"] = d.standfirst;
  view["body"] = d.body_markdown;
  view["section"] = d.section_name;
  view["tags"] = Joined(d.tags, d.language);
  view["source"] = d.source;
  view["byline"] = d.byline;
  view["dateline"] = d.dateline;
  view["is_en"] = d.language == news::Language::kEnglish;
  view["is_ar"] = d.language == news::Language::kArabic;
  view["problem"] = problem;
  view["may_edit"] = may_edit;
  view["may_publish"] = may_edit && Allowed(who.role, Action::kPublish);
  if (story) {
    const auto& a = story->article;
    view["id"] = a.id;
    view["status"] = news::StatusName(a.status);
    view["status_text"] = t.at("nr_status_" + std::string(news::StatusName(a.status)));
    view["may_unpublish"] = may_edit && Allowed(who.role, Action::kUnpublish) &&
                            (a.status == news::ArticleStatus::kPublished || a.status == news::ArticleStatus::kScheduled);
    view["revisions_url"] = "/newsroom/stories/" + std::to_string(a.id) + "/revisions";
    if (a.published_at) {
      view["published_at"] = Time(*a.published_at);
      view["published_at_iso"] = news::FormatIso8601(*a.published_at);
    }
    if (a.status == news::ArticleStatus::kScheduled && a.published_at)
      view["schedule_value"] = news::FormatTimestamp(*a.published_at, "%Y-%m-%dT%H:%M", news::Language::kEnglish);
    if (a.status == news::ArticleStatus::kPublished) {
      view["public_url"] = news::ArticlePath(a.language, a.section.slug, a.slug);
      view["may_correct"] = Allowed(who.role, Action::kCorrect);
      view["notes_url"] = "/newsroom/stories/" + std::to_string(a.id) + "/notes";
    }
    boost::json::array notes;
    for (const auto& note : store_.Stories().Notes(a.id))
      notes.push_back({{"kind", t.at("nr_note_" + note.kind)}, {"text", note.text}, {"time", Time(note.created_at)},
                     {"time_iso", news::FormatIso8601(note.created_at)}});
    view["has_notes"] = !notes.empty();
    view["notes"] = std::move(notes);
  }
  if (!preview.empty() || (form_draft && problem.empty())) {
    view["preview"] = {{"headline", d.headline}, {"standfirst", d.standfirst}, {"body_html", preview}};
  }
  (void)UiLanguageOf;
  return Render("newsroom_editor", view, status);
}

http::Response NewsroomSite::PostStory(const http::Request& request, const SignedIn& who,
                                       std::optional<news::ArticleId> id) const {
  const Form form(request.body);
  const auto what = form.Get("do");
  std::optional<store::Story> story;
  if (id) {
    story = store_.Stories().Find(*id);
    if (!story) return Render("newsroom_message", Page(request, &who, "404"), 404);
  }
  const bool may_edit = story ? MayEditStory(who.role, story->owner == who.user.id,
                                             story->article.status == news::ArticleStatus::kDraft)
                              : Allowed(who.role, Action::kWriteDraft);
  if (!may_edit) return Forbidden(request, who);
  auto draft = DraftFromForm(form);
  if (what == "preview") return Editor(request, who, id, &draft, "", render::MarkdownToHtml(draft.body_markdown), 200);

  StoryAction action = StoryAction::kSave;
  std::optional<news::TimePoint> schedule_at;
  if (what == "publish") action = StoryAction::kPublish;
  else if (what == "unpublish") action = StoryAction::kUnpublish;
  else if (what == "schedule") action = StoryAction::kSchedule;
  else if (what != "save") return (http::Text(400, "do: must be save, preview, publish, unpublish or schedule\n"));
  if ((action == StoryAction::kPublish || action == StoryAction::kSchedule) && !Allowed(who.role, Action::kPublish))
    return Forbidden(request, who);
  if (action == StoryAction::kUnpublish && !Allowed(who.role, Action::kUnpublish)) return Forbidden(request, who);
  if (action == StoryAction::kSchedule) {
    schedule_at = ScheduleTime(form.Get("schedule_at"));
    if (!schedule_at)
      return Editor(request, who, id, &draft, strings_.For(news::Language::kEnglish).at("nr_schedule_missing").as_string(), "", 422);
  }
  try {
    const auto saved = desk_.Save(who, id, draft, action, schedule_at);
    return http::Redirect("/newsroom/stories/" + std::to_string(saved) + "?saved=" + std::string(what));
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::kInvalid && e.kind() != ErrorKind::kConflict) throw;
    return Editor(request, who, id, &draft, e.what(), "", 422);
  }
}

http::Response NewsroomSite::RevisionList(const http::Request& request, const SignedIn& who, news::ArticleId id) const {
  if (!Allowed(who.role, Action::kWriteDraft)) return Forbidden(request, who);
  const auto story = store_.Stories().Find(id);
  if (!story) return Render("newsroom_message", Page(request, &who, "404"), 404);
  const bool may_edit = MayEditStory(who.role, story->owner == who.user.id,
                                     story->article.status == news::ArticleStatus::kDraft);
  auto view = Page(request, &who, story->article.headline);
  view["headline"] = story->article.headline;
  view["story_url"] = "/newsroom/stories/" + std::to_string(id);
  view["diff_url"] = "/newsroom/stories/" + std::to_string(id) + "/diff";
  boost::json::array items;
  const auto revisions = store_.Stories().Revisions(id);
  for (std::size_t i = 0; i < revisions.size(); ++i) {
    const auto& r = revisions[i];
    boost::json::object item{{"id", r.id}, {"user", r.user_name}, {"time", Time(r.saved_at)}, {"note", r.note},
                             {"status", news::StatusName(r.content.status)}, {"may_restore", may_edit && i > 0},
                             {"restore_url", "/newsroom/stories/" + std::to_string(id) + "/revisions/" + std::to_string(r.id) + "/restore"}};
    if (i + 1 < revisions.size())
      item["compare_url"] = "/newsroom/stories/" + std::to_string(id) + "/diff?from=" + std::to_string(revisions[i + 1].id) +
                            "&to=" + std::to_string(r.id);
    items.push_back(std::move(item));
  }
  view["has_items"] = !items.empty();
  view["items"] = std::move(items);
  return Render("newsroom_revisions", view);
}

http::Response NewsroomSite::Diff(const http::Request& request, const SignedIn& who, news::ArticleId id) const {
  if (!Allowed(who.role, Action::kWriteDraft)) return Forbidden(request, who);
  auto revision = [&](std::string_view name) -> std::optional<store::Revision> {
    auto text = request.Query(name);
    std::int64_t value = 0;
    if (!text || std::from_chars(text->data(), text->data() + text->size(), value).ec != std::errc()) return std::nullopt;
    auto found = store_.Stories().FindRevision(value);
    if (!found || found->article_id != id) return std::nullopt;
    return found;
  };
  const auto from = revision("from"), to = revision("to");
  if (!from || !to) return Render("newsroom_message", Page(request, &who, "404"), 404);
  auto view = Page(request, &who, to->content.headline);
  view["from"] = from->id;
  view["to"] = to->id;
  view["story_dir"] = news::IsRightToLeft(to->content.language) ? "rtl" : "ltr";
  view["story_lang"] = news::LanguageCode(to->content.language);
  view["revisions_url"] = "/newsroom/stories/" + std::to_string(id) + "/revisions";
  boost::json::array lines;
  for (const auto& line : RevisionDiff(from->content, to->content)) {
    const char* kind = line.kind == DiffLine::Kind::kAdded ? "added" : line.kind == DiffLine::Kind::kRemoved ? "removed" : "same";
    const char* mark = line.kind == DiffLine::Kind::kAdded ? "+" : line.kind == DiffLine::Kind::kRemoved ? "-" : " ";
    lines.push_back({{"kind", kind}, {"mark", mark}, {"text", line.text}});
  }
  view["lines"] = std::move(lines);
  return Render("newsroom_diff", view);
}

http::Response NewsroomSite::Restore(const http::Request& request, const SignedIn& who, news::ArticleId id,
                                     store::RevisionId revision) const {
  const auto story = store_.Stories().Find(id);
  if (!story) return Render("newsroom_message", Page(request, &who, "404"), 404);
  if (!MayEditStory(who.role, story->owner == who.user.id, story->article.status == news::ArticleStatus::kDraft))
    return Forbidden(request, who);
  desk_.Restore(who, id, revision);
  return http::Redirect("/newsroom/stories/" + std::to_string(id) + "?saved=restore");
}

http::Response NewsroomSite::PostNote(const http::Request& request, const SignedIn& who, news::ArticleId id) const {
  if (!Allowed(who.role, Action::kCorrect)) return Forbidden(request, who);
  const Form form(request.body);
  try {
    desk_.AddNote(who, id, form.Get("kind"), form.Get("text"));
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::kInvalid) throw;
    return Editor(request, who, id, nullptr, e.what(), "", 422);
  }
  return http::Redirect("/newsroom/stories/" + std::to_string(id) + "?saved=note");
}

}  // namespace gazette::newsroom
