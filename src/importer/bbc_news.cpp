// The BBC News data set; docs/data-loading.md gives the mapping and the date rule.
#include "importer/bbc_news.hpp"

#include <algorithm>
#include <set>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "importer/file_bytes.hpp"
#include "importer/name_tagger.hpp"
#include "importer/plain_text.hpp"
#include "importer/unique_slugs.hpp"
#include "news/content_hash.hpp"
#include "news/slug.hpp"
#include "news/utf8.hpp"

namespace gazette::importer {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono;

constexpr std::size_t kMaxTags = 4;
constexpr int kDaysSpread = 730;  // 2004-01-01 to 2005-12-31.

// Different hours keep categories apart on the home page's latest list.
int CategoryHour(std::string_view category) {
  if (category == "business") return 8;
  if (category == "politics") return 10;
  if (category == "tech") return 13;
  if (category == "sport") return 16;
  if (category == "entertainment") return 19;
  return 12;
}

// "042.txt" -> 42; nothing for other names (README.TXT).
std::optional<unsigned long> StoryNumber(const fs::path& file) {
  const std::string name = file.filename().string();
  if (!name.ends_with(".txt") || name.size() == 4) return std::nullopt;
  const std::string_view digits(name.data(), name.size() - 4);
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return std::stoul(std::string(digits));
}

struct Category {
  std::string name;
  std::vector<fs::path> files;  // In number order.
};

std::vector<Category> ListCategories(const fs::path& folder) {
  std::vector<Category> categories;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (!entry.is_directory()) continue;
    Category category{entry.path().filename().string(), {}};
    std::vector<std::pair<unsigned long, fs::path>> numbered;
    for (const auto& file : fs::directory_iterator(entry.path()))
      if (auto number = StoryNumber(file.path()); number && file.is_regular_file())
        numbered.emplace_back(*number, file.path());
    std::sort(numbered.begin(), numbered.end());
    for (auto& [number, path] : numbered) category.files.push_back(std::move(path));
    if (!category.files.empty()) categories.push_back(std::move(category));
  }
  std::sort(categories.begin(), categories.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
  return categories;
}

}  // namespace

news::TimePoint BbcPublishedAt(std::string_view category, std::size_t index, std::size_t count) {
  const auto day = count <= 1 ? 0 : static_cast<int>(index * kDaysSpread / (count - 1));
  return sys_days{year{2004} / January / 1} + days{day} + hours{CategoryHour(category)};
}

std::string BbcSectionName(std::string_view category) {
  std::string name(category);
  if (!name.empty() && name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 'a' + 'A');
  return name;
}

DataSet ReadBbcNews(const fs::path& folder) {
  DataSet set;
  set.name = "BBC News";
  set.path = folder.string();
  const NameTagger tagger = EnglishNewsNames();
  UniqueSlugs slugs;
  std::set<std::string> seen;  // external ids
  for (const auto& category : ListCategories(folder)) {
    for (std::size_t index = 0; index < category.files.size(); ++index) {
      const fs::path& file = category.files[index];
      const std::size_t record = ++set.records;
      auto problem = [&](ProblemAction action, std::string what, std::optional<std::size_t> offset) {
        set.problems.push_back({file.string(), record, offset, action, std::move(what)});
      };
      std::string bytes;
      try {
        bytes = ReadFileBytes(file);
      } catch (const std::exception& e) {
        problem(ProblemAction::kSkipped, e.what(), std::nullopt);
        continue;
      }
      // The set holds the same story under two numbers; its bytes identify it.
      std::string external_id = "bbc:" + news::ContentHash(bytes);
      if (!seen.insert(external_id).second) {
        ++set.duplicates;
        continue;
      }
      if (auto bad = news::FirstInvalidUtf8(bytes)) {
        problem(ProblemAction::kRepaired, "invalid UTF-8, read as Latin-1", bad);
        bytes = news::RepairAsLatin1(bytes);
      }
      std::vector<std::string> lines = ParagraphsFromLines(bytes);
      if (lines.size() < 2) {
        problem(ProblemAction::kSkipped, lines.empty() ? "empty file" : "no body after the headline", std::nullopt);
        continue;
      }
      news::ArticleDraft draft;
      draft.external_id = std::move(external_id);
      draft.language = news::Language::kEnglish;
      draft.headline = std::move(lines.front());
      lines.erase(lines.begin());
      draft.slug = slugs.Claim(draft.language, BaseSlug(draft.headline, *draft.external_id));
      draft.section_name = BbcSectionName(category.name);
      draft.section_slug = news::MakeSlug(category.name);
      draft.source = "BBC";
      draft.tags = tagger.Tags(draft.headline + "\n" + lines.front(), kMaxTags);
      draft.body_markdown = PlainParagraphsToMarkdown(lines);
      draft.status = news::ArticleStatus::kPublished;
      draft.published_at = BbcPublishedAt(category.name, index, category.files.size());
      set.entries.push_back({std::move(draft), file.string(), record});
    }
  }
  return set;
}

}  // namespace gazette::importer
