#include <gtest/gtest.h>

#include <unistd.h>

#include <fstream>
#include <sstream>

#include "importer/fake_stores.hpp"
#include "importer/loader.hpp"
#include "importer/markdown_check.hpp"
#include "news/timestamp.hpp"

namespace gazette::importer {
namespace {

namespace fs = std::filesystem;
using testing::FakeArticleStore;
using testing::FakeSettingsStore;
using testing::RenderedParagraphs;

// A fresh folder under the system's temporary folder, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    static int counter = 0;
    path_ = fs::temp_directory_path() / ("gazette-importer-" + std::to_string(getpid()) + "-" + std::to_string(++counter));
    fs::remove_all(path_);
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  fs::path Write(const fs::path& relative, std::string_view bytes) const {
    const fs::path file = path_ / relative;
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
    return file;
  }

 private:
  fs::path path_;
};

struct Loaded {
  LoadReport report;
  std::string progress;
};

Loaded Load(const std::vector<fs::path>& paths, FakeArticleStore& articles, FakeSettingsStore& settings,
            std::size_t batch_size = 500) {
  std::ostringstream out;
  ProgressSink progress(out, ProgressStyle::kLines);
  LoadSettings load_settings;
  load_settings.batch_size = batch_size;
  Loaded loaded{LoadPaths(paths, articles, settings, progress, load_settings), ""};
  loaded.progress = out.str();
  return loaded;
}

const LoadProblem* FindProblem(const LoadReport& report, std::string_view file_part, std::size_t record) {
  for (const auto& problem : report.problems)
    if (problem.file.find(file_part) != std::string::npos && problem.record == record) return &problem;
  return nullptr;
}

// A BBC tree with a duplicate, a repeated headline, invalid UTF-8, an empty file and a stray file.
fs::path WriteMiniBbc(const TempDir& dir) {
  const std::string story = "Microsoft buys a small firm\n\nMicrosoft has bought a firm in Iraq.\n\n1. It paid a lot.\n";
  dir.Write("english-news/SOURCE.md", "# about\n");
  dir.Write("english-news/bbc/README.TXT", "Consists of 2225 documents\n");
  dir.Write("english-news/bbc/business/001.txt", story);
  dir.Write("english-news/bbc/business/002.txt", story);
  dir.Write("english-news/bbc/business/010.txt", "Microsoft buys a small firm\n\nA second, different story.\n");
  dir.Write("english-news/bbc/sport/001.txt", "Cup tie tickets\n\nTickets cost \xA3" "30 each.\n");
  dir.Write("english-news/bbc/sport/002.txt", "\n\n");
  return dir.path() / "english-news";
}

TEST(BbcLoadTest, LoadsStoriesOnceAndReportsBadFiles) {
  TempDir dir;
  const fs::path root = WriteMiniBbc(dir);
  FakeArticleStore articles;
  FakeSettingsStore settings;
  const auto first = Load({root}, articles, settings);
  ASSERT_EQ(first.report.data_sets.size(), 1u);
  const auto& counts = first.report.data_sets[0];
  EXPECT_EQ(counts.name, "BBC News");
  EXPECT_EQ(counts.records, 5u);
  EXPECT_EQ(counts.created, 3u);
  EXPECT_EQ(counts.duplicates, 1u);
  EXPECT_EQ(counts.repaired, 1u);
  EXPECT_EQ(counts.skipped, 1u);
  EXPECT_EQ(first.report.failed_paths, 0u);

  const LoadProblem* repaired = FindProblem(first.report, "sport/001.txt", 4);
  ASSERT_NE(repaired, nullptr);
  EXPECT_EQ(repaired->action, ProblemAction::kRepaired);
  EXPECT_EQ(repaired->byte_offset, std::optional<std::size_t>(30));
  EXPECT_NE(first.progress.find("sport/001.txt: record 4, byte 30: invalid UTF-8"), std::string::npos) << first.progress;
  const LoadProblem* empty = FindProblem(first.report, "sport/002.txt", 5);
  ASSERT_NE(empty, nullptr);
  EXPECT_EQ(empty->action, ProblemAction::kSkipped);

  const auto business = articles.InSection("business");
  ASSERT_EQ(business.size(), 2u);
  EXPECT_EQ(business[0].slug, "microsoft-buys-a-small-firm");
  EXPECT_EQ(business[1].slug, "microsoft-buys-a-small-firm-2");
  EXPECT_EQ(business[0].section_name, "Business");
  EXPECT_EQ(business[0].source, "BBC");
  EXPECT_EQ(business[0].tags, (std::vector<std::string>{"Microsoft", "Iraq"}));
  EXPECT_TRUE(business[0].external_id->starts_with("bbc:"));
  EXPECT_EQ(news::FormatIso8601(*business[0].published_at), "2004-01-01T08:00:00Z");
  EXPECT_EQ(news::FormatIso8601(*business[1].published_at), "2005-12-31T08:00:00Z");
  EXPECT_EQ(RenderedParagraphs(business[0].body_markdown),
            (std::vector<std::string>{"Microsoft has bought a firm in Iraq.", "1. It paid a lot."}));
  const auto sport = articles.InSection("sport");
  ASSERT_EQ(sport.size(), 1u);
  EXPECT_EQ(RenderedParagraphs(sport[0].body_markdown), std::vector<std::string>{"Tickets cost \xC2\xA3" "30 each."});

  const auto second = Load({root / "bbc"}, articles, settings);
  const auto& again = second.report.data_sets[0];
  EXPECT_EQ(again.created, 0u);
  EXPECT_EQ(again.updated, 0u);
  EXPECT_EQ(again.unchanged, 3u);
  EXPECT_EQ(articles.CountAll(), 3);
}

fs::path WriteMiniSaudi(const TempDir& dir) {
  dir.Write("arabic-news/SOURCE.md", "# about\n");
  return dir.Write("arabic-news/2015-08-08.json", R"([
    {"source": "okaz", "url": "http://www.3alyoum.com/sports/a/x/", "date_extracted": "2015-08-08 06:30:06",
     "title": "الهلال يفوز في بغداد", "author": " محمد ", "content": " عين اليوم – متابعات\n\nفاز الفريق *بثلاثة* أهداف.\n"},
    {"source": "was", "url": "http://www.spa.gov.sa/details.php?id=1", "date_extracted": "2015-08-08 07:00:00",
     "title": "الهلال يفوز في بغداد", "author": "", "content": "خبر آخر"},
    {"source": "alriyadh", "url": "http://www.alriyadh.com/2", "date_extracted": "2015-08-08 08:00:00",
     "title": "  ", "author": "", "content": "نص"},
    {"source": "alriyadh", "url": "http://www.alriyadh.com/3", "date_extracted": "2015-08-08 08:00:00",
     "title": "عنوان", "author": "", "content": " \n "},
    {"source": "alriyadh", "url": "http://www.alriyadh.com/4", "date_extracted": "2015-08-08 08:00:00",
     "author": "", "content": "نص"},
    {"source": "alriyadh", "url": "http://www.alriyadh.com/5", "date_extracted": oops},
    {"source": "sabq", "url": "http://sabq.org/6", "date_extracted": "2015-08-08 09:00:00",
     "title": "عنوان )" "\xA3" R"(", "author": "", "content": "نص"},
    {"source": "okaz", "url": "http://www.3alyoum.com/sports/a/x/", "date_extracted": "2015-08-08 06:30:06",
     "title": "مكرر", "author": "", "content": "مكرر"}
])");
}

TEST(SaudiNewsNetLoadTest, LoadsGoodRecordsAndReportsTheRest) {
  TempDir dir;
  const fs::path file = WriteMiniSaudi(dir);
  FakeArticleStore articles;
  FakeSettingsStore settings;
  const auto first = Load({file.parent_path()}, articles, settings);
  ASSERT_EQ(first.report.data_sets.size(), 1u);
  const auto& counts = first.report.data_sets[0];
  EXPECT_EQ(counts.name, "SaudiNewsNet");
  EXPECT_EQ(counts.records, 8u);
  EXPECT_EQ(counts.created, 3u);
  EXPECT_EQ(counts.duplicates, 1u);
  EXPECT_EQ(counts.skipped, 4u);
  EXPECT_EQ(counts.repaired, 1u);
  EXPECT_EQ(FindProblem(first.report, "2015-08-08.json", 3)->what, "empty title");
  EXPECT_EQ(FindProblem(first.report, "2015-08-08.json", 4)->what, "empty content");
  EXPECT_EQ(FindProblem(first.report, "2015-08-08.json", 5)->what, "no \"title\" field");
  EXPECT_NE(FindProblem(first.report, "2015-08-08.json", 6)->what.find("invalid JSON"), std::string::npos);
  EXPECT_EQ(FindProblem(first.report, "2015-08-08.json", 7)->action, ProblemAction::kRepaired);

  const auto story = articles.ByExternalId("saudinewsnet:http://www.3alyoum.com/sports/a/x/");
  ASSERT_TRUE(story);
  EXPECT_EQ(story->language, news::Language::kArabic);
  EXPECT_EQ(story->slug, "الهلال-يفوز-في-بغداد");
  EXPECT_EQ(story->section_name, "رياضة");
  EXPECT_EQ(story->section_slug, "sports");
  EXPECT_EQ(story->source, "عكاظ");
  EXPECT_EQ(story->byline, "محمد");
  EXPECT_EQ(story->tags, (std::vector<std::string>{"عكاظ", "العراق"}));
  EXPECT_EQ(news::FormatIso8601(*story->published_at), "2015-08-08T06:30:06Z");
  EXPECT_EQ(RenderedParagraphs(story->body_markdown),
            (std::vector<std::string>{"عين اليوم – متابعات", "فاز الفريق *بثلاثة* أهداف."}));
  const auto wire = articles.ByExternalId("saudinewsnet:http://www.spa.gov.sa/details.php?id=1");
  ASSERT_TRUE(wire);
  EXPECT_EQ(wire->slug, "الهلال-يفوز-في-بغداد-2");
  EXPECT_EQ(wire->section_slug, "news");
  EXPECT_EQ(wire->source, "واس");
  EXPECT_EQ(articles.ByExternalId("saudinewsnet:http://sabq.org/6")->headline, "عنوان \xC2\xA3");

  const auto second = Load({file}, articles, settings);
  EXPECT_EQ(second.report.data_sets[0].unchanged, 3u);
  EXPECT_EQ(second.report.data_sets[0].created, 0u);
}

constexpr std::string_view kSeedLike = R"({
  "slug": "talks-in-tehran", "language": "en", "section": "Middle East",
  "headline": "Ministers hold talks in Tehran", "dateline": "Tehran",
  "published_at": "2016-06-09T12:00:00Z", "source": "AFP", "tags": ["Iran", "Russia"],
  "body_paragraphs": ["First *paragraph*.", "# Second"],
  "related": [
    {"headline": "Earlier story about Iran", "published_at": "2018-11-06T15:01:00Z", "tags": ["Iran"]},
    {"headline": "Ministers hold talks in Tehran", "published_at": "2018-01-13T11:59:00Z", "tags": []}
  ],
  "site": {"footer_lines": ["Line one.", "Line two ©"], "comment_heading": "Send your comments"}
})";

TEST(GazetteJsonLoadTest, LoadsTheSeedShapeWithItsRelatedStoriesAndFooter) {
  TempDir dir;
  const fs::path file = dir.Write("seed/article.json", kSeedLike);
  FakeArticleStore articles;
  FakeSettingsStore settings;
  const auto first = Load({file}, articles, settings);
  const auto& counts = first.report.data_sets.at(0);
  EXPECT_EQ(counts.name, "Gazette JSON");
  EXPECT_EQ(counts.created, 2u);
  EXPECT_EQ(counts.duplicates, 1u);  // The related story that is the article itself.
  EXPECT_EQ(counts.settings_changed, 1u);
  EXPECT_EQ(settings.Get("site.footer_lines"), "Line one.\nLine two ©");

  const auto story = articles.ByExternalId("seed:talks-in-tehran");
  ASSERT_TRUE(story);
  EXPECT_EQ(story->section_slug, "middle-east");
  EXPECT_EQ(story->dateline, "Tehran");
  EXPECT_EQ(story->status, news::ArticleStatus::kPublished);
  EXPECT_EQ(RenderedParagraphs(story->body_markdown), (std::vector<std::string>{"First *paragraph*.", "# Second"}));
  const auto related = articles.ByExternalId("seed:earlier-story-about-iran");
  ASSERT_TRUE(related);
  EXPECT_EQ(related->section_name, "Middle East");
  EXPECT_EQ(related->tags, std::vector<std::string>{"Iran"});
  EXPECT_EQ(related->body_markdown, "");
  EXPECT_EQ(news::FormatIso8601(*related->published_at), "2018-11-06T15:01:00Z");

  const auto second = Load({file}, articles, settings);
  EXPECT_EQ(second.report.data_sets.at(0).unchanged, 2u);
  EXPECT_EQ(second.report.data_sets.at(0).settings_changed, 0u);
}

TEST(GazetteJsonLoadTest, LoadsArraysAndSkipsBadStories) {
  TempDir dir;
  const fs::path file = dir.Write("stories.json", R"([
    {"language": "ar", "section": "رياضة", "section_slug": "sports", "headline": "فوز كبير",
     "published_at": "2024-05-01T10:00:00Z", "body_paragraphs": ["نص الخبر."], "tags": ["كرة القدم"]},
    {"language": "en", "section": "City", "body_paragraphs": ["No headline."]},
    {"language": "xx", "section": "City", "headline": "Unknown edition"},
    {"language": "en", "section": "City", "headline": "Bad time", "published_at": "yesterday"},
    {"language": "en", "section": "City", "headline": "Bad tags", "tags": "one"},
    {"section": "City", "headline": "Council meets", "status": "draft"}
  ])");
  FakeArticleStore articles;
  FakeSettingsStore settings;
  const auto loaded = Load({file}, articles, settings);
  const auto& counts = loaded.report.data_sets.at(0);
  EXPECT_EQ(counts.records, 6u);
  EXPECT_EQ(counts.created, 2u);
  EXPECT_EQ(counts.skipped, 4u);
  EXPECT_EQ(FindProblem(loaded.report, "stories.json", 2)->what, "no \"headline\"");
  EXPECT_NE(FindProblem(loaded.report, "stories.json", 3)->what.find("language"), std::string::npos);
  EXPECT_NE(FindProblem(loaded.report, "stories.json", 4)->what.find("published_at"), std::string::npos);
  EXPECT_NE(FindProblem(loaded.report, "stories.json", 5)->what.find("tags"), std::string::npos);
  const auto arabic = articles.ByExternalId("seed:فوز-كبير");
  ASSERT_TRUE(arabic);
  EXPECT_EQ(arabic->section_slug, "sports");
  EXPECT_EQ(articles.ByExternalId("seed:council-meets")->status, news::ArticleStatus::kDraft);
}

TEST(LoadPathsTest, ReportsPathsItCannotLoadAndGoesOn) {
  TempDir dir;
  const fs::path text = dir.Write("notes.txt", "hello");
  const fs::path json = dir.Write("other.json", R"({"name": "not a story"})");
  const fs::path seed = dir.Write("seed.json", kSeedLike);
  FakeArticleStore articles;
  FakeSettingsStore settings;
  const auto loaded = Load({dir.path() / "missing", text, json, seed}, articles, settings);
  EXPECT_EQ(loaded.report.failed_paths, 3u);
  ASSERT_EQ(loaded.report.data_sets.size(), 1u);
  EXPECT_EQ(loaded.report.data_sets[0].created, 2u);
  EXPECT_EQ(loaded.report.problems.at(0).what, "no such file or folder");
  EXPECT_EQ(loaded.report.problems.at(1).action, ProblemAction::kFailed);
}

TEST(LoadPathsTest, MovesASlugTakenByAnotherArticleToTheNextSuffix) {
  TempDir dir;
  const fs::path root = WriteMiniBbc(dir);
  FakeArticleStore articles;
  FakeSettingsStore settings;
  news::ArticleDraft editors;
  editors.external_id = "editor:1";
  editors.slug = "cup-tie-tickets";
  editors.headline = "Cup tie tickets";
  editors.section_name = "Sport";
  articles.Save(editors);

  const auto first = Load({root}, articles, settings, 2);
  EXPECT_EQ(first.report.data_sets[0].created, 3u);
  const auto moved = articles.InSection("sport");
  ASSERT_EQ(moved.size(), 2u);
  EXPECT_EQ(moved[1].slug, "cup-tie-tickets-2");
  bool reported = false;
  for (const auto& problem : first.report.problems)
    reported |= problem.what.find("saved as 'cup-tie-tickets-2'") != std::string::npos;
  EXPECT_TRUE(reported);

  const auto second = Load({root}, articles, settings, 2);
  EXPECT_EQ(second.report.data_sets[0].unchanged, 3u);
  EXPECT_EQ(articles.CountAll(), 4);
}

}  // namespace
}  // namespace gazette::importer
