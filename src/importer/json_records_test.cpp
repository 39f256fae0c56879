#include <gtest/gtest.h>

#include "importer/json_records.hpp"

namespace gazette::importer {
namespace {

TEST(JsonRecordsTest, SplitsAnArrayIntoRecords) {
  const std::string text = "[\n {\"a\": \"x]}\\\"{,\"},\n {\"b\": [1, {\"c\": 2}]}\n]\n";
  const auto json = ReadJsonRecords(text);
  EXPECT_TRUE(json.is_array);
  EXPECT_FALSE(json.error);
  ASSERT_EQ(json.records.size(), 2u);
  EXPECT_EQ(json.records[0].number, 1u);
  EXPECT_EQ(json.records[0].offset, 3u);
  EXPECT_EQ(*StringField(*json.records[0].object, "a"), "x]}\"{,");
  EXPECT_EQ(json.records[1].number, 2u);
  EXPECT_TRUE(json.records[1].object->contains("b"));
}

TEST(JsonRecordsTest, ReadsASingleObjectAsOneRecord) {
  const auto json = ReadJsonRecords("\xEF\xBB\xBF {\"headline\": \"h\"} ");
  EXPECT_FALSE(json.is_array);
  ASSERT_EQ(json.records.size(), 1u);
  EXPECT_EQ(*StringField(*json.records[0].object, "headline"), "h");
}

TEST(JsonRecordsTest, ABrokenRecordCostsOnlyItself) {
  const std::string text = R"([{"n": 1}, {"n": 2,, "x"}, 42, {"n": 4},])";
  const auto json = ReadJsonRecords(text);
  ASSERT_EQ(json.records.size(), 4u);
  EXPECT_TRUE(json.records[0].object);
  EXPECT_FALSE(json.records[1].object);
  EXPECT_NE(json.records[1].error.find("invalid JSON"), std::string::npos);
  ASSERT_TRUE(json.records[1].error_offset);
  EXPECT_EQ(*json.records[1].error_offset, text.find(",,") + 1);
  EXPECT_FALSE(json.records[2].object);
  EXPECT_EQ(json.records[2].error, "not a JSON object");
  EXPECT_TRUE(json.records[3].object);
  EXPECT_EQ(json.records[3].number, 4u);
}

TEST(JsonRecordsTest, ReadsInvalidUtf8AsLatin1AndSaysWhere) {
  const std::string text = "[{\"t\": \"ok\"}, {\"t\": \"\xA3" "5\"}]";
  const auto json = ReadJsonRecords(text);
  ASSERT_EQ(json.records.size(), 2u);
  EXPECT_FALSE(json.records[0].repaired_utf8_offset);
  ASSERT_TRUE(json.records[1].repaired_utf8_offset);
  EXPECT_EQ(*json.records[1].repaired_utf8_offset, text.find('\xA3'));
  EXPECT_EQ(*StringField(*json.records[1].object, "t"), "\xC2\xA3" "5");
}

TEST(JsonRecordsTest, ReportsFilesThatAreNotRecords) {
  EXPECT_EQ(*ReadJsonRecords("").error, "the file is empty");
  EXPECT_EQ(*ReadJsonRecords("\"text\"").error, "expected a JSON array or object");
  const auto cut = ReadJsonRecords(R"([{"n": 1}, {"n": 2)");
  EXPECT_TRUE(cut.error);
  ASSERT_EQ(cut.records.size(), 2u);
  EXPECT_TRUE(cut.records[0].object);
  EXPECT_FALSE(cut.records[1].object);
  EXPECT_TRUE(ReadJsonRecords("[]").records.empty());
  EXPECT_TRUE(ReadJsonRecords("[ } ]").records.size() == 1u);  // A stray '}' does not loop.
}

TEST(JsonRecordsTest, RejectsHostileNesting) {
  const std::string deep = "[{\"a\":" + std::string(5000, '[') + std::string(5000, ']') + "}]";
  const auto json = ReadJsonRecords(deep);
  ASSERT_EQ(json.records.size(), 1u);
  EXPECT_FALSE(json.records[0].object);
}

TEST(JsonRecordsTest, ReadsStringLists) {
  const auto json = ReadJsonRecords(R"({"tags": ["a", "b"], "bad": ["a", 1], "text": "x"})");
  const auto& object = *json.records[0].object;
  EXPECT_EQ(*StringListField(object, "tags"), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(StringListField(object, "missing")->empty());
  EXPECT_FALSE(StringListField(object, "bad"));
  EXPECT_FALSE(StringListField(object, "text"));
  EXPECT_FALSE(StringField(object, "tags"));
}

}  // namespace
}  // namespace gazette::importer
