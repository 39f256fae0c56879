// The store contract, run against the SQLite implementation (PostgreSQL joins it later).
#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "news/error.hpp"
#include "news/timestamp.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace gazette::store {
namespace {

using news::ArticleDraft;
using news::Language;

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("gazette-store-test-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    store_ = Open();
  }
  void TearDown() override {
    store_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::unique_ptr<Store> Open() {
    return sqlite::OpenSqliteStore({.path = dir_ / "test.db", .max_readers = 4, .clock = [this] { return now_; }});
  }

  static ArticleDraft Draft(std::string slug, std::string published, std::vector<std::string> tags,
                            std::string section = "Middle East", Language language = Language::kEnglish) {
    ArticleDraft d;
    d.language = language;
    d.slug = slug;
    d.headline = "Headline of " + slug;
    d.body_markdown = "Body of " + slug;
    d.source = "AFP";
    d.section_name = section;
    d.tags = std::move(tags);
    d.status = news::ArticleStatus::kPublished;
    d.published_at = news::ParseIso8601(published);
    return d;
  }

  std::vector<std::string> Slugs(const std::vector<news::ArticleSummary>& items) {
    std::vector<std::string> slugs;
    for (const auto& item : items) slugs.push_back(item.slug);
    return slugs;
  }

  std::filesystem::path dir_;
  news::TimePoint now_ = *news::ParseIso8601("2020-01-01T00:00:00Z");
  std::unique_ptr<Store> store_;
};

TEST_F(StoreTest, SavesAndFindsAnArticle) {
  auto draft = Draft("talks", "2016-06-09T12:00:00Z", {"Iran", "Russia"});
  draft.dateline = "Tehran";
  draft.byline = "A. Reporter";
  const auto saved = store_->Articles().Save(draft);
  EXPECT_EQ(saved.outcome, SaveOutcome::kCreated);

  const auto article = store_->Articles().FindPublished(Language::kEnglish, "talks");
  ASSERT_TRUE(article);
  EXPECT_EQ(article->id, saved.id);
  EXPECT_EQ(article->headline, "Headline of talks");
  EXPECT_EQ(article->dateline, "Tehran");
  EXPECT_EQ(article->source, "AFP");
  EXPECT_EQ(article->byline, "A. Reporter");
  EXPECT_EQ(article->section.slug, "middle-east");
  EXPECT_EQ(article->section.name, "Middle East");
  ASSERT_EQ(article->tags.size(), 2u);
  EXPECT_EQ(article->tags[0].slug, "iran");
  EXPECT_EQ(article->tags[1].name, "Russia");
  EXPECT_EQ(news::FormatIso8601(*article->published_at), "2016-06-09T12:00:00Z");
  EXPECT_EQ(article->created_at, now_);
  EXPECT_FALSE(store_->Articles().FindPublished(Language::kArabic, "talks"));
  EXPECT_FALSE(store_->Articles().FindPublished(Language::kEnglish, "nothing"));
}

TEST_F(StoreTest, SavingTheSameContentTwiceChangesNothing) {
  auto draft = Draft("talks", "2016-06-09T12:00:00Z", {"Iran"});
  const auto first = store_->Articles().Save(draft);
  now_ += std::chrono::hours(1);
  const auto again = store_->Articles().Save(draft);
  EXPECT_EQ(again.outcome, SaveOutcome::kUnchanged);
  EXPECT_EQ(again.id, first.id);
  EXPECT_EQ(store_->Articles().FindPublished(Language::kEnglish, "talks")->updated_at,
            *news::ParseIso8601("2020-01-01T00:00:00Z"));

  draft.headline = "A corrected headline";
  const auto changed = store_->Articles().Save(draft);
  EXPECT_EQ(changed.outcome, SaveOutcome::kUpdated);
  const auto article = store_->Articles().FindPublished(Language::kEnglish, "talks");
  EXPECT_EQ(article->headline, "A corrected headline");
  EXPECT_EQ(article->updated_at, now_);
  EXPECT_EQ(store_->Articles().CountAll(), 1);
}

TEST_F(StoreTest, ExternalIdsKeepOneArticlePerOriginAndGuardSlugs) {
  auto draft = Draft("talks", "2016-06-09T12:00:00Z", {});
  draft.external_id = "wire:1";
  store_->Articles().Save(draft);
  draft.slug = "talks-renamed";
  EXPECT_EQ(store_->Articles().Save(draft).outcome, SaveOutcome::kUpdated);
  EXPECT_EQ(store_->Articles().CountAll(), 1);

  auto other = Draft("talks-renamed", "2016-06-09T12:00:00Z", {});
  other.external_id = "wire:2";
  try {
    store_->Articles().Save(other);
    FAIL() << "a slug taken by another origin must be refused";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kConflict);
    EXPECT_NE(std::string(e.what()).find("wire:1"), std::string::npos) << e.what();
  }
}

TEST_F(StoreTest, RefusesInvalidDraftsAndRollsBackBatches) {
  auto no_headline = Draft("x", "2016-06-09T12:00:00Z", {});
  no_headline.headline.clear();
  auto bad_slug = Draft("../etc", "2016-06-09T12:00:00Z", {});
  for (const auto& draft : {no_headline, bad_slug}) {
    try {
      store_->Articles().Save(draft);
      FAIL() << draft.slug;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::kInvalid);
    }
  }
  const std::vector<ArticleDraft> batch{Draft("good", "2016-06-09T12:00:00Z", {}), no_headline};
  EXPECT_THROW(store_->Articles().SaveAll(batch), Error);
  EXPECT_EQ(store_->Articles().CountAll(), 0) << "a failed batch must leave nothing behind";
}

TEST_F(StoreTest, ListsPublishedArticlesNewestFirstWithFiltersAndPages) {
  std::vector<ArticleDraft> drafts{
      Draft("a", "2018-01-01T00:00:00Z", {"Iran"}),
      Draft("b", "2018-01-03T00:00:00Z", {"Iran", "Syria"}),
      Draft("c", "2018-01-02T00:00:00Z", {"Syria"}, "World"),
      Draft("d", "2018-01-04T00:00:00Z", {"Iran"}, "World"),
      Draft("ar", "2018-01-05T00:00:00Z", {"Iran"}, "العالم", Language::kArabic),
  };
  auto draft_only = Draft("e", "2018-01-06T00:00:00Z", {"Iran"});
  draft_only.status = news::ArticleStatus::kDraft;
  drafts.push_back(draft_only);
  drafts[4].section_slug = "world";
  store_->Articles().SaveAll(drafts);

  auto all = store_->Articles().ListPublished({.language = Language::kEnglish});
  EXPECT_EQ(Slugs(all.items), (std::vector<std::string>{"d", "b", "c", "a"}));
  EXPECT_EQ(all.total, 4);

  auto world = store_->Articles().ListPublished({.language = Language::kEnglish, .section_slug = "world"});
  EXPECT_EQ(Slugs(world.items), (std::vector<std::string>{"d", "c"}));

  auto iran = store_->Articles().ListPublished({.language = Language::kEnglish, .tag_slug = "iran"});
  EXPECT_EQ(Slugs(iran.items), (std::vector<std::string>{"d", "b", "a"}));

  auto page2 = store_->Articles().ListPublished({.language = Language::kEnglish, .page = 2, .page_size = 3});
  EXPECT_EQ(Slugs(page2.items), (std::vector<std::string>{"a"}));
  EXPECT_EQ(page2.total, 4);

  auto arabic = store_->Articles().ListPublished({.language = Language::kArabic, .section_slug = "world"});
  EXPECT_EQ(Slugs(arabic.items), (std::vector<std::string>{"ar"}));

  const auto sections = store_->Catalog().ListSections(Language::kEnglish);
  ASSERT_EQ(sections.size(), 2u);
  EXPECT_EQ(sections[0].name, "Middle East");
  EXPECT_EQ(store_->Catalog().FindTag(Language::kEnglish, "syria")->name, "Syria");
  EXPECT_EQ(store_->Catalog().FindSection(Language::kArabic, "world")->name, "العالم");
  EXPECT_FALSE(store_->Catalog().FindSection(Language::kEnglish, "sport"));
}

TEST_F(StoreTest, RelatedSharesATagNewestFirstWithoutItself) {
  store_->Articles().SaveAll(std::vector<ArticleDraft>{
      Draft("seed", "2016-06-09T12:00:00Z", {"Iran", "Russia", "Syria"}),
      Draft("r1", "2018-11-06T15:01:00Z", {"Iran", "Russia"}),
      Draft("r2", "2018-01-13T11:59:00Z", {"Iran"}),
      Draft("r3", "2017-09-20T14:08:00Z", {"Iran", "Israel"}),
      Draft("unrelated", "2019-01-01T00:00:00Z", {"France"}),
      Draft("arabic", "2019-01-01T00:00:00Z", {"Iran"}, "x", Language::kArabic),
  });
  const auto seed = store_->Articles().FindPublished(Language::kEnglish, "seed");
  EXPECT_EQ(Slugs(store_->Articles().Related(*seed, 5)), (std::vector<std::string>{"r1", "r2", "r3"}));
  EXPECT_EQ(Slugs(store_->Articles().Related(*seed, 2)), (std::vector<std::string>{"r1", "r2"}));
}

TEST_F(StoreTest, KeepsSettingsAndSurvivesReopening) {
  EXPECT_FALSE(store_->Settings().Get("site.name"));
  store_->Settings().Set("site.name", "Arab Today");
  store_->Settings().Set("site.name", "Gazette");
  store_->Articles().Save(Draft("kept", "2016-06-09T12:00:00Z", {}));
  store_.reset();
  store_ = Open();  // Migrations already applied: reopening must not fail or duplicate.
  EXPECT_EQ(store_->Settings().Get("site.name"), "Gazette");
  EXPECT_EQ(store_->Settings().All().size(), 1u);
  EXPECT_TRUE(store_->Articles().FindPublished(Language::kEnglish, "kept"));
  EXPECT_NO_THROW(store_->Ping());
}

TEST_F(StoreTest, ReadersAndAWriterWorkSideBySide) {
  std::atomic<int> failures = 0;
  std::thread writer([&] {
    for (int i = 0; i < 200; ++i) store_->Articles().Save(Draft("w" + std::to_string(i), "2018-01-01T00:00:00Z", {"Iran"}));
  });
  std::vector<std::thread> readers;
  for (int r = 0; r < 4; ++r)
    readers.emplace_back([&] {
      for (int i = 0; i < 200; ++i)
        if (store_->Articles().ListPublished({.page_size = 5}).items.size() > 5) ++failures;
    });
  writer.join();
  for (auto& t : readers) t.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(store_->Articles().ListPublished({}).total, 200);
}

TEST_F(StoreTest, OpeningAnUnwritablePathSaysWhichFile) {
  try {
    sqlite::OpenSqliteStore({.path = "/nonexistent-dir/x/gazette.db"});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kUnavailable);
    EXPECT_NE(std::string(e.what()).find("/nonexistent-dir/x/gazette.db"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace gazette::store
