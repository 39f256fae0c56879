#include "store/transfer.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "news/error.hpp"
#include "store/sqlite/sqlite_store.hpp"
#include "store/sqlite/sqlite_tables.hpp"

namespace gazette::store {
namespace {

std::vector<std::string> Names(const std::vector<TableShape>& tables) {
  std::vector<std::string> names;
  for (const auto& table : tables) names.push_back(table.name);
  return names;
}

TEST(TransferTest, CopiesReferencedTablesFirst) {
  const std::vector<TableShape> tables = {
      {.name = "article_tags", .references = {"articles", "tags"}},
      {.name = "articles", .references = {"sections", "sources"}},
      {.name = "comments", .references = {"articles", "comments"}},  // A self-reference is no wait.
      {.name = "sections"},
      {.name = "sources"},
      {.name = "tags"},
      {.name = "wire_items", .references = {"feeds"}},  // A table the copy does not see.
  };
  EXPECT_EQ(Names(InForeignKeyOrder(tables)),
            (std::vector<std::string>{"sections", "sources", "tags", "wire_items", "articles", "comments", "article_tags"}));
}

TEST(TransferTest, RefusesACycle) {
  const std::vector<TableShape> tables = {{.name = "a", .references = {"b"}}, {.name = "b", .references = {"a"}}};
  EXPECT_THROW(InForeignKeyOrder(tables), Error);
}

TEST(TransferTest, KnowsDerivedTablesByName) {
  EXPECT_TRUE(IsDerivedTable("published_section_counts"));
  EXPECT_TRUE(IsDerivedTable("published_tag_counts"));
  EXPECT_FALSE(IsDerivedTable("articles"));
  EXPECT_FALSE(IsDerivedTable("counts_of_things"));
}

// The destination's triggers count the copied articles: copying the counts too would double them.
TEST(TransferTest, LeavesDerivedCountsToTheDestinationAndComparesThem) {
  const auto dir = std::filesystem::temp_directory_path() / ("gazette-transfer-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  {
    auto site = sqlite::OpenSqliteStore({.path = dir / "from.db"});
    std::vector<news::ArticleDraft> drafts;
    for (int i = 0; i < 5; ++i) {
      news::ArticleDraft d;
      d.slug = "story-" + std::to_string(i);
      d.headline = "Story " + std::to_string(i);
      d.section_name = i % 2 ? "World" : "Sport";
      d.tags = {"Iran", i % 2 ? "Oil" : "Gas"};
      d.status = i == 4 ? news::ArticleStatus::kDraft : news::ArticleStatus::kPublished;
      drafts.push_back(d);
    }
    site->Articles().SaveAll(drafts);
    sqlite::OpenSqliteStore({.path = dir / "to.db"}).reset();  // Migrated and empty.
  }
  {
    auto source = sqlite::OpenSqliteTables(dir / "from.db");
    auto destination = sqlite::OpenSqliteTables(dir / "to.db");
    const auto report = CopySite(*source, *destination);
    EXPECT_TRUE(report.Matches());
    std::map<std::string, std::int64_t> rows;
    for (const auto& table : report.tables) rows[table.destination.table] = table.destination.rows;
    EXPECT_EQ(rows["published_section_counts"], 2);
    EXPECT_EQ(rows["published_tag_counts"], 3);
  }
  auto copy = sqlite::OpenSqliteStore({.path = dir / "to.db"});
  EXPECT_EQ(copy->Articles().ListPublished({}).total, 4);
  EXPECT_EQ(copy->Articles().ListPublished({.tag_slug = "iran"}).total, 4);
  EXPECT_EQ(copy->Articles().ListPublished({.section_slug = "sport"}).total, 2);
  copy.reset();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace gazette::store
