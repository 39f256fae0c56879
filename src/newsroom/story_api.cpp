// The newsroom's JSON API: docs/newsroom.md, "JSON API".
#include "newsroom/story_api.hpp"

#include <boost/json.hpp>

#include <charconv>

#include "news/error.hpp"
#include "news/timestamp.hpp"
#include "newsroom/api_json.hpp"
#include "newsroom/line_diff.hpp"

namespace gazette::newsroom {
namespace {

using api::JsonAnswer;
using api::JsonError;
using api::ParseId;
using api::ParseObject;
using api::ReadString;

[[noreturn]] void Invalid(std::string_view field, std::string_view what) {
  throw Error(ErrorKind::kInvalid, std::string(field) + ": " + std::string(what));
}

boost::json::object StoryJson(const store::Story& story, const std::vector<store::ArticleNote>& notes) {
  const auto& a = story.article;
  boost::json::array tags, note_list;
  for (const auto& tag : a.tags) tags.emplace_back(tag.name);
  for (const auto& note : notes)
    note_list.push_back({{"kind", note.kind}, {"text", note.text}, {"created_at", news::FormatIso8601(note.created_at)}});
  boost::json::object out{{"id", a.id},
                          {"language", news::LanguageCode(a.language)},
                          {"slug", a.slug},
                          {"status", news::StatusName(a.status)},
                          {"headline", a.headline},
                          {"standfirst", a.standfirst},
                          {"body_markdown", a.body_markdown},
                          {"section", a.section.name},
                          {"section_slug", a.section.slug},
                          {"tags", std::move(tags)},
                          {"source", a.source},
                          {"byline", a.byline},
                          {"dateline", a.dateline},
                          {"updated_at", news::FormatIso8601(a.updated_at)},
                          {"notes", std::move(note_list)}};
  out["published_at"] = a.published_at ? boost::json::value(news::FormatIso8601(*a.published_at)) : nullptr;
  if (a.status == news::ArticleStatus::kPublished) out["url"] = news::ArticlePath(a.language, a.section.slug, a.slug);
  return out;
}

}  // namespace

news::ArticleDraft StoryFromJson(std::string_view json, news::ArticleDraft base) {
  const auto object = ParseObject(json);
  if (const auto* language = object.if_contains("language")) {
    if (!language->is_string()) Invalid("language", "must be en or ar");
    const auto parsed = news::ParseLanguage(language->as_string());
    if (!parsed) Invalid("language", "must be en or ar");
    base.language = *parsed;
  }
  ReadString(object, "headline", base.headline);
  ReadString(object, "standfirst", base.standfirst);
  ReadString(object, "body_markdown", base.body_markdown);
  ReadString(object, "section", base.section_name);
  ReadString(object, "source", base.source);
  ReadString(object, "byline", base.byline);
  ReadString(object, "dateline", base.dateline);
  if (const auto* tags = object.if_contains("tags")) {
    if (!tags->is_array()) Invalid("tags", "must be an array of strings");
    base.tags.clear();
    for (const auto& tag : tags->as_array()) {
      if (!tag.is_string()) Invalid("tags", "must be an array of strings");
      base.tags.emplace_back(tag.as_string());
    }
  }
  return base;
}

std::optional<bool> TokenMayModerate(Accounts& accounts, const http::Request& request) {
  const auto header = request.Header("authorization");
  if (!header || !header->starts_with("Bearer ")) return std::nullopt;
  const auto who = accounts.ResolveToken(header->substr(7));
  if (!who) return std::nullopt;
  return Allowed(who->role, Action::kModerateComments);
}

StoryApi::StoryApi(store::Store& store, Accounts& accounts, news::Announce announce)
    : store_(store), accounts_(accounts), desk_(store, std::move(announce), [&accounts] { return accounts.Now(); }) {}

http::Handler StoryApi::Guarded(Call call) const { return api::Guarded(accounts_, std::move(call)); }

void StoryApi::Register(http::Router& router) const {
  using http::Method;
  using http::PathParams;
  using http::Request;
  auto with_id = [this](auto call) {
    return Guarded([call](const Request& r, const PathParams& p, const SignedIn& who) {
      const auto id = ParseId(p.at("id"));
      if (!id) return JsonError(404, "no such story");
      return call(r, p, who, *id);
    });
  };
  router.Add(Method::kGet, "/api/stories",
             Guarded([this](const Request& r, const PathParams&, const SignedIn& who) { return List(r, who); }));
  router.Add(Method::kPost, "/api/stories",
             Guarded([this](const Request& r, const PathParams&, const SignedIn& who) { return Create(r, who); }));
  router.Add(Method::kGet, "/api/stories/{id}",
             with_id([this](const Request&, const PathParams&, const SignedIn& who, std::int64_t id) { return Get(who, id); }));
  router.Add(Method::kPut, "/api/stories/{id}",
             with_id([this](const Request& r, const PathParams&, const SignedIn& who, std::int64_t id) {
               return Update(r, who, id);
             }));
  router.Add(Method::kGet, "/api/stories/{id}/revisions",
             with_id([this](const Request&, const PathParams&, const SignedIn& who, std::int64_t id) {
               return Revisions(who, id);
             }));
  router.Add(Method::kGet, "/api/stories/{id}/diff",
             with_id([this](const Request& r, const PathParams&, const SignedIn& who, std::int64_t id) {
               return Diff(r, who, id);
             }));
  router.Add(Method::kPost, "/api/stories/{id}/revisions/{revision}/restore",
             with_id([this](const Request&, const PathParams& p, const SignedIn& who, std::int64_t id) {
               return Restore(who, id, p.at("revision"));
             }));
  router.Add(Method::kPost, "/api/stories/{id}/{action}",
             with_id([this](const Request& r, const PathParams& p, const SignedIn& who, std::int64_t id) {
               return Act(r, who, id, p.at("action"));
             }));
}

http::Response StoryApi::List(const http::Request& request, const SignedIn& who) const {
  if (!Allowed(who.role, Action::kWriteDraft)) return JsonError(403, "this role has no stories to list");
  store::StoryQuery query;
  auto given = [&](std::string_view name) { return std::string(request.Query(name).value_or("")); };
  if (auto status = given("status"); !status.empty()) {
    query.status = news::ParseStatus(status);
    if (!query.status) return JsonError(422, "status: must be draft, scheduled, published or unpublished");
  }
  if (auto language = given("language"); !language.empty()) {
    query.language = news::ParseLanguage(language);
    if (!query.language) return JsonError(422, "language: must be en or ar");
  }
  if (auto section = given("section"); !section.empty()) query.section_slug = section;
  if (auto source = given("source"); !source.empty()) query.source = source;
  if (auto author = given("author"); !author.empty()) query.author = author;
  query.from_wire = given("wire") == "1";
  const auto page_text = given("page");
  if (!page_text.empty() && !ParseId(page_text)) return JsonError(422, "page: must be a number from 1");
  query.page = page_text.empty() ? 1 : static_cast<int>(std::min<std::int64_t>(*ParseId(page_text), 1'000'000));
  query.page_size = accounts_.Settings().page_size;
  const auto page = store_.Stories().List(query);
  boost::json::array items;
  for (const auto& item : page.items) {
    items.push_back({{"id", item.id},
                     {"language", news::LanguageCode(item.language)},
                     {"slug", item.slug},
                     {"headline", item.headline},
                     {"section", item.section_name},
                     {"section_slug", item.section_slug},
                     {"source", item.source},
                     {"byline", item.byline},
                     {"status", news::StatusName(item.status)},
                     {"updated_at", news::FormatIso8601(item.updated_at)},
                     {"published_at", item.published_at ? boost::json::value(news::FormatIso8601(*item.published_at))
                                                        : boost::json::value(nullptr)}});
  }
  const long long pages = std::max<long long>(1, (page.total + query.page_size - 1) / query.page_size);
  return JsonAnswer(200, boost::json::object{{"stories", std::move(items)}, {"total", page.total},
                                             {"page", query.page}, {"pages", pages}});
}

http::Response StoryApi::Create(const http::Request& request, const SignedIn& who) const {
  if (!Allowed(who.role, Action::kWriteDraft)) return JsonError(403, "this role may not write stories");
  const auto id = desk_.Save(who, std::nullopt, StoryFromJson(request.body, {}), StoryAction::kSave);
  auto answer = Get(who, id);
  answer.status = 201;
  answer.Header("Location", "/api/stories/" + std::to_string(id));
  return answer;
}

http::Response StoryApi::Get(const SignedIn& who, news::ArticleId id) const {
  if (!Allowed(who.role, Action::kWriteDraft)) return JsonError(403, "this role has no stories to read");
  const auto story = store_.Stories().Find(id);
  if (!story) return JsonError(404, "no such story");
  return JsonAnswer(200, StoryJson(*story, store_.Stories().Notes(id)));
}

http::Response StoryApi::Update(const http::Request& request, const SignedIn& who, news::ArticleId id) const {
  const auto story = store_.Stories().Find(id);
  if (!story) return JsonError(404, "no such story");
  if (!MayEditStory(who.role, story->owner == who.user.id, story->article.status == news::ArticleStatus::kDraft))
    return JsonError(403, "this role may not change this story");
  desk_.Save(who, id, StoryFromJson(request.body, DraftOf(story->article)), StoryAction::kSave);
  return Get(who, id);
}

http::Response StoryApi::Act(const http::Request& request, const SignedIn& who, news::ArticleId id,
                             std::string_view action) const {
  const auto story = store_.Stories().Find(id);
  if (!story) return JsonError(404, "no such story");
  if (action == "notes") {
    if (!Allowed(who.role, Action::kCorrect)) return JsonError(403, "this role may not correct stories");
    std::string kind, text;
    const auto object = ParseObject(request.body);
    ReadString(object, "kind", kind);
    ReadString(object, "text", text);
    desk_.AddNote(who, id, kind, text);
    auto answer = Get(who, id);
    answer.status = 201;
    return answer;
  }
  StoryAction what;
  Action needs;
  std::optional<news::TimePoint> at;
  if (action == "publish") {
    what = StoryAction::kPublish, needs = Action::kPublish;
  } else if (action == "unpublish") {
    what = StoryAction::kUnpublish, needs = Action::kUnpublish;
  } else if (action == "schedule") {
    what = StoryAction::kSchedule, needs = Action::kPublish;
  } else {
    return JsonError(404, "the action must be publish, unpublish, schedule or notes");
  }
  if (!Allowed(who.role, needs)) return JsonError(403, "this role may not " + std::string(action));
  if (what == StoryAction::kSchedule) {
    std::string text;
    ReadString(ParseObject(request.body), "at", text);
    at = news::ParseIso8601(text);
    if (!at) return JsonError(422, "at: give the time to publish at, such as 2024-03-04T09:15:00Z");
  }
  desk_.Save(who, id, DraftOf(story->article), what, at);
  return Get(who, id);
}

http::Response StoryApi::Revisions(const SignedIn& who, news::ArticleId id) const {
  if (!Allowed(who.role, Action::kWriteDraft)) return JsonError(403, "this role has no stories to read");
  if (!store_.Stories().Find(id)) return JsonError(404, "no such story");
  boost::json::array items;
  for (const auto& r : store_.Stories().Revisions(id))
    items.push_back({{"id", r.id},
                     {"user", r.user_name},
                     {"saved_at", news::FormatIso8601(r.saved_at)},
                     {"note", r.note},
                     {"status", news::StatusName(r.content.status)},
                     {"headline", r.content.headline}});
  return JsonAnswer(200, boost::json::object{{"revisions", std::move(items)}});
}

http::Response StoryApi::Diff(const http::Request& request, const SignedIn& who, news::ArticleId id) const {
  if (!Allowed(who.role, Action::kWriteDraft)) return JsonError(403, "this role has no stories to read");
  if (!store_.Stories().Find(id)) return JsonError(404, "no such story");
  std::optional<store::Revision> revisions[2];
  const char* names[2] = {"from", "to"};
  for (int i = 0; i < 2; ++i) {
    const auto given = ParseId(request.Query(names[i]).value_or(""));
    if (!given) return JsonError(422, std::string(names[i]) + ": give a revision id");
    revisions[i] = store_.Stories().FindRevision(*given);
    if (!revisions[i] || revisions[i]->article_id != id) return JsonError(404, "no such revision of this story");
  }
  boost::json::array lines;
  for (const auto& line : RevisionDiff(revisions[0]->content, revisions[1]->content))
    lines.push_back({{"kind", line.kind == DiffLine::Kind::kAdded     ? "added"
                              : line.kind == DiffLine::Kind::kRemoved ? "removed"
                                                                      : "same"},
                     {"text", line.text}});
  return JsonAnswer(200, boost::json::object{{"from", revisions[0]->id}, {"to", revisions[1]->id}, {"lines", std::move(lines)}});
}

http::Response StoryApi::Restore(const SignedIn& who, news::ArticleId id, std::string_view revision) const {
  const auto story = store_.Stories().Find(id);
  if (!story) return JsonError(404, "no such story");
  if (!MayEditStory(who.role, story->owner == who.user.id, story->article.status == news::ArticleStatus::kDraft))
    return JsonError(403, "this role may not change this story");
  const auto revision_id = ParseId(revision);
  if (!revision_id) return JsonError(404, "no such revision of this story");
  desk_.Restore(who, id, *revision_id);
  return Get(who, id);
}

}  // namespace gazette::newsroom
