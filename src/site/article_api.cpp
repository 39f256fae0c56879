// The article API and the tags it announces: docs/caching.md.
#include "site/article_api.hpp"

#include <algorithm>

#include <boost/json.hpp>
#include <sodium.h>

#include "news/error.hpp"
#include "news/timestamp.hpp"

namespace gazette::site {
namespace {

[[noreturn]] void Invalid(std::string_view field, std::string_view what) {
  throw Error(ErrorKind::kInvalid, std::string(field) + ": " + std::string(what));
}

std::string String(const boost::json::object& object, std::string_view field) {
  const auto* value = object.if_contains(field);
  if (!value || value->is_null()) return {};
  if (!value->is_string()) Invalid(field, "must be a string");
  return std::string(value->as_string());
}

std::vector<std::string> Strings(const boost::json::object& object, std::string_view field) {
  std::vector<std::string> out;
  const auto* value = object.if_contains(field);
  if (!value || value->is_null()) return out;
  if (!value->is_array()) Invalid(field, "must be an array of strings");
  for (const auto& item : value->as_array()) {
    if (!item.is_string()) Invalid(field, "must be an array of strings");
    out.emplace_back(item.as_string());
  }
  return out;
}

bool Authorized(const http::Request& request, const std::string& token) {
  if (token.empty()) return false;
  auto header = request.Header("authorization");
  if (!header || !header->starts_with("Bearer ")) return false;
  auto given = header->substr(7);
  // Constant time: the answer must not leak how much of the token was right.
  return given.size() == token.size() && sodium_memcmp(given.data(), token.data(), token.size()) == 0;
}

std::string_view OutcomeName(store::SaveOutcome outcome) {
  switch (outcome) {
    case store::SaveOutcome::kCreated: return "created";
    case store::SaveOutcome::kUpdated: return "updated";
    case store::SaveOutcome::kUnchanged: break;
  }
  return "unchanged";
}

void AddOnce(std::vector<std::string>& tags, std::string tag) {
  if (std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(std::move(tag));
}

}  // namespace

news::ArticleDraft ParseDraftJson(std::string_view json) {
  boost::system::error_code ec;
  auto value = boost::json::parse(json, ec);
  if (ec) throw Error(ErrorKind::kInvalid, "the body is not JSON: " + ec.message());
  if (!value.is_object()) throw Error(ErrorKind::kInvalid, "the body must be a JSON object");
  const auto& object = value.as_object();

  news::ArticleDraft draft;
  const auto language = news::ParseLanguage(String(object, "language"));
  if (!language) Invalid("language", "must be an edition Gazette has (en, ar)");
  draft.language = *language;
  if (auto external_id = String(object, "external_id"); !external_id.empty()) draft.external_id = external_id;
  draft.slug = String(object, "slug");
  draft.headline = String(object, "headline");
  draft.standfirst = String(object, "standfirst");
  draft.dateline = String(object, "dateline");
  draft.body_markdown = String(object, "body_markdown");
  for (const auto& paragraph : Strings(object, "body_paragraphs")) {
    if (!draft.body_markdown.empty()) draft.body_markdown += "\n\n";
    draft.body_markdown += paragraph;
  }
  draft.source = String(object, "source");
  draft.byline = String(object, "byline");
  draft.section_name = String(object, "section");
  draft.section_slug = String(object, "section_slug");
  draft.tags = Strings(object, "tags");
  if (auto status = String(object, "status"); !status.empty()) {
    auto parsed = news::ParseStatus(status);
    if (!parsed) Invalid("status", "must be draft, scheduled, published or unpublished");
    draft.status = *parsed;
  }
  if (auto published_at = String(object, "published_at"); !published_at.empty()) {
    draft.published_at = news::ParseIso8601(published_at);
    if (!draft.published_at) Invalid("published_at", "must be an ISO 8601 time such as 2024-03-04T09:15:00Z");
  }
  if (draft.slug.empty()) Invalid("slug", "is required");
  return draft;
}

std::vector<std::string> ArticleChangeTags(news::ArticleId id, news::Language language,
                                           const std::optional<news::Article>& before,
                                           const std::optional<news::Article>& after) {
  std::vector<std::string> tags{news::ArticleCacheTag(id)};
  for (const auto* article : {&before, &after}) {
    if (!*article) continue;
    const auto& shown = **article;
    AddOnce(tags, news::EditionCacheTag(shown.language));
    AddOnce(tags, news::SectionCacheTag(shown.language, shown.section.slug));
    for (const auto& tag : shown.tags) AddOnce(tags, news::TagCacheTag(shown.language, tag.slug));
  }
  if (!before && !after) AddOnce(tags, news::EditionCacheTag(language));
  return tags;
}

void ArticleApi::Register(http::Router& router) const {
  router.Add(http::Method::kPut, "/api/articles",
             [this](const http::Request& request, const http::PathParams&) { return Put(request); });
}

http::Response ArticleApi::Put(const http::Request& request) const {
  if (!Authorized(request, api_token_)) {
    auto response = http::Json(401, R"({"error":"a valid bearer token is required"})");
    response.Header("WWW-Authenticate", "Bearer");
    return response;
  }
  const auto draft = ParseDraftJson(request.body);
  auto& articles = store_.Articles();
  const auto before = articles.FindPublished(draft.language, draft.slug);
  std::vector<std::string> sections_before;
  for (const auto& section : store_.Catalog().ListSections(draft.language)) sections_before.push_back(section.slug);

  const auto saved = articles.Save(draft);
  const auto after = articles.FindPublished(draft.language, draft.slug);
  std::vector<std::string> announced;
  if (saved.outcome != store::SaveOutcome::kUnchanged) {
    announced = ArticleChangeTags(saved.id, draft.language, before, after);
    // A new section appears in the navigation of every page.
    if (after && std::find(sections_before.begin(), sections_before.end(), after->section.slug) == sections_before.end())
      announced.emplace_back(news::kSiteCacheTag);
    if (announce_) announce_(announced);
  }

  boost::json::array tags;
  for (const auto& tag : announced) tags.emplace_back(tag);
  boost::json::object body{{"id", saved.id}, {"outcome", OutcomeName(saved.outcome)}, {"announced", std::move(tags)}};
  if (after) body["path"] = news::ArticlePath(after->language, after->section.slug, after->slug);
  return http::Json(saved.outcome == store::SaveOutcome::kCreated ? 201 : 200, boost::json::serialize(body) + "\n");
}

}  // namespace gazette::site
