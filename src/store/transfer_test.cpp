#include "store/transfer.hpp"

#include <gtest/gtest.h>

#include "news/error.hpp"

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

}  // namespace
}  // namespace gazette::store
