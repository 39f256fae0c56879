// Mapping (wire item -> article), the ingester over a real SQLite store, and the drop folder's
// file lifecycle. Integration tests with the binary: tests/integration/ingest*.test.mjs.
#include <gtest/gtest.h>

#include <fstream>

#include "ingest/apply/ingester.hpp"
#include "ingest/apply/wire_mapping.hpp"
#include "ingest/sources/drop_folder.hpp"
#include "news/timestamp.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace gazette::ingest {
namespace {

namespace fs = std::filesystem;

const news::TimePoint kNow = *news::ParseIso8601("2024-03-04T09:00:00Z");

std::string NewsMl(std::string guid, int version, std::string headline, std::string extra_meta = "",
                   std::string pub_status = "usable", std::string lang = "en-GB") {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid=")" + guid + R"(" version=")" + std::to_string(version) +
         R"(" standard="NewsML-G2" standardversion="2.29" xml:lang=")" + lang + R"(">
  <itemMeta><itemClass qcode="ninat:text"/><provider qcode="nprov:afp.com"/>
    <versionCreated>2024-03-04T08:00:00Z</versionCreated><pubStatus qcode="stat:)" + pub_status + R"("/>)" +
         extra_meta + R"(</itemMeta>
  <contentMeta><subject type="cpnat:abstract" qcode="medtop:04000000"><name>economy</name></subject>
    <keyword>oil</keyword><headline>)" + headline + R"(</headline></contentMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>
    <p>First *paragraph*.</p><p>Second.</p></body></html></inlineXML></contentSet>
</newsItem>)";
}

IngestSettings Settings(const fs::path& folder = {}) {
  IngestSettings settings;
  settings.providers = {{"afp.com", "AFP"}};
  settings.subjects = {{"medtop:04000000", "Economy"}};
  settings.sources.push_back({.name = "afp", .folder = folder, .section = "World"});
  settings.sources.push_back({.name = "held", .policy = Policy::kHold, .section = "Desk"});
  return settings;
}

TEST(WireMappingTest, MapsProviderTagsEditionBodyAndPolicy) {
  const auto settings = Settings();
  news::WireItem item;
  item.provider = "afp.com";
  item.guid = "urn:1";
  item.version = 4;
  item.language = "en-gb";
  item.headline = "Oil prices rise";
  item.body = {"One *star*.", "Two."};
  item.subjects = {{"medtop:04000000", "economy, business and finance"}, {"", "Energy"}};
  item.keywords = {"oil", "energy"};
  auto mapped = MapWireItem(item, settings, settings.sources[0], kNow);
  ASSERT_TRUE(std::holds_alternative<store::WireApply>(mapped));
  const auto& apply = std::get<store::WireApply>(mapped);
  EXPECT_EQ(apply.provider, "AFP");
  EXPECT_EQ(apply.version, 4);
  EXPECT_EQ(apply.draft.source, "AFP");
  EXPECT_EQ(apply.draft.slug, "oil-prices-rise");
  EXPECT_EQ(apply.draft.section_name, "World");
  EXPECT_EQ(apply.draft.body_markdown, "One \\*star\\*.\n\nTwo.");
  EXPECT_EQ(apply.draft.tags, (std::vector<std::string>{"Economy", "Energy", "oil"}));
  EXPECT_EQ(apply.draft.status, news::ArticleStatus::kPublished);
  EXPECT_EQ(SourceLine(settings, settings.sources[0], "AFP"), "AFP");

  item.language = "ar";
  EXPECT_EQ(std::get<store::WireApply>(MapWireItem(item, settings, settings.sources[1], kNow)).draft.status,
            news::ArticleStatus::kDraft);
  item.embargoed_until = kNow + std::chrono::minutes(5);
  const auto embargoed = std::get<store::WireApply>(MapWireItem(item, settings, settings.sources[0], kNow));
  EXPECT_EQ(embargoed.draft.language, news::Language::kArabic);
  EXPECT_EQ(embargoed.draft.status, news::ArticleStatus::kScheduled);
  EXPECT_EQ(embargoed.draft.published_at, kNow + std::chrono::minutes(5));

  item.language = "sv";
  auto refused = MapWireItem(item, settings, settings.sources[0], kNow);
  ASSERT_TRUE(std::holds_alternative<Rejection>(refused));
  EXPECT_NE(std::get<Rejection>(refused).reason.find("'sv'"), std::string::npos);
}

class IngestTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("gazette-wire-ingest-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "drop");
    store_ = store::sqlite::OpenSqliteStore({.path = dir_ / "test.db", .clock = [] { return kNow; }});
    ingester_ = std::make_unique<Ingester>(
        store_->Wire(), Settings(dir_ / "drop"),
        [this](const std::vector<std::string>& tags) { announced_.insert(announced_.end(), tags.begin(), tags.end()); },
        [] { return kNow; });
  }
  void TearDown() override {
    ingester_.reset();
    store_.reset();
    fs::remove_all(dir_);
  }
  void Drop(const std::string& name, const std::string& bytes) {
    std::ofstream(dir_ / "drop" / name, std::ios::binary) << bytes;
  }
  static std::string Read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), {}};
  }
  const SourceSettings& Afp() { return ingester_->settings().sources[0]; }

  fs::path dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Ingester> ingester_;
  std::vector<std::string> announced_;
};

TEST_F(IngestTest, VersionsArriveOutOfOrder) {
  EXPECT_EQ(ingester_->Ingest(Afp(), NewsMl("urn:v", 1, "Version one")).applied, 1);
  const auto v3 = ingester_->Ingest(Afp(), NewsMl("urn:v", 3, "Version three"));
  EXPECT_EQ(v3.items.at(0).outcome, store::WireOutcome::kUpdated);
  EXPECT_EQ(v3.items.at(0).path, "/en/world/version-one");
  const auto v2 = ingester_->Ingest(Afp(), NewsMl("urn:v", 2, "Version two"));
  EXPECT_EQ(v2.stale, 1);
  const auto article = store_->Articles().FindPublished(news::Language::kEnglish, "version-one");
  ASSERT_TRUE(article);
  EXPECT_EQ(article->headline, "Version three");
  EXPECT_EQ(article->source, "AFP");
  EXPECT_EQ(store_->Wire().Revisions(article->id).size(), 2u);
  EXPECT_NE(std::find(announced_.begin(), announced_.end(), "tag:en/economy"), announced_.end());

  EXPECT_EQ(ingester_->Ingest(Afp(), NewsMl("urn:v", 4, "Version three", "", "canceled")).applied, 1);
  EXPECT_FALSE(store_->Articles().FindPublished(news::Language::kEnglish, "version-one"));
}

TEST_F(IngestTest, FilesWithNoUsableItemAreQuarantined) {
  EXPECT_THROW(ingester_->Ingest(Afp(), NewsMl("urn:sv", 1, "Svenska", "", "usable", "sv")), Unusable);
  EXPECT_THROW(ingester_->Ingest(Afp(), "<rss><channel>"), ParseError);
  EXPECT_EQ(store_->Articles().CountAll(), 0);
}

TEST_F(IngestTest, DropFolderProcessesQuarantinesAndRetriesLeftovers) {
  Drop("good.xml", NewsMl("urn:d1", 1, "Dropped story"));
  const std::string broken = "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><oops>\xff";
  Drop("broken.xml", broken);
  Drop(".partial.xml", "ignored while hidden");
  // A crash after the database commit left this one in processing/: taking it again is a no-op.
  ingester_->Ingest(Afp(), NewsMl("urn:d2", 1, "Committed before crash"));
  fs::create_directories(dir_ / "drop" / "processing");
  std::ofstream(dir_ / "drop" / "processing" / "crashed.xml") << NewsMl("urn:d2", 1, "Committed before crash");

  DropFolders folders(*ingester_);
  folders.ScanAll();
  EXPECT_TRUE(fs::exists(dir_ / "drop" / "processed" / "good.xml"));
  EXPECT_TRUE(fs::exists(dir_ / "drop" / "processed" / "crashed.xml"));
  EXPECT_TRUE(fs::exists(dir_ / "drop" / ".partial.xml"));
  EXPECT_TRUE(fs::is_empty(dir_ / "drop" / "processing"));
  EXPECT_EQ(Read(dir_ / "drop" / "quarantine" / "broken.xml"), broken) << "kept byte for byte";
  const auto error = Read(dir_ / "drop" / "quarantine" / "broken.xml.error");
  EXPECT_NE(error.find("reason: "), std::string::npos) << error;
  EXPECT_NE(error.find("format: newsml-g2"), std::string::npos) << error;
  EXPECT_NE(error.find("offset: "), std::string::npos) << error;
  EXPECT_EQ(store_->Articles().CountAll(), 2);
  EXPECT_EQ(store_->Wire().CountItems(), 2);
  EXPECT_EQ(folders.processed(), 2);
  EXPECT_EQ(folders.quarantined(), 1);

  // The same name dropped again does not overwrite the first.
  Drop("good.xml", NewsMl("urn:d1", 2, "Dropped story, updated"));
  folders.ScanAll();
  EXPECT_TRUE(fs::exists(dir_ / "drop" / "processed" / "good.xml.2"));
  EXPECT_EQ(store_->Articles().FindPublished(news::Language::kEnglish, "dropped-story")->headline,
            "Dropped story, updated");
}

}  // namespace
}  // namespace gazette::ingest
