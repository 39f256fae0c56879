// The store contract, run against both implementations: SQLite always, PostgreSQL when
// GAZETTE_TEST_POSTGRES_URL names a server (tests/postgres/cluster.sh starts one).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "news/changes.hpp"
#include "news/error.hpp"
#include "news/slug.hpp"
#include "news/timestamp.hpp"
#include "store/postgres/connection.hpp"
#include "store/postgres/migrations.hpp"
#include "store/postgres/postgres_store.hpp"
#include "store/migration_plan.hpp"
#include "store/sqlite/connection.hpp"
#include "store/sqlite/migrations.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace gazette::store {
namespace {

using news::ArticleDraft;
using news::Language;

// The server URL for the PostgreSQL tests, or empty when none was given.
std::string PostgresServerUrl() {
  const char* url = std::getenv("GAZETTE_TEST_POSTGRES_URL");
  return url ? url : "";
}

constexpr std::string_view kNoPostgres =
    "\n*** GAZETTE_TEST_POSTGRES_URL is not set: the PostgreSQL store is NOT tested. ***\n"
    "*** Start a server with tests/postgres/cluster.sh start DIR and export the URL it prints. ***";

// A database of its own for one test on the server at GAZETTE_TEST_POSTGRES_URL: created
// empty, dropped (with any sessions left on it) when the test ends.
class ScratchDatabase {
 public:
  explicit ScratchDatabase(std::string server_url) : server_url_(std::move(server_url)) {
    static std::atomic<int> counter = 0;
    name_ = "gazette_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    postgres::Connection admin(server_url_);
    admin.Exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    admin.Exec("CREATE DATABASE " + name_);
    // postgresql://user@host:port/db?options: swap the database for ours.
    const auto authority = server_url_.find("://") + 3;
    const auto path = server_url_.find('/', authority);
    const auto query = server_url_.find('?', authority);
    url_ = server_url_.substr(0, path == std::string::npos ? query : path) + "/" + name_ +
           (query == std::string::npos ? "" : server_url_.substr(query));
  }
  ~ScratchDatabase() {
    try {
      postgres::Connection(server_url_).Exec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (const std::exception& e) {
      ADD_FAILURE() << "dropping " << name_ << ": " << e.what();
    }
  }
  const std::string& url() const { return url_; }
  const std::string& name() const { return name_; }

 private:
  std::string server_url_;
  std::string name_;
  std::string url_;
};

// Plain SQL on one database of either kind, for what no store method does: deleting an article,
// counting a list's rows the long way, building a database at an older schema.
class RawDatabase {
 public:
  explicit RawDatabase(const std::filesystem::path& sqlite_path)
      : sqlite_(std::make_unique<sqlite::Connection>(sqlite_path)) {}
  explicit RawDatabase(const std::string& postgres_url)
      : postgres_(std::make_unique<postgres::Connection>(postgres_url)) {}

  bool IsSqlite() const { return sqlite_ != nullptr; }
  void Exec(const std::string& sql) {
    if (sqlite_) sqlite_->Exec(sql);
    else postgres_->Exec(sql);
  }
  // The first column of every row, as text.
  std::vector<std::string> Column(const std::string& sql) {
    std::vector<std::string> values;
    if (sqlite_) {
      auto& statement = sqlite_->Prepare(sql);
      statement.Bind();
      while (statement.Step()) values.push_back(statement.Text(0));
    } else {
      const auto result = postgres_->Query(sql);
      for (int row = 0; row < result.Rows(); ++row) values.push_back(result.Text(row, 0));
    }
    return values;
  }
  std::int64_t Count(const std::string& sql) { return std::stoll(Column(sql).at(0)); }

 private:
  std::unique_ptr<sqlite::Connection> sqlite_;
  std::unique_ptr<postgres::Connection> postgres_;
};

// Every list's total (each edition, section, tag, and section with tag) against a plain
// COUNT(*) of its rows. Slugs come from the tests' own data, so they are spliced.
void ExpectTotalsMatchCounts(Store& store, RawDatabase& raw, std::string_view when) {
  for (const auto language : {Language::kEnglish, Language::kArabic}) {
    const std::string code(news::LanguageCode(language));
    const std::string published = "SELECT COUNT(*) FROM articles a WHERE a.language = '" + code +
                                  "' AND a.status = 'published'";
    auto in_section = [&](const std::string& slug) {
      return " AND a.section_id = (SELECT id FROM sections WHERE language = '" + code + "' AND slug = '" + slug + "')";
    };
    auto with_tag = [&](const std::string& slug) {
      return " AND EXISTS (SELECT 1 FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id"
             " AND t.language = '" + code + "' AND t.slug = '" + slug + "')";
    };
    const auto sections = raw.Column("SELECT slug FROM sections WHERE language = '" + code + "'");
    const auto tags = raw.Column("SELECT slug FROM tags WHERE language = '" + code + "'");
    EXPECT_EQ(store.Articles().ListPublished({.language = language}).total, raw.Count(published))
        << when << ": edition " << code;
    for (const auto& section : sections)
      EXPECT_EQ(store.Articles().ListPublished({.language = language, .section_slug = section}).total,
                raw.Count(published + in_section(section)))
          << when << ": section " << code << "/" << section;
    for (const auto& tag : tags) {
      EXPECT_EQ(store.Articles().ListPublished({.language = language, .tag_slug = tag}).total,
                raw.Count(published + with_tag(tag)))
          << when << ": tag " << code << "/" << tag;
      for (const auto& section : sections)
        EXPECT_EQ(store.Articles().ListPublished({.language = language, .section_slug = section, .tag_slug = tag}).total,
                  raw.Count(published + in_section(section) + with_tag(tag)))
            << when << ": section " << code << "/" << section << " with tag " << tag;
    }
  }
}

// The parameter names the implementation: "sqlite" or "postgresql".
class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgresql") {
      if (PostgresServerUrl().empty()) GTEST_SKIP() << kNoPostgres;
      database_ = std::make_unique<ScratchDatabase>(PostgresServerUrl());
    } else {
      std::string test_name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
      std::replace(test_name.begin(), test_name.end(), '/', '-');
      dir_ = std::filesystem::temp_directory_path() /
             ("gazette-store-test-" + std::to_string(::getpid()) + "-" + test_name);
      std::filesystem::remove_all(dir_);
      std::filesystem::create_directories(dir_);
    }
    store_ = Open();
  }
  void TearDown() override {
    store_.reset();
    database_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  std::unique_ptr<Store> Open() {
    if (database_)
      return postgres::OpenPostgresStore({.url = database_->url(), .pool_size = 4, .clock = [this] { return now_; }});
    return sqlite::OpenSqliteStore({.path = dir_ / "test.db", .max_readers = 4, .clock = [this] { return now_; }});
  }

  // The database under test, for plain SQL beside the store.
  std::unique_ptr<RawDatabase> Raw() {
    if (database_) return std::make_unique<RawDatabase>(database_->url());
    return std::make_unique<RawDatabase>(dir_ / "test.db");
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
  std::unique_ptr<ScratchDatabase> database_;
  news::TimePoint now_ = *news::ParseIso8601("2020-01-01T00:00:00Z");
  std::unique_ptr<Store> store_;
};

TEST_P(StoreTest, SavesAndFindsAnArticle) {
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

TEST_P(StoreTest, SavingTheSameContentTwiceChangesNothing) {
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

TEST_P(StoreTest, ExternalIdsKeepOneArticlePerOriginAndGuardSlugs) {
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

TEST_P(StoreTest, RefusesInvalidDraftsAndRollsBackBatches) {
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

TEST_P(StoreTest, ListsPublishedArticlesNewestFirstWithFiltersAndPages) {
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

TEST_P(StoreTest, RelatedSharesATagNewestFirstWithoutItself) {
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

// Related takes one of two ways by how many articles share the tags (kFewTagged, 2,000 in both
// stores): both give the same answer.
TEST_P(StoreTest, RelatedIsTheSameForACommonTagAndARareOne) {
  std::vector<ArticleDraft> drafts;
  for (int i = 0; i < 2100; ++i) {
    const auto day = fmt::format("2018-{:02}-{:02}T{:02}:{:02}:00Z", 1 + i / 600 % 12, 1 + i / 24 % 25, i % 24, i % 60);
    drafts.push_back(Draft(fmt::format("common-{}", i), day, i < 3 ? std::vector<std::string>{"Iran", "Rare"}
                                                                  : std::vector<std::string>{"Iran"}));
  }
  drafts.push_back(Draft("newest", "2019-06-01T00:00:00Z", {"Iran"}));
  drafts.push_back(Draft("next", "2019-05-01T00:00:00Z", {"Iran"}));
  drafts.push_back(Draft("rare-only", "2017-01-01T00:00:00Z", {"Rare"}));
  store_->Articles().SaveAll(drafts);

  const auto common = store_->Articles().FindPublished(Language::kEnglish, "common-100");
  EXPECT_EQ(Slugs(store_->Articles().Related(*common, 2)), (std::vector<std::string>{"newest", "next"}));
  const auto rare = store_->Articles().FindPublished(Language::kEnglish, "rare-only");
  EXPECT_EQ(Slugs(store_->Articles().Related(*rare, 5)), (std::vector<std::string>{"common-2", "common-1", "common-0"}));
}

TEST_P(StoreTest, KeepsSettingsAndSurvivesReopening) {
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

TEST_P(StoreTest, ReadersAndAWriterWorkSideBySide) {
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

// Several threads saving batches at once, over shared tags and sections: on PostgreSQL each
// batch takes its own pooled connection and they insert the same new tags concurrently.
TEST_P(StoreTest, PublishesScheduledArticlesWhenTheirTimeComes) {
  auto soon = Draft("soon", "2020-01-01T00:10:00Z", {"Iran"});
  soon.status = news::ArticleStatus::kScheduled;
  auto later = Draft("later", "2020-01-02T00:00:00Z", {});
  later.status = news::ArticleStatus::kScheduled;
  store_->Articles().SaveAll(std::vector<ArticleDraft>{soon, later, Draft("now", "2019-12-31T00:00:00Z", {})});
  EXPECT_FALSE(store_->Articles().FindPublished(Language::kEnglish, "soon"));
  EXPECT_TRUE(store_->Articles().PublishDue(now_).empty()) << "nothing is due yet";

  now_ += std::chrono::minutes(10);
  const auto published = store_->Articles().PublishDue(now_);
  ASSERT_EQ(published.size(), 1u);
  EXPECT_EQ(published[0].slug, "soon");
  ASSERT_EQ(published[0].tags.size(), 1u) << "callers announce the tags of what was published";
  EXPECT_EQ(published[0].status, news::ArticleStatus::kPublished);
  EXPECT_TRUE(store_->Articles().FindPublished(Language::kEnglish, "soon"));
  EXPECT_TRUE(store_->Articles().PublishDue(now_).empty()) << "published once";
  EXPECT_FALSE(store_->Articles().FindPublished(Language::kEnglish, "later"));
}

TEST_P(StoreTest, ScheduledArticlesArePublishedOnceAcrossNodes) {
  std::vector<ArticleDraft> drafts;
  for (int i = 0; i < 200; ++i) {
    auto draft = Draft("due-" + std::to_string(i), "2019-12-31T00:00:00Z", {});
    draft.status = news::ArticleStatus::kScheduled;
    drafts.push_back(draft);
  }
  store_->Articles().SaveAll(drafts);
  // Four "nodes": stores of their own on the same database, publishing at the same moment.
  std::vector<std::unique_ptr<Store>> nodes;
  for (int n = 0; n < 4; ++n) nodes.push_back(Open());
  std::vector<std::vector<news::Article>> results(nodes.size());
  std::vector<std::thread> threads;
  for (std::size_t n = 0; n < nodes.size(); ++n)
    threads.emplace_back([&, n] {
      for (int round = 0; round < 5; ++round) {
        auto batch = nodes[n]->Articles().PublishDue(now_);
        results[n].insert(results[n].end(), batch.begin(), batch.end());
      }
    });
  for (auto& thread : threads) thread.join();
  std::set<std::string> seen;
  std::size_t total = 0;
  for (const auto& result : results)
    for (const auto& article : result) {
      ++total;
      EXPECT_TRUE(seen.insert(article.slug).second) << article.slug << " was published twice";
    }
  EXPECT_EQ(total, 200u);
  EXPECT_EQ(store_->Articles().ListPublished({}).total, 200);
}

TEST_P(StoreTest, TellsOtherNodesWhatChangedButNotItself) {
  auto other = Open();  // A second node on the same database.
  std::mutex mutex;
  std::vector<std::string> heard_here, heard_there;
  store_->Changes().Start([&](const std::vector<std::string>& tags) {
    std::lock_guard lock(mutex);
    heard_here.insert(heard_here.end(), tags.begin(), tags.end());
  });
  other->Changes().Start([&](const std::vector<std::string>& tags) {
    std::lock_guard lock(mutex);
    heard_there.insert(heard_there.end(), tags.begin(), tags.end());
  });
  // PostgreSQL's LISTEN starts on the feed's own thread: publish until it is heard (bounded).
  const std::vector<std::string> tags{"article:42", "tag:en/iran"};
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  for (;;) {
    store_->Changes().Publish(tags);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    std::lock_guard lock(mutex);
    if (!heard_there.empty() || std::chrono::steady_clock::now() > deadline) break;
  }
  other->Changes().Stop();
  store_->Changes().Stop();
  std::lock_guard lock(mutex);
  ASSERT_GE(heard_there.size(), 2u) << "the other node never heard the change";
  EXPECT_EQ(std::vector<std::string>(heard_there.begin(), heard_there.begin() + 2), tags);
  EXPECT_TRUE(heard_here.empty()) << "a node must not hear its own changes back";
}

TEST_P(StoreTest, SplitsLongChangeListsIntoSeveralMessages) {
  auto other = Open();
  std::mutex mutex;
  std::set<std::string> heard;
  other->Changes().Start([&](const std::vector<std::string>& tags) {
    std::lock_guard lock(mutex);
    heard.insert(tags.begin(), tags.end());
  });
  std::vector<std::string> many;
  for (int i = 0; i < 2000; ++i) many.push_back("article:" + std::to_string(i));  // ~24 KB of tags.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  for (;;) {
    store_->Changes().Publish(many);
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    std::lock_guard lock(mutex);
    if (heard.size() == many.size() || std::chrono::steady_clock::now() > deadline) break;
  }
  other->Changes().Stop();
  std::lock_guard lock(mutex);
  EXPECT_EQ(heard.size(), many.size());
}

TEST_P(StoreTest, ConcurrentBatchesAllLand) {
  constexpr int kThreads = 4, kBatches = 10, kPerBatch = 5;
  std::atomic<int> failures = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int b = 0; b < kBatches; ++b) {
        std::vector<ArticleDraft> batch;
        for (int i = 0; i < kPerBatch; ++i) {
          // Tags in a different order per thread, as wire items list them.
          std::vector<std::string> tags{"Iran", "Syria", "Russia", "Tag " + std::to_string(b * kPerBatch + i)};
          std::rotate(tags.begin(), tags.begin() + t % 3, tags.end() - 1);
          batch.push_back(Draft(fmt::format("t{}-b{}-a{}", t, b, i), "2018-01-01T00:00:00Z", tags,
                                i % 2 ? "World" : "Middle East"));
        }
        try {
          store_->Articles().SaveAll(batch);
        } catch (const std::exception& e) {
          ++failures;
          ADD_FAILURE() << e.what();
        }
      }
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(store_->Articles().CountAll(), kThreads * kBatches * kPerBatch);
  EXPECT_EQ(store_->Articles().ListPublished({.tag_slug = "iran"}).total, kThreads * kBatches * kPerBatch);
  EXPECT_EQ(store_->Articles().ListPublished({.tag_slug = "tag-7"}).total, kThreads);
}

// Comments (docs/comments.md): moderation states, oldest first, exact duplicates refused.
TEST_P(StoreTest, CommentsWaitForModerationAndListOldestFirst) {
  const auto article = store_->Articles().Save(Draft("talks", "2016-06-09T12:00:00Z", {})).id;
  auto& comments = store_->Comments();
  auto add = [&](std::string body, CommentStatus status) {
    now_ += std::chrono::seconds(1);
    return comments.Add({.article_id = article, .name = "Ann", .email = "ann@example.com", .body = std::move(body),
                         .client_hash = "h", .status = status});
  };
  const auto first = add("first", CommentStatus::kApproved);
  const auto waiting = add("waiting", CommentStatus::kPending);
  const auto second = add("second\nline", CommentStatus::kApproved);
  ASSERT_TRUE(first && waiting && second);

  auto approved = comments.ListApproved(article, {});
  ASSERT_EQ(approved.size(), 2u);
  EXPECT_EQ(approved[0].body, "first");
  EXPECT_EQ(approved[1].body, "second\nline");
  EXPECT_EQ(approved[0].email, "ann@example.com");
  EXPECT_EQ(approved[0].created_at, *news::ParseIso8601("2020-01-01T00:00:01Z"));
  EXPECT_EQ(comments.CountApproved(article), 2);
  ASSERT_EQ(comments.List(CommentStatus::kPending, 10).size(), 1u);
  EXPECT_EQ(comments.List(std::nullopt, 10).size(), 3u);
  EXPECT_EQ(comments.List(std::nullopt, 2).size(), 2u);

  const auto before = comments.SetStatus(*waiting, CommentStatus::kApproved);
  ASSERT_TRUE(before);
  EXPECT_EQ(before->status, CommentStatus::kPending);
  EXPECT_EQ(comments.CountApproved(article), 3);
  EXPECT_EQ(comments.ListApproved(article, {})[1].body, "waiting") << "oldest first, whenever approved";
  EXPECT_TRUE(comments.SetStatus(*first, CommentStatus::kSpam));
  EXPECT_EQ(comments.Find(*first)->status, CommentStatus::kSpam);
  EXPECT_TRUE(comments.Delete(*second));
  EXPECT_FALSE(comments.Find(*second));
  EXPECT_FALSE(comments.Delete(*second));
  EXPECT_FALSE(comments.SetStatus(999999, CommentStatus::kApproved));
  EXPECT_EQ(comments.CountApproved(article), 1);
}

// An article page shows one slice of its comments; the slices follow each other in order.
TEST_P(StoreTest, ApprovedCommentsComeInSlicesOldestFirst) {
  const auto article = store_->Articles().Save(Draft("talks", "2016-06-09T12:00:00Z", {})).id;
  auto& comments = store_->Comments();
  for (int i = 0; i < 7; ++i) {
    // Two comments share each second: ties go by id.
    if (i % 2 == 0) now_ += std::chrono::seconds(1);
    ASSERT_TRUE(comments.Add({.article_id = article, .name = "N", .body = "c" + std::to_string(i),
                              .client_hash = "h", .status = CommentStatus::kApproved}));
    ASSERT_TRUE(comments.Add({.article_id = article, .name = "N", .body = "pending" + std::to_string(i),
                              .client_hash = "h", .status = CommentStatus::kPending}));
  }
  auto bodies = [&](store::CommentSlice slice) {
    std::vector<std::string> result;
    for (const auto& comment : comments.ListApproved(article, slice)) result.push_back(comment.body);
    return result;
  };
  const struct {
    store::CommentSlice slice;
    std::vector<std::string> expected;
  } cases[] = {
      {{.offset = 0, .limit = 3}, {"c0", "c1", "c2"}},
      {{.offset = 3, .limit = 3}, {"c3", "c4", "c5"}},
      {{.offset = 6, .limit = 3}, {"c6"}},
      {{.offset = 7, .limit = 3}, {}},
      {{.offset = 100, .limit = 3}, {}},
      {{.offset = 2, .limit = 1}, {"c2"}},
      {{.offset = 0, .limit = 50}, {"c0", "c1", "c2", "c3", "c4", "c5", "c6"}},
  };
  for (const auto& c : cases)
    EXPECT_EQ(bodies(c.slice), c.expected) << "offset " << c.slice.offset << " limit " << c.slice.limit;
  EXPECT_EQ(comments.CountApproved(article), 7) << "the count is of all approved comments";
}

TEST_P(StoreTest, CommentsRefuseExactDuplicatesAndUnknownArticles) {
  const auto a = store_->Articles().Save(Draft("a", "2016-06-09T12:00:00Z", {})).id;
  const auto b = store_->Articles().Save(Draft("b", "2016-06-09T12:00:00Z", {})).id;
  auto& comments = store_->Comments();
  EXPECT_TRUE(comments.Add({.article_id = a, .name = "Ann", .body = "Same words"}));
  EXPECT_FALSE(comments.Add({.article_id = a, .name = "Bob", .body = "Same words"})) << "exact duplicate";
  EXPECT_TRUE(comments.Add({.article_id = a, .name = "Bob", .body = "Same words!"}));
  EXPECT_TRUE(comments.Add({.article_id = b, .name = "Bob", .body = "Same words"})) << "another article";
  EXPECT_EQ(comments.List(std::nullopt, 10).size(), 3u);
  try {
    comments.Add({.article_id = 999999, .name = "Ann", .body = "x"});
    ADD_FAILURE() << "no error for an unknown article";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kNotFound);
  }
}

TEST_P(StoreTest, ArticlesTakeCommentsUntilClosed) {
  const auto article = store_->Articles().Save(Draft("a", "2016-06-09T12:00:00Z", {})).id;
  auto& comments = store_->Comments();
  EXPECT_TRUE(comments.CommentsOpen(article));
  EXPECT_TRUE(comments.SetCommentsOpen(article, false));
  EXPECT_FALSE(comments.CommentsOpen(article));
  store_->Articles().Save([] { auto d = Draft("a", "2016-06-09T12:00:00Z", {}); d.headline = "Changed"; return d; }());
  EXPECT_FALSE(comments.CommentsOpen(article)) << "saving the article keeps its comment switch";
  EXPECT_TRUE(comments.SetCommentsOpen(article, true));
  EXPECT_TRUE(comments.CommentsOpen(article));
  EXPECT_FALSE(comments.SetCommentsOpen(999999, false));
  EXPECT_FALSE(comments.CommentsOpen(999999));
}

TEST_P(StoreTest, SharedSecretsKeepTheFirstValueAcrossNodes) {
  EXPECT_EQ(store_->Comments().SharedSecret("comments.token_key", "one"), "one");
  auto other_node = Open();
  EXPECT_EQ(other_node->Comments().SharedSecret("comments.token_key", "two"), "one");
}

TEST_P(StoreTest, ConcurrentCommentsAreStoredExactlyOnce) {
  const auto article = store_->Articles().Save(Draft("busy", "2016-06-09T12:00:00Z", {})).id;
  // Two threads send each body: one of each pair lands, the other is a duplicate.
  std::atomic<int> stored = 0, duplicates = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 40; ++i) {
        const auto id = store_->Comments().Add({.article_id = article, .name = "N",
                                                .body = "comment " + std::to_string(t / 2) + "-" + std::to_string(i),
                                                .status = CommentStatus::kApproved});
        ++(id ? stored : duplicates);
      }
    });
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(stored, 160);
  EXPECT_EQ(duplicates, 160);
  EXPECT_EQ(store_->Comments().CountApproved(article), 160);
  store_.reset();
  store_ = Open();
  EXPECT_EQ(store_->Comments().ListApproved(article, {.limit = 500}).size(), 160u) << "committed comments survive reopening";
}

// Wire ledger (store/wire_store.hpp): one version of one agency item.
WireApply WireVersion(std::string guid, std::int64_t version, std::string headline,
                      news::ArticleStatus status = news::ArticleStatus::kPublished) {
  WireApply apply{.provider = "AFP", .guid = std::move(guid), .version = version, .format = "newsml-g2"};
  apply.draft.language = Language::kEnglish;
  apply.draft.slug = news::MakeSlug(headline);
  apply.draft.headline = headline;
  apply.draft.body_markdown = headline + " body";
  apply.draft.source = "AFP";
  apply.draft.section_name = "World";
  apply.draft.tags = {"Iran"};
  apply.draft.status = status;
  return apply;
}

TEST_P(StoreTest, WireVersionsUpdateOnceAndKeepRevisions) {
  auto& wire = store_->Wire();
  const auto v1 = wire.Apply(WireVersion("urn:x:1", 1, "Talks open"));
  EXPECT_EQ(v1.outcome, WireOutcome::kCreated);
  ASSERT_TRUE(v1.article_id);
  EXPECT_EQ(v1.slug, "talks-open");
  EXPECT_EQ(v1.section_slug, "world");
  EXPECT_TRUE(std::ranges::count(v1.cache_tags, "edition:en")) << "a published article is announced to its lists";

  const auto v3 = wire.Apply(WireVersion("urn:x:1", 3, "Talks end"));
  EXPECT_EQ(v3.outcome, WireOutcome::kUpdated);
  EXPECT_EQ(v3.article_id, v1.article_id);
  EXPECT_EQ(v3.slug, "talks-open") << "an update keeps the article's address";
  const auto v2 = wire.Apply(WireVersion("urn:x:1", 2, "Talks stall"));
  EXPECT_EQ(v2.outcome, WireOutcome::kStale);
  EXPECT_EQ(v2.applied_version, 3);
  EXPECT_TRUE(v2.cache_tags.empty());
  EXPECT_EQ(wire.Apply(WireVersion("urn:x:1", 3, "Talks end")).outcome, WireOutcome::kStale);

  const auto article = store_->Articles().FindPublished(Language::kEnglish, "talks-open");
  ASSERT_TRUE(article);
  EXPECT_EQ(article->headline, "Talks end");
  const auto revisions = wire.Revisions(*v1.article_id);
  ASSERT_EQ(revisions.size(), 2u);
  EXPECT_EQ(revisions[0].version, 1);
  EXPECT_EQ(revisions[0].headline, "Talks open");
  EXPECT_EQ(revisions[1].version, 3);
  EXPECT_EQ(revisions[1].headline, "Talks end");
  const auto entry = wire.Find("AFP", "urn:x:1");
  ASSERT_TRUE(entry);
  EXPECT_EQ(entry->version, 3);
  EXPECT_EQ(entry->article_id, v1.article_id);
  EXPECT_EQ(entry->status, "usable");
  EXPECT_EQ(wire.CountItems(), 1);
  EXPECT_EQ(store_->Articles().CountAll(), 1);
}

TEST_P(StoreTest, WireWithdrawalUnpublishesAndANewerVersionRepublishes) {
  auto& wire = store_->Wire();
  const auto v1 = wire.Apply(WireVersion("urn:x:2", 1, "Quake"));
  auto withdrawn = WireVersion("urn:x:2", 2, "Quake");
  withdrawn.withdrawn = true;
  const auto v2 = wire.Apply(withdrawn);
  EXPECT_EQ(v2.outcome, WireOutcome::kWithdrawn);
  EXPECT_EQ(v2.status, news::ArticleStatus::kUnpublished);
  EXPECT_TRUE(std::ranges::count(v2.cache_tags, news::ArticleCacheTag(*v1.article_id)));
  EXPECT_FALSE(store_->Articles().FindPublished(Language::kEnglish, "quake"));
  EXPECT_EQ(wire.Find("AFP", "urn:x:2")->status, "withdrawn");
  EXPECT_EQ(wire.Apply(WireVersion("urn:x:2", 1, "Quake")).outcome, WireOutcome::kStale);
  EXPECT_FALSE(store_->Articles().FindPublished(Language::kEnglish, "quake")) << "an old version does not revive it";

  // A first version already withdrawn records the item and makes no article.
  auto cancelled = WireVersion("urn:x:3", 1, "Never");
  cancelled.withdrawn = true;
  const auto none = wire.Apply(cancelled);
  EXPECT_EQ(none.outcome, WireOutcome::kWithdrawn);
  EXPECT_FALSE(none.article_id);
  EXPECT_EQ(store_->Articles().CountAll(), 1);

  EXPECT_EQ(wire.Apply(WireVersion("urn:x:2", 3, "Quake corrected")).outcome, WireOutcome::kUpdated);
  EXPECT_EQ(store_->Articles().FindPublished(Language::kEnglish, "quake")->headline, "Quake corrected");
}

TEST_P(StoreTest, WireItemsWithTheSameHeadlineGetTheirOwnSlugs) {
  auto& wire = store_->Wire();
  store_->Articles().Save(Draft("storm", "2016-06-09T12:00:00Z", {}));
  EXPECT_EQ(wire.Apply(WireVersion("urn:a", 1, "Storm")).slug, "storm-2");
  EXPECT_EQ(wire.Apply(WireVersion("urn:b", 1, "Storm")).slug, "storm-3");
  EXPECT_EQ(wire.Apply(WireVersion("urn:a", 2, "Storm")).slug, "storm-2");
  EXPECT_EQ(store_->Articles().CountAll(), 3);
}

TEST_P(StoreTest, WireHeldItemsStayDraftsAndEmbargoedOnesWaitForTheirTime) {
  auto& wire = store_->Wire();
  const auto held = wire.Apply(WireVersion("urn:held", 1, "Held", news::ArticleStatus::kDraft));
  EXPECT_EQ(held.status, news::ArticleStatus::kDraft);
  EXPECT_FALSE(store_->Articles().FindPublished(Language::kEnglish, "held"));

  auto embargoed = WireVersion("urn:embargo", 1, "Embargoed", news::ArticleStatus::kScheduled);
  embargoed.draft.published_at = now_ + std::chrono::hours(1);
  EXPECT_EQ(wire.Apply(embargoed).status, news::ArticleStatus::kScheduled);
  EXPECT_FALSE(store_->Articles().FindPublished(Language::kEnglish, "embargoed"));
  EXPECT_TRUE(store_->Articles().PublishDue(now_).empty());
  EXPECT_EQ(store_->Articles().PublishDue(now_ + std::chrono::hours(1)).size(), 1u);
  EXPECT_TRUE(store_->Articles().FindPublished(Language::kEnglish, "embargoed"));

  // Updates of a live story stay live, at its first publication time, whatever the policy says.
  const auto first = store_->Articles().FindPublished(Language::kEnglish, "embargoed")->published_at;
  auto update = WireVersion("urn:embargo", 2, "Embargoed", news::ArticleStatus::kDraft);
  update.draft.body_markdown = "New body";
  EXPECT_EQ(wire.Apply(update).status, news::ArticleStatus::kPublished);
  const auto after = store_->Articles().FindPublished(Language::kEnglish, "embargoed");
  ASSERT_TRUE(after);
  EXPECT_EQ(after->body_markdown, "New body");
  EXPECT_EQ(after->published_at, first);
}

TEST_P(StoreTest, ConcurrentAppliesOfOneItemApplyEachVersionOnce) {
  constexpr int kThreads = 4, kVersions = 6, kItems = 3;
  std::atomic<int> applied = 0, stale = 0;
  for (int version = 1; version <= kVersions; ++version) {
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
      threads.emplace_back([&, version] {
        for (int item = 0; item < kItems; ++item) {
          const auto result = store_->Wire().Apply(
              WireVersion("urn:race:" + std::to_string(item), version, "Race " + std::to_string(item)));
          ++(result.outcome == WireOutcome::kStale ? stale : applied);
        }
      });
    for (auto& thread : threads) thread.join();
  }
  EXPECT_EQ(applied, kVersions * kItems) << "exactly one thread applies each version of each item";
  EXPECT_EQ(stale, kVersions * kItems * (kThreads - 1));
  EXPECT_EQ(store_->Articles().CountAll(), kItems);
  EXPECT_EQ(store_->Wire().CountItems(), kItems);
  const auto id = store_->Wire().Find("AFP", "urn:race:0")->article_id;
  ASSERT_TRUE(id);
  EXPECT_EQ(store_->Wire().Revisions(*id).size(), static_cast<std::size_t>(kVersions));
}

// The newsroom's stores (docs/newsroom.md): accounts, sessions, tokens, revisions, notes, audit.
TEST_P(StoreTest, NewsroomUsersSessionsAndLockOut) {
  auto& users = store_->Users();
  const auto id = users.AddUser("amal", "editor", "$argon2id$hash", now_);
  EXPECT_THROW(users.AddUser("amal", "reporter", "x", now_), Error);
  EXPECT_THROW(users.AddUser("bad", "root", "x", now_), Error);
  auto found = users.FindUserByName("amal");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, id);
  EXPECT_EQ(found->role, "editor");
  EXPECT_EQ(found->password_hash, "$argon2id$hash");
  EXPECT_FALSE(found->disabled);
  EXPECT_FALSE(users.FindUserByName("nobody"));

  EXPECT_EQ(users.RecordFailedSignIn(id, now_), 1);
  EXPECT_EQ(users.RecordFailedSignIn(id, now_ + std::chrono::seconds(5)), 2);
  EXPECT_EQ(users.FindUser(id)->last_failed_at, now_ + std::chrono::seconds(5));
  users.LockUntil(id, now_ + std::chrono::minutes(15));
  EXPECT_EQ(users.FindUser(id)->locked_until, now_ + std::chrono::minutes(15));
  EXPECT_EQ(users.FindUser(id)->failed_sign_ins, 0);
  users.ClearFailedSignIns(id);
  EXPECT_FALSE(users.FindUser(id)->locked_until);

  EXPECT_TRUE(users.SetRole(id, "admin", true));
  EXPECT_EQ(users.FindUser(id)->role, "admin");
  EXPECT_TRUE(users.FindUser(id)->disabled);
  EXPECT_FALSE(users.SetRole(id + 100, "admin", false));
  EXPECT_TRUE(users.SetPasswordHash(id, "$argon2id$new"));
  EXPECT_EQ(users.FindUser(id)->password_hash, "$argon2id$new");

  users.AddSession({"hash-1", id, "csrf-1", now_, now_});
  users.AddSession({"hash-2", id, "csrf-2", now_, now_});
  users.TouchSession("hash-1", now_ + std::chrono::minutes(3));
  auto session = users.FindSession("hash-1");
  ASSERT_TRUE(session);
  EXPECT_EQ(session->user_id, id);
  EXPECT_EQ(session->csrf_secret, "csrf-1");
  EXPECT_EQ(session->created_at, now_);
  EXPECT_EQ(session->last_seen_at, now_ + std::chrono::minutes(3));
  users.DeleteSession("hash-1");
  EXPECT_FALSE(users.FindSession("hash-1"));
  users.DeleteSessionsOf(id);
  EXPECT_FALSE(users.FindSession("hash-2"));

  const auto token = users.AddApiToken(id, "bridge", "token-hash", now_);
  EXPECT_EQ(users.FindApiToken("token-hash")->label, "bridge");
  EXPECT_TRUE(users.RevokeApiToken(token, now_ + std::chrono::seconds(1)));
  EXPECT_FALSE(users.RevokeApiToken(token, now_ + std::chrono::seconds(2)));
  EXPECT_EQ(users.FindApiToken("token-hash")->revoked_at, now_ + std::chrono::seconds(1));
  EXPECT_EQ(users.ListApiTokens().size(), 1u);
  EXPECT_EQ(users.ListUsers().size(), 1u);
}

TEST_P(StoreTest, NewsroomStoriesRevisionsNotesAndAudit) {
  auto& stories = store_->Stories();
  const auto user = store_->Users().AddUser("rana", "reporter", "h", now_);
  auto draft = Draft("newsroom-story", "2020-01-01T00:00:00Z", {"Iran", "Oil"});
  draft.status = news::ArticleStatus::kDraft;
  draft.published_at.reset();
  const auto id = store_->Articles().Save(draft).id;
  store_->Articles().Save(Draft("published-one", "2019-12-31T00:00:00Z", {}, "Sport", Language::kArabic));

  auto story = stories.Find(id);
  ASSERT_TRUE(story);
  EXPECT_EQ(story->article.status, news::ArticleStatus::kDraft);
  EXPECT_EQ(story->article.tags.size(), 2u);
  EXPECT_FALSE(story->external_id);
  EXPECT_FALSE(story->owner);
  EXPECT_EQ(stories.EnsureExternalId(id), "article:" + std::to_string(id));
  EXPECT_EQ(stories.EnsureExternalId(id), "article:" + std::to_string(id));
  const auto editor = store_->Users().AddUser("omar", "editor", "h", now_);
  // Identical content: the owner is recorded, but no revision is kept.
  EXPECT_EQ(stories.SaveStory(draft, user, {user, "rana", ""}, now_).outcome, SaveOutcome::kUnchanged);
  stories.SaveStory(draft, editor, {editor, "omar", ""}, now_);  // The first owner stays.
  EXPECT_EQ(stories.Find(id)->owner, user);
  EXPECT_TRUE(stories.Revisions(id).empty());
  EXPECT_FALSE(stories.Find(id + 1000));

  EXPECT_EQ(stories.List({}).total, 2);
  EXPECT_EQ(stories.List({.status = news::ArticleStatus::kDraft}).items.size(), 1u);
  EXPECT_EQ(stories.List({.language = Language::kArabic}).items.at(0).slug, "published-one");
  EXPECT_EQ(stories.List({.section_slug = "middle-east"}).items.at(0).id, id);
  EXPECT_EQ(stories.List({.page = 2, .page_size = 1}).items.size(), 1u);
  EXPECT_EQ(stories.List({.source = "AFP"}).total, 2);
  EXPECT_EQ(stories.List({.source = "Reuters"}).total, 0);
  EXPECT_EQ(stories.List({}).items.at(0).source, "AFP");
  const auto owned = stories.List({.author = "rana"});  // The newsroom user who started it.
  ASSERT_EQ(owned.total, 1);
  EXPECT_EQ(owned.items.at(0).id, id);
  EXPECT_EQ(stories.List({.from_wire = true}).total, 0);
  auto wire_draft = Draft("from-the-wire", "2020-01-02T00:00:00Z", {});
  wire_draft.status = news::ArticleStatus::kDraft;
  wire_draft.published_at.reset();
  wire_draft.byline = "Jane Doe";
  wire_draft.source = "Reuters";
  const auto wired = store_->Wire().Apply({.provider = "Reuters", .guid = "urn:1", .version = 1, .format = "test",
                                           .draft = wire_draft});
  const auto queue = stories.List({.status = news::ArticleStatus::kDraft, .from_wire = true});
  ASSERT_EQ(queue.total, 1);
  EXPECT_EQ(queue.items.at(0).id, wired.article_id);
  EXPECT_EQ(queue.items.at(0).byline, "Jane Doe");
  EXPECT_EQ(stories.List({.author = "Jane Doe"}).total, 1);  // The byline's author.
  EXPECT_EQ(stories.List({.source = "Reuters", .author = "rana"}).total, 0);

  draft.body_markdown = "Changed body";
  EXPECT_EQ(stories.SaveStory(draft, std::nullopt, {user, "rana", ""}, now_).outcome, SaveOutcome::kUpdated);
  draft.body_markdown = "Changed again";
  draft.tags = {"Oil"};
  EXPECT_EQ(stories.SaveStory(draft, std::nullopt, {std::nullopt, "wire desk", "a note"}, now_ + std::chrono::seconds(60)).id,
            id);
  const auto revisions = stories.Revisions(id);
  ASSERT_EQ(revisions.size(), 2u);
  EXPECT_EQ(revisions[0].note, "a note");
  EXPECT_EQ(revisions[0].user_name, "wire desk");
  EXPECT_FALSE(revisions[0].user_id);
  EXPECT_EQ(revisions[0].saved_at, now_ + std::chrono::seconds(60));
  EXPECT_EQ(revisions[0].content.body_markdown, "Changed again");
  EXPECT_EQ(revisions[0].content.tags, (std::vector<std::string>{"Oil"}));
  EXPECT_EQ(revisions[1].content.tags, (std::vector<std::string>{"Iran", "Oil"}));
  const auto first = stories.FindRevision(revisions[1].id);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->article_id, id);
  EXPECT_EQ(first->content.body_markdown, "Changed body");
  EXPECT_EQ(first->user_id, user);
  EXPECT_EQ(first->user_name, "rana");

  stories.AddNote(id, "correction", "Fixed a name.", user, now_ + std::chrono::seconds(10));
  stories.AddNote(id, "update", "Added a quote.", std::nullopt, now_ + std::chrono::seconds(20));
  EXPECT_THROW(stories.AddNote(id, "retraction", "x", user, now_), Error);
  const auto notes = stories.Notes(id);
  ASSERT_EQ(notes.size(), 2u);
  EXPECT_EQ(notes[0].kind, "correction");
  EXPECT_EQ(notes[1].text, "Added a quote.");
  EXPECT_EQ(notes[1].created_at, now_ + std::chrono::seconds(20));

  auto& audit = store_->Audit();
  audit.Record({.at = now_, .user_id = user, .user_name = "rana", .action = "sign-in", .target = "user:1", .detail = ""});
  audit.Record({.at = now_ + std::chrono::seconds(1), .user_id = std::nullopt, .user_name = "x", .action = "sign-in.failed",
                .target = "", .detail = "unknown"});
  EXPECT_EQ(audit.Count(), 2);
  const auto entries = audit.List(1, 10);
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_EQ(entries[0].action, "sign-in.failed");
  EXPECT_FALSE(entries[0].user_id);
  EXPECT_EQ(entries[1].user_id, user);
  EXPECT_EQ(audit.List(2, 1).at(0).action, "sign-in");
}

TEST_P(StoreTest, SaveStoryKeepsTheArticleItsOwnerAndOneRevisionTogether) {
  auto& stories = store_->Stories();
  const auto user = store_->Users().AddUser("rana", "reporter", "h", now_);
  auto draft = Draft("new-story", "2020-01-01T00:00:00Z", {"Iran"});
  draft.external_id = "newsroom:1";
  draft.status = news::ArticleStatus::kDraft;
  draft.published_at.reset();

  const auto saved = stories.SaveStory(draft, user, {user, "rana", "first"}, now_);
  EXPECT_EQ(saved.outcome, SaveOutcome::kCreated);
  const auto story = stories.Find(saved.id);
  ASSERT_TRUE(story);
  EXPECT_EQ(story->article.headline, "Headline of new-story");
  EXPECT_EQ(story->owner, user);
  auto revisions = stories.Revisions(saved.id);
  ASSERT_EQ(revisions.size(), 1u);
  EXPECT_EQ(revisions[0].note, "first");
  EXPECT_EQ(revisions[0].user_id, user);
  EXPECT_EQ(revisions[0].content.slug, "new-story");

  // The same content again: no new revision.
  now_ += std::chrono::seconds(60);
  const auto again = stories.SaveStory(draft, std::nullopt, {user, "rana", ""}, now_);
  EXPECT_EQ(again.id, saved.id);
  EXPECT_EQ(again.outcome, SaveOutcome::kUnchanged);
  EXPECT_EQ(stories.Revisions(saved.id).size(), 1u);

  // Another new story wanting the taken slug is refused and leaves nothing behind.
  auto other = draft;
  other.external_id = "newsroom:2";
  EXPECT_THROW(stories.SaveStory(other, user, {user, "rana", ""}, now_), Error);
  EXPECT_EQ(store_->Articles().CountAll(), 1);
  auto raw = Raw();
  EXPECT_EQ(raw->Column("SELECT COUNT(*) FROM story_owners"), (std::vector<std::string>{"1"}));
  EXPECT_EQ(raw->Column("SELECT COUNT(*) FROM story_revisions"), (std::vector<std::string>{"1"}));
}

// A save whose revision cannot be written keeps nothing: not the article change, not the owner.
TEST_P(StoreTest, SaveStoryWhoseRevisionFailsChangesNothing) {
  auto& stories = store_->Stories();
  const auto user = store_->Users().AddUser("rana", "reporter", "h", now_);
  auto draft = Draft("kept-story", "2020-01-01T00:00:00Z", {"Iran"});
  const auto id = store_->Articles().Save(draft).id;  // Loaded: no owner, no revision.

  auto raw = Raw();
  if (raw->IsSqlite()) {
    raw->Exec("CREATE TRIGGER refuse_revisions BEFORE INSERT ON story_revisions BEGIN SELECT RAISE(ABORT, 'revisions refused'); END");
  } else {
    raw->Exec("CREATE FUNCTION refuse_revision() RETURNS trigger LANGUAGE plpgsql AS"
              " $$ BEGIN RAISE EXCEPTION 'revisions refused'; END $$");
    raw->Exec("CREATE TRIGGER refuse_revisions BEFORE INSERT ON story_revisions"
              " FOR EACH ROW EXECUTE FUNCTION refuse_revision()");
  }
  // True when saving fails at the revision, after the article was written in the transaction.
  const auto refused = [&](const ArticleDraft& d) {
    try {
      stories.SaveStory(d, user, {user, "rana", ""}, now_);
    } catch (const std::exception& e) {
      return std::string_view(e.what()).find("revisions refused") != std::string_view::npos;
    }
    return false;
  };

  auto changed = draft;
  changed.body_markdown = "Changed body";
  changed.tags = {"Oil"};
  EXPECT_TRUE(refused(changed));
  auto story = stories.Find(id);
  ASSERT_TRUE(story);
  EXPECT_EQ(story->article.body_markdown, "Body of kept-story");
  ASSERT_EQ(story->article.tags.size(), 1u);
  EXPECT_EQ(story->article.tags[0].name, "Iran");
  EXPECT_FALSE(story->owner);
  EXPECT_TRUE(stories.Revisions(id).empty());

  auto fresh = Draft("fresh-story", "2020-01-01T00:00:00Z", {});
  fresh.external_id = "newsroom:1";
  EXPECT_TRUE(refused(fresh));
  EXPECT_EQ(store_->Articles().CountAll(), 1);
  EXPECT_EQ(raw->Column("SELECT COUNT(*) FROM story_owners"), (std::vector<std::string>{"0"}));

  // The same content needs no revision, so it saves (and records the owner) despite the trigger.
  EXPECT_EQ(stories.SaveStory(draft, user, {user, "rana", ""}, now_).outcome, SaveOutcome::kUnchanged);
  EXPECT_EQ(stories.Find(id)->owner, user);
}

// List totals come from counts the database keeps (migrations/006_published_counts.sql): after
// every kind of change they must equal a plain count of the rows.
TEST_P(StoreTest, ListTotalsFollowEveryChangeToWhatIsPublished) {
  auto raw = Raw();
  auto articles = [&]() -> ArticleStore& { return store_->Articles(); };
  auto held = Draft("held", "2019-06-01T00:00:00Z", {"Iran"}, "World");
  held.status = news::ArticleStatus::kDraft;
  auto due = Draft("due", "2020-01-01T00:10:00Z", {"Syria", "Oil"});
  due.status = news::ArticleStatus::kScheduled;
  auto mover = Draft("mover", "2019-03-01T00:00:00Z", {"Iran"});
  mover.external_id = "wire:mover";
  auto arabic = Draft("ar", "2019-01-01T00:00:00Z", {"Iran"}, "العالم", Language::kArabic);
  arabic.section_slug = "world";
  articles().SaveAll(std::vector<ArticleDraft>{Draft("a", "2019-01-01T00:00:00Z", {"Iran", "Syria"}),
                                               Draft("b", "2019-02-01T00:00:00Z", {"Iran"}, "World"), held, due,
                                               mover, arabic});
  EXPECT_EQ(articles().ListPublished({}).total, 3);
  EXPECT_EQ(articles().ListPublished({.tag_slug = "iran"}).total, 3);
  ExpectTotalsMatchCounts(*store_, *raw, "after SaveAll of published, draft and scheduled articles");

  held.status = news::ArticleStatus::kPublished;
  articles().Save(held);
  ExpectTotalsMatchCounts(*store_, *raw, "after publishing a draft");

  auto a = Draft("a", "2019-01-01T00:00:00Z", {"Iran", "Syria"});
  a.status = news::ArticleStatus::kUnpublished;
  articles().Save(a);
  EXPECT_EQ(articles().ListPublished({.tag_slug = "syria"}).total, 0);
  ExpectTotalsMatchCounts(*store_, *raw, "after unpublishing");

  articles().Save(Draft("b", "2019-02-01T00:00:00Z", {"Iran"}, "Sport"));
  EXPECT_EQ(articles().ListPublished({.section_slug = "sport"}).total, 1);
  ExpectTotalsMatchCounts(*store_, *raw, "after moving an article to another section");

  articles().Save(Draft("b", "2019-02-01T00:00:00Z", {"Oil", "Syria"}, "Sport"));
  ExpectTotalsMatchCounts(*store_, *raw, "after changing an article's tags");

  now_ += std::chrono::minutes(10);
  ASSERT_EQ(articles().PublishDue(now_).size(), 1u);
  EXPECT_EQ(articles().ListPublished({.tag_slug = "oil"}).total, 2);
  ExpectTotalsMatchCounts(*store_, *raw, "after PublishDue");

  mover.language = Language::kArabic;
  mover.section_name = "العالم";
  mover.section_slug = "world";
  articles().Save(mover);
  EXPECT_EQ(articles().ListPublished({.language = Language::kArabic, .tag_slug = "iran"}).total, 2);
  ExpectTotalsMatchCounts(*store_, *raw, "after moving an article to the other edition");

  // No store method deletes an article: its tags go by ON DELETE CASCADE, which must not count
  // them out a second time.
  raw->Exec("DELETE FROM articles WHERE slug = 'b'");
  EXPECT_EQ(articles().ListPublished({.tag_slug = "oil"}).total, 1);
  ExpectTotalsMatchCounts(*store_, *raw, "after deleting a published article");
}

TEST_P(StoreTest, ListsWithoutTheirTotalLeaveItZero) {
  store_->Articles().SaveAll(std::vector<ArticleDraft>{Draft("a", "2019-01-01T00:00:00Z", {"Iran"}),
                                                       Draft("b", "2019-02-01T00:00:00Z", {"Iran"}, "World")});
  const std::vector<ArticleQuery> queries{{.with_total = false},
                                          {.section_slug = "world", .with_total = false},
                                          {.tag_slug = "iran", .with_total = false},
                                          {.section_slug = "world", .tag_slug = "iran", .with_total = false}};
  for (const auto& query : queries) {
    const auto page = store_->Articles().ListPublished(query);
    EXPECT_FALSE(page.items.empty()) << query.section_slug.value_or("") << query.tag_slug.value_or("");
    EXPECT_EQ(page.total, 0) << query.section_slug.value_or("") << query.tag_slug.value_or("");
  }
}

// A site upgraded from schema 005: migration 006 counts what is already there.
TEST_P(StoreTest, MigrationCountsWhatAnOlderDatabaseHolds) {
  std::unique_ptr<ScratchDatabase> old_server_database;
  std::unique_ptr<RawDatabase> raw;
  const auto old_path = dir_ / "old.db";
  if (database_) {
    old_server_database = std::make_unique<ScratchDatabase>(PostgresServerUrl());
    raw = std::make_unique<RawDatabase>(old_server_database->url());
  } else {
    raw = std::make_unique<RawDatabase>(old_path);
  }
  const bool sqlite = raw->IsSqlite();
  raw->Exec(sqlite ? "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                     " applied_at INTEGER NOT NULL)"
                   : "CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL,"
                     " applied_at timestamptz NOT NULL DEFAULT now())");
  const auto& migrations = sqlite ? sqlite::Migrations() : postgres::Migrations();
  for (const auto& migration : PendingMigrations(migrations, {})) {
    if (migration.version > 5) break;
    raw->Exec(std::string(migration.sql));
    raw->Exec(fmt::format("INSERT INTO schema_migrations (version, name{}) VALUES ({}, '{}'{})", sqlite ? ", applied_at" : "",
                          migration.version, migration.name, sqlite ? ", 0" : ""));
  }

  const std::string time = sqlite ? "1577836800" : "to_timestamp(1577836800)";
  raw->Exec("INSERT INTO sections (language, slug, name) VALUES ('en', 'world', 'World'), ('en', 'sport', 'Sport'),"
            " ('ar', 'world', 'World')");
  raw->Exec("INSERT INTO tags (language, slug, name) VALUES ('en', 'iran', 'Iran'), ('en', 'oil', 'Oil'),"
            " ('ar', 'iran', 'Iran')");
  struct Row {
    std::string language, slug, section, status;
    std::vector<std::string> tags;
  };
  const std::vector<Row> rows{{"en", "a", "world", "published", {"iran", "oil"}},
                              {"en", "b", "world", "published", {"iran"}},
                              {"en", "c", "sport", "published", {"oil"}},
                              {"en", "d", "sport", "draft", {"iran", "oil"}},
                              {"en", "e", "world", "unpublished", {"iran"}},
                              {"ar", "f", "world", "published", {"iran"}}};
  for (const auto& row : rows) {
    raw->Exec(fmt::format("INSERT INTO articles (language, slug, headline, section_id, status, created_at, updated_at,"
                          " published_at, content_hash) SELECT '{0}', '{1}', 'Headline {1}', id, '{3}', {4}, {4}, {4}, ''"
                          " FROM sections WHERE language = '{0}' AND slug = '{2}'",
                          row.language, row.slug, row.section, row.status, time));
    for (const auto& tag : row.tags)
      raw->Exec(fmt::format("INSERT INTO article_tags (article_id, tag_id, position) SELECT a.id, t.id, 0"
                            " FROM articles a, tags t WHERE a.language = '{0}' AND a.slug = '{1}'"
                            " AND t.language = '{0}' AND t.slug = '{2}'",
                            row.language, row.slug, tag));
  }

  auto upgraded = database_ ? postgres::OpenPostgresStore({.url = old_server_database->url(), .pool_size = 2})
                            : sqlite::OpenSqliteStore({.path = old_path, .max_readers = 2});
  EXPECT_EQ(upgraded->Articles().ListPublished({}).total, 3);
  EXPECT_EQ(upgraded->Articles().ListPublished({.section_slug = "sport"}).total, 1);
  EXPECT_EQ(upgraded->Articles().ListPublished({.tag_slug = "oil"}).total, 2);
  EXPECT_EQ(upgraded->Articles().ListPublished({.language = Language::kArabic, .tag_slug = "iran"}).total, 1);
  ExpectTotalsMatchCounts(*upgraded, *raw, "after migrating from 005");
  upgraded->Articles().Save(Draft("g", "2020-01-01T00:00:00Z", {"Oil"}, "Sport"));
  ExpectTotalsMatchCounts(*upgraded, *raw, "after saving into the migrated database");
  upgraded.reset();
  raw.reset();
}

INSTANTIATE_TEST_SUITE_P(Stores, StoreTest, ::testing::Values("sqlite", "postgresql"),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

TEST(SqliteStoreTest, OpeningAnUnwritablePathSaysWhichFile) {
  try {
    sqlite::OpenSqliteStore({.path = "/nonexistent-dir/x/gazette.db"});
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kUnavailable);
    EXPECT_NE(std::string(e.what()).find("/nonexistent-dir/x/gazette.db"), std::string::npos) << e.what();
  }
}

TEST(MigrationPlanTest, AppliesEveryUnrecordedMigrationInOrder) {
  const std::map<std::string_view, std::string_view> available{
      {"001_initial.sql", "a"}, {"002_comments.sql", "b"}, {"004_wire.sql", "d"}, {"010_late.sql", "j"}};
  auto versions = [](const std::vector<Migration>& plan) {
    std::vector<int> out;
    for (const auto& m : plan) out.push_back(m.version);
    return out;
  };
  EXPECT_EQ(versions(PendingMigrations(available, {})), (std::vector<int>{1, 2, 4, 10}));
  EXPECT_EQ(versions(PendingMigrations(available, {1, 2, 10})), (std::vector<int>{4}))
      << "a migration numbered below the newest applied is still applied";
  EXPECT_TRUE(PendingMigrations(available, {1, 2, 4, 10}).empty());
  EXPECT_THROW(PendingMigrations(available, {1, 11}), Error) << "a newer Gazette's database";
  EXPECT_THROW(PendingMigrations({{"initial.sql", ""}}, {}), Error) << "names must start NNN_";
}

TEST(SqliteStoreTest, RefusesADatabaseWithAMigrationItDoesNotKnow) {
  const auto path = std::filesystem::temp_directory_path() / ("gazette-newer-" + std::to_string(::getpid()) + ".db");
  std::filesystem::remove(path);
  sqlite::OpenSqliteStore({.path = path}).reset();
  {
    sqlite::Connection connection(path);  // As a newer Gazette would leave it.
    connection.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, '999_future.sql', 0)");
  }
  try {
    sqlite::OpenSqliteStore({.path = path});
    FAIL() << "a database from a newer Gazette must not be used";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kConflict);
    EXPECT_NE(std::string(e.what()).find("999"), std::string::npos) << e.what();
  }
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}

TEST(PostgresStoreTest, AnUnreachableServerIsUnavailableAndThePasswordStaysSecret) {
  try {
    // Port 1 on loopback: refused at once, no server needed.
    postgres::OpenPostgresStore({.url = "postgresql://editor:s3cret-pw@127.0.0.1:1/newsroom"});
    FAIL();
  } catch (const Error& e) {
    const std::string message = e.what();
    EXPECT_EQ(e.kind(), ErrorKind::kUnavailable);
    EXPECT_NE(message.find("127.0.0.1:1/newsroom"), std::string::npos) << message;
    EXPECT_EQ(message.find("s3cret-pw"), std::string::npos) << message;
  }
}

// Nodes starting together on an empty database: the advisory lock lets one apply the
// migrations while the others wait, then find nothing left to do.
TEST(PostgresStoreTest, NodesStartingTogetherApplyMigrationsOnce) {
  if (PostgresServerUrl().empty()) GTEST_SKIP() << kNoPostgres;
  ScratchDatabase database(PostgresServerUrl());
  std::atomic<int> failures = 0;
  std::vector<std::thread> nodes;
  for (int n = 0; n < 4; ++n)
    nodes.emplace_back([&] {
      try {
        postgres::OpenPostgresStore({.url = database.url(), .pool_size = 1})->Ping();
      } catch (const std::exception& e) {
        ++failures;
        ADD_FAILURE() << e.what();
      }
    });
  for (auto& node : nodes) node.join();
  EXPECT_EQ(failures, 0);
  postgres::Connection check(database.url());
  EXPECT_EQ(check.Query("SELECT COUNT(*) FROM schema_migrations").Int(0, 0),
            static_cast<std::int64_t>(postgres::Migrations().size()));
}

// A pooled connection the server cut off is replaced: the call that meets it fails as
// kUnavailable, the next one runs on a new connection.
TEST(PostgresStoreTest, ReplacesABrokenConnection) {
  if (PostgresServerUrl().empty()) GTEST_SKIP() << kNoPostgres;
  ScratchDatabase database(PostgresServerUrl());
  auto store = postgres::OpenPostgresStore({.url = database.url(), .pool_size = 1});
  store->Settings().Set("site.name", "Gazette");
  postgres::Connection admin(PostgresServerUrl());
  admin.Query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1", database.name());
  try {
    store->Settings().Get("site.name");
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::kUnavailable) << e.what();
  }
  EXPECT_EQ(store->Settings().Get("site.name"), "Gazette");
}

}  // namespace
}  // namespace gazette::store
