// Gazette JSON stories; the fields are listed in docs/data-loading.md.
#include "importer/gazette_json.hpp"

#include <set>

#include <fmt/format.h>

#include "importer/file_bytes.hpp"
#include "importer/json_records.hpp"
#include "importer/plain_text.hpp"
#include "importer/unique_slugs.hpp"
#include "news/slug.hpp"
#include "news/timestamp.hpp"

namespace gazette::importer {
namespace {

constexpr std::string_view kFooterLinesKey = "site.footer_lines";

// A field that is present but unusable makes the whole record unusable.
struct BadField {
  std::string what;
};

std::string OptionalString(const boost::json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  if (value == nullptr || value->is_null()) return "";
  if (!value->is_string()) throw BadField{fmt::format("\"{}\" is not a string", key)};
  return CleanLine(std::string_view(value->as_string()));
}

std::vector<std::string> OptionalStrings(const boost::json::object& object, std::string_view key) {
  auto strings = StringListField(object, key);
  if (!strings) throw BadField{fmt::format("\"{}\" is not a list of strings", key)};
  return *strings;
}

std::optional<news::TimePoint> OptionalTime(const boost::json::object& object) {
  const std::string text = OptionalString(object, "published_at");
  if (text.empty()) return std::nullopt;
  auto time = news::ParseIso8601(text);
  if (!time) throw BadField{fmt::format("\"published_at\" is not an ISO 8601 time: '{}'", text)};
  return time;
}

std::vector<std::string> CleanTags(const std::vector<std::string>& names) {
  std::vector<std::string> tags;
  for (const auto& name : names)
    if (auto tag = CleanLine(name); !tag.empty()) tags.push_back(std::move(tag));
  return tags;
}

// The story of one record, with its slug not yet made unique.
news::ArticleDraft ReadStory(const boost::json::object& object) {
  news::ArticleDraft draft;
  draft.headline = OptionalString(object, "headline");
  if (draft.headline.empty()) throw BadField{"no \"headline\""};
  const std::string language = OptionalString(object, "language");
  auto parsed = news::ParseLanguage(language.empty() ? "en" : language);
  if (!parsed) throw BadField{fmt::format("unknown \"language\" '{}'", language)};
  draft.language = *parsed;
  draft.section_name = OptionalString(object, "section");
  if (draft.section_name.empty()) throw BadField{"no \"section\""};
  draft.section_slug = OptionalString(object, "section_slug");
  draft.slug = OptionalString(object, "slug");
  if (!draft.slug.empty() && !news::IsValidSlug(draft.slug))
    throw BadField{fmt::format("\"slug\" '{}' is not a valid slug", draft.slug)};
  if (draft.slug.empty()) draft.slug = BaseSlug(draft.headline, draft.headline);
  if (auto id = OptionalString(object, "external_id"); !id.empty()) draft.external_id = id;
  draft.standfirst = OptionalString(object, "standfirst");
  draft.dateline = OptionalString(object, "dateline");
  draft.source = OptionalString(object, "source");
  draft.byline = OptionalString(object, "byline");
  draft.tags = CleanTags(OptionalStrings(object, "tags"));
  std::vector<std::string> paragraphs;
  for (const auto& paragraph : OptionalStrings(object, "body_paragraphs")) paragraphs.push_back(CleanText(paragraph));
  draft.body_markdown = PlainParagraphsToMarkdown(paragraphs);
  draft.published_at = OptionalTime(object);
  const std::string status = OptionalString(object, "status");
  auto parsed_status = news::ParseStatus(status.empty() ? "published" : status);
  if (!parsed_status) throw BadField{fmt::format("unknown \"status\" '{}'", status)};
  draft.status = *parsed_status;
  return draft;
}

// A related headline of a story: a published story of its own, without a body.
news::ArticleDraft ReadRelated(const boost::json::value& value, const news::ArticleDraft& story) {
  if (!value.is_object()) throw BadField{"a \"related\" entry is not an object"};
  const auto& object = value.as_object();
  news::ArticleDraft draft;
  draft.headline = OptionalString(object, "headline");
  if (draft.headline.empty()) throw BadField{"a \"related\" entry has no \"headline\""};
  draft.language = story.language;
  draft.section_name = story.section_name;
  draft.section_slug = story.section_slug;
  draft.slug = BaseSlug(draft.headline, draft.headline);
  draft.tags = CleanTags(OptionalStrings(object, "tags"));
  draft.published_at = OptionalTime(object);
  draft.status = news::ArticleStatus::kPublished;
  return draft;
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) {
    if (!text.empty()) text += '\n';
    text += CleanLine(line);
  }
  return text;
}

}  // namespace

DataSet ReadGazetteJson(const std::filesystem::path& file) {
  DataSet set;
  set.name = "Gazette JSON";
  set.path = file.string();
  std::string bytes;
  try {
    bytes = ReadFileBytes(file);
  } catch (const std::exception& e) {
    set.problems.push_back({set.path, 0, std::nullopt, ProblemAction::kFailed, e.what()});
    return set;
  }
  JsonRecords json = ReadJsonRecords(bytes);
  if (json.error) {
    const auto action = json.records.empty() ? ProblemAction::kFailed : ProblemAction::kSkipped;
    set.problems.push_back({set.path, 0, std::nullopt, action, *json.error});
  }

  UniqueSlugs slugs;
  std::set<std::pair<news::Language, std::string>> story_slugs;
  std::vector<LoadEntry> related;
  for (const auto& record : json.records) {
    ++set.records;
    auto problem = [&](ProblemAction action, std::string what, std::optional<std::size_t> offset) {
      set.problems.push_back({set.path, record.number, offset, action, std::move(what)});
    };
    if (!record.object) {
      problem(ProblemAction::kSkipped, record.error, record.error_offset);
      continue;
    }
    try {
      news::ArticleDraft story = ReadStory(*record.object);
      std::vector<news::ArticleDraft> its_related;
      if (const auto* list = record.object->if_contains("related")) {
        if (!list->is_array()) throw BadField{"\"related\" is not a list"};
        for (const auto& value : list->as_array()) its_related.push_back(ReadRelated(value, story));
      }
      if (const auto* site = record.object->if_contains("site"); site && site->is_object()) {
        if (const auto* lines = site->as_object().if_contains("footer_lines"); lines && !lines->is_null())
          set.settings.emplace_back(kFooterLinesKey, JoinLines(OptionalStrings(site->as_object(), "footer_lines")));
      }
      if (record.repaired_utf8_offset)
        problem(ProblemAction::kRepaired, "invalid UTF-8, read as Latin-1", record.repaired_utf8_offset);
      const std::string wanted = story.slug;
      story_slugs.emplace(story.language, wanted);
      story_slugs.emplace(story.language, BaseSlug(story.headline, story.headline));
      story.slug = slugs.Claim(story.language, wanted);
      if (story.slug != wanted)
        problem(ProblemAction::kRepaired, fmt::format("slug '{}' is taken in this file; saved as '{}'", wanted, story.slug),
                std::nullopt);
      if (!story.external_id) story.external_id = "seed:" + story.slug;
      set.entries.push_back({std::move(story), set.path, record.number});
      for (auto& draft : its_related) related.push_back({std::move(draft), set.path, record.number});
    } catch (const BadField& bad) {
      problem(ProblemAction::kSkipped, bad.what, record.offset);
    }
  }
  // Related headlines are often stories of the same file, or of each other's lists.
  std::set<std::pair<news::Language, std::string>> related_slugs;
  for (auto& entry : related) {
    auto key = std::make_pair(entry.draft.language, entry.draft.slug);
    if (story_slugs.contains(key) || !related_slugs.insert(key).second) {
      ++set.duplicates;
      continue;
    }
    entry.draft.slug = slugs.Claim(entry.draft.language, entry.draft.slug);
    entry.draft.external_id = "seed:" + entry.draft.slug;
    set.entries.push_back(std::move(entry));
  }
  return set;
}

}  // namespace gazette::importer
