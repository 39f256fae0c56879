// The importer against real files: the data sets in ../shared (each test skips when it is
// absent) and the demo sample shipped in the repo.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <boost/json/parse.hpp>

#include "importer/fake_stores.hpp"
#include "importer/file_bytes.hpp"
#include "importer/loader.hpp"
#include "importer/markdown_check.hpp"

namespace gazette::importer {
namespace {

namespace fs = std::filesystem;
using testing::FakeArticleStore;
using testing::FakeSettingsStore;
using testing::RenderedParagraphs;

fs::path Shared() { return fs::path(GAZETTE_SOURCE_DIR) / ".." / "shared"; }

std::string Missing(const fs::path& path) {
  return "needs ../shared/data beside the checkout (looked for " + path.string() + ")";
}

LoadReport LoadQuietly(const std::vector<fs::path>& paths, FakeArticleStore& articles, FakeSettingsStore& settings) {
  std::ostringstream out;
  ProgressSink progress(out, ProgressStyle::kSilent);
  return LoadPaths(paths, articles, settings, progress);
}

TEST(RealDataTest, BbcLoadsEachStoryOnceAndRepairsSport199) {
  const fs::path bbc = Shared() / "data" / "english-news";
  if (!fs::exists(bbc)) GTEST_SKIP() << Missing(bbc);
  FakeArticleStore articles;
  FakeSettingsStore settings;
  const auto started = std::chrono::steady_clock::now();
  const LoadReport first = LoadQuietly({bbc}, articles, settings);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  ASSERT_EQ(first.data_sets.size(), 1u);
  const auto& counts = first.data_sets[0];
  EXPECT_EQ(counts.records, 2225u);
  EXPECT_EQ(counts.created, 2225u - 98u);
  EXPECT_EQ(counts.duplicates, 98u);
  EXPECT_EQ(counts.skipped, 0u);
  EXPECT_EQ(counts.repaired, 1u);
  ASSERT_EQ(first.problems.size(), 1u);
  const auto& problem = first.problems[0];
  EXPECT_TRUE(problem.file.ends_with("sport/199.txt")) << problem.file;
  EXPECT_EQ(problem.record, 510u + 386u + 417u + 199u);
  EXPECT_EQ(problem.byte_offset, std::optional<std::size_t>(257));
  EXPECT_EQ(problem.action, ProblemAction::kRepaired);

  std::map<std::string, int> per_section;
  std::size_t tagged = 0;
  for (const auto& [id, draft] : articles.Articles()) {
    ++per_section[draft.section_slug];
    tagged += draft.tags.empty() ? 0 : 1;
    EXPECT_LE(draft.tags.size(), 4u);
    ASSERT_NO_THROW(RenderedParagraphs(draft.body_markdown)) << draft.slug;
  }
  EXPECT_EQ(per_section.size(), 5u);
  EXPECT_GT(tagged, 2127u * 3 / 4) << "most stories should mention a known name";
  const auto sport199 = articles.InSection("sport");
  bool pound_sign = false;
  for (const auto& draft : sport199) pound_sign |= draft.body_markdown.find("\xC2\xA3") != std::string::npos;
  EXPECT_TRUE(pound_sign);
  std::cout << "[ info ] BBC: " << FormatCounts(counts) << " in " << took.count() << " s; " << tagged
            << " stories tagged\n";

  const LoadReport second = LoadQuietly({bbc / "bbc"}, articles, settings);
  EXPECT_EQ(second.data_sets[0].unchanged, 2127u);
  EXPECT_EQ(second.data_sets[0].created + second.data_sets[0].updated, 0u);
}

TEST(RealDataTest, SeedLoadsSixStoriesAndItsParagraphsRoundTrip) {
  const fs::path seed = Shared() / "seed" / "article.json";
  if (!fs::exists(seed)) GTEST_SKIP() << Missing(seed);
  FakeArticleStore articles;
  FakeSettingsStore settings;
  const LoadReport first = LoadQuietly({seed}, articles, settings);
  ASSERT_EQ(first.data_sets.size(), 1u);
  EXPECT_EQ(first.data_sets[0].created, 6u);
  EXPECT_TRUE(first.problems.empty());
  EXPECT_EQ(settings.Get("site.footer_lines"),
            "Maintained and developed by Arabs Today Group SAL.\nAll rights reserved to Arab Today Media Group 2021 ©");

  const auto json = boost::json::parse(ReadFileBytes(seed)).as_object();
  std::vector<std::string> paragraphs;
  for (const auto& p : json.at("body_paragraphs").as_array()) paragraphs.emplace_back(p.as_string());
  ASSERT_EQ(paragraphs.size(), 18u);
  const auto story = articles.ByExternalId("seed:iran-russia-syria-defence-ministers-talks-tehran");
  ASSERT_TRUE(story);
  EXPECT_EQ(RenderedParagraphs(story->body_markdown), paragraphs);
  EXPECT_EQ(story->section_slug, "middle-east");
  EXPECT_EQ(story->tags, (std::vector<std::string>{"Iran", "Russia", "Syria"}));
  for (const auto& related : json.at("related").as_array()) {
    const std::string headline(related.at("headline").as_string());
    bool found = false;
    for (const auto& [id, draft] : articles.Articles()) found |= draft.headline == headline;
    EXPECT_TRUE(found) << headline;
  }
  const LoadReport second = LoadQuietly({seed}, articles, settings);
  EXPECT_EQ(second.data_sets[0].unchanged, 6u);
}

TEST(RealDataTest, SaudiNewsNetLoadsEveryValidRecordWithSections) {
  const fs::path folder = Shared() / "data" / "arabic-news";
  if (!fs::exists(folder)) GTEST_SKIP() << Missing(folder);
  FakeArticleStore articles;
  FakeSettingsStore settings;
  const auto started = std::chrono::steady_clock::now();
  const LoadReport first = LoadQuietly({folder}, articles, settings);
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
  ASSERT_EQ(first.data_sets.size(), 1u);
  const auto& counts = first.data_sets[0];
  EXPECT_EQ(counts.records, 6010u);
  EXPECT_EQ(counts.duplicates, 0u);
  EXPECT_EQ(counts.repaired, 0u);
  EXPECT_EQ(counts.created + counts.skipped, 6010u);
  EXPECT_GE(counts.skipped, 24u);  // SOURCE.md: 10 empty titles, 24 empty bodies (more are blank).
  EXPECT_LE(counts.skipped, 10u + 58u);
  for (const auto& problem : first.problems) {
    EXPECT_EQ(problem.action, ProblemAction::kSkipped);
    EXPECT_GT(problem.record, 0u);
    EXPECT_TRUE(problem.what.starts_with("empty")) << FormatProblem(problem);
  }

  std::map<std::string, int> per_section;
  std::map<std::string, int> per_source;
  for (const auto& [id, draft] : articles.Articles()) {
    ++per_section[draft.section_slug];
    ++per_source[draft.source];
    EXPECT_EQ(draft.tags.at(0), draft.source);
    EXPECT_FALSE(draft.body_markdown.empty());
  }
  EXPECT_EQ(per_source.size(), 13u);  // All three arreyadi records have an empty body.
  EXPECT_TRUE(per_source.contains("الشرق الأوسط"));
  EXPECT_GE(per_section.size(), 9u);
  EXPECT_GT(per_section["sports"], 200);
  std::cout << "[ info ] SaudiNewsNet: " << FormatCounts(counts) << " in " << took.count() << " s; sections:";
  for (const auto& [slug, count] : per_section) std::cout << ' ' << slug << '=' << count;
  std::cout << '\n';

  const LoadReport second = LoadQuietly({folder}, articles, settings);
  EXPECT_EQ(second.data_sets[0].unchanged, counts.created);
  EXPECT_EQ(second.data_sets[0].created + second.data_sets[0].updated, 0u);
}

TEST(SampleStoriesTest, LoadWithoutProblems) {
  const fs::path sample = fs::path(GAZETTE_SOURCE_DIR) / "demo" / "sample" / "stories.json";
  ASSERT_TRUE(fs::exists(sample)) << sample;
  FakeArticleStore articles;
  FakeSettingsStore settings;
  const LoadReport report = LoadQuietly({sample}, articles, settings);
  ASSERT_EQ(report.data_sets.size(), 1u);
  EXPECT_TRUE(report.problems.empty()) << FormatSummary(report);
  EXPECT_EQ(report.data_sets[0].created, 12u);
  std::map<news::Language, std::set<std::string>> sections;
  for (const auto& [id, draft] : articles.Articles()) {
    sections[draft.language].insert(draft.section_slug);
    EXPECT_TRUE(draft.published_at) << draft.slug;
    EXPECT_EQ(draft.status, news::ArticleStatus::kPublished);
    EXPECT_NO_THROW(RenderedParagraphs(draft.body_markdown)) << draft.slug;
  }
  EXPECT_EQ(sections[news::Language::kEnglish].size(), 3u);
  EXPECT_EQ(sections[news::Language::kArabic].size(), 3u);
}

}  // namespace
}  // namespace gazette::importer
