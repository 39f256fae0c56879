// SaudiNewsNet records to Arabic stories; docs/data-loading.md gives the mapping.
#include "importer/saudi_news_net.hpp"

#include <array>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "importer/file_bytes.hpp"
#include "importer/json_records.hpp"
#include "importer/name_tagger.hpp"
#include "importer/plain_text.hpp"
#include "importer/saudi_sections.hpp"
#include "importer/unique_slugs.hpp"
#include "news/timestamp.hpp"

namespace gazette::importer {
namespace {

// The outlet is one tag; names from the text give the rest.
constexpr std::size_t kMaxNameTags = 3;

constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kOutlets{{
    {"alriyadh", "الرياض"},
    {"aljazirah", "الجزيرة"},
    {"alyaum", "اليوم"},
    {"okaz", "عكاظ"},
    {"aleqtisadiya", "الاقتصادية"},
    {"almadina", "المدينة"},
    {"alwatan", "الوطن"},
    {"aawsat", "الشرق الأوسط"},
    {"was", "واس"},
    {"alweeam", "الوئام"},
    {"3alyoum", "عين اليوم"},
    {"arriyadiyah", "الرياضية"},
    {"sabq", "سبق"},
    {"arreyadi", "الرياضي"},
}};

struct Skip {
  std::string why;
};

std::string RequiredString(const boost::json::object& object, std::string_view key) {
  auto value = StringField(object, key);
  if (!value)
    throw Skip{object.contains(key) ? fmt::format("\"{}\" is not a string", key) : fmt::format("no \"{}\" field", key)};
  return *value;
}

news::ArticleDraft ReadStory(const boost::json::object& object, const NameTagger& tagger) {
  news::ArticleDraft draft;
  draft.language = news::Language::kArabic;
  draft.headline = CleanLine(RequiredString(object, "title"));
  const std::vector<std::string> paragraphs = ParagraphsFromLines(RequiredString(object, "content"));
  if (draft.headline.empty() && paragraphs.empty()) throw Skip{"empty title and content"};
  if (draft.headline.empty()) throw Skip{"empty title"};
  if (paragraphs.empty()) throw Skip{"empty content"};
  const std::string url = CleanLine(RequiredString(object, "url"));
  if (url.empty()) throw Skip{"empty url"};
  const std::string date = RequiredString(object, "date_extracted");
  draft.published_at = news::ParseIso8601(date);
  if (!draft.published_at) throw Skip{fmt::format("\"date_extracted\" is not a date: '{}'", date)};
  draft.external_id = "saudinewsnet:" + url;
  draft.source = SaudiOutletName(CleanLine(RequiredString(object, "source")));
  draft.byline = CleanLine(StringField(object, "author").value_or(""));
  SectionChoice section = SaudiSectionFromUrl(url);
  draft.section_name = std::move(section.name);
  draft.section_slug = std::move(section.slug);
  draft.slug = BaseSlug(draft.headline, url);
  if (!draft.source.empty()) draft.tags.push_back(draft.source);
  for (auto& tag : tagger.Tags(draft.headline + "\n" + paragraphs.front(), kMaxNameTags))
    if (tag != draft.source) draft.tags.push_back(std::move(tag));
  draft.body_markdown = PlainParagraphsToMarkdown(paragraphs);
  draft.status = news::ArticleStatus::kPublished;
  return draft;
}

}  // namespace

std::string SaudiOutletName(std::string_view source_id) {
  for (const auto& [id, name] : kOutlets)
    if (id == source_id) return std::string(name);
  return std::string(source_id);
}

DataSet ReadSaudiNewsNet(const std::vector<std::filesystem::path>& files, std::string path) {
  DataSet set;
  set.name = "SaudiNewsNet";
  set.path = std::move(path);
  const NameTagger tagger = ArabicNewsNames();
  UniqueSlugs slugs;
  std::set<std::string> seen;  // external ids
  for (const auto& file : files) {
    const std::string name = file.string();
    std::string bytes;
    try {
      bytes = ReadFileBytes(file);
    } catch (const std::exception& e) {
      set.problems.push_back({name, 0, std::nullopt, ProblemAction::kFailed, e.what()});
      continue;
    }
    const JsonRecords json = ReadJsonRecords(bytes);
    if (json.error) {
      const auto action = json.records.empty() ? ProblemAction::kFailed : ProblemAction::kSkipped;
      set.problems.push_back({name, 0, std::nullopt, action, *json.error});
    }
    for (const auto& record : json.records) {
      ++set.records;
      auto problem = [&](ProblemAction action, std::string what, std::optional<std::size_t> offset) {
        set.problems.push_back({name, record.number, offset, action, std::move(what)});
      };
      if (!record.object) {
        problem(ProblemAction::kSkipped, record.error, record.error_offset);
        continue;
      }
      try {
        news::ArticleDraft draft = ReadStory(*record.object, tagger);
        if (!seen.insert(*draft.external_id).second) {
          ++set.duplicates;
          continue;
        }
        if (record.repaired_utf8_offset)
          problem(ProblemAction::kRepaired, "invalid UTF-8, read as Latin-1", record.repaired_utf8_offset);
        draft.slug = slugs.Claim(draft.language, draft.slug);
        set.entries.push_back({std::move(draft), name, record.number});
      } catch (const Skip& skip) {
        problem(ProblemAction::kSkipped, skip.why, record.offset);
      }
    }
  }
  return set;
}

}  // namespace gazette::importer
