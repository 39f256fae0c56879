// Broken and hostile input: each is refused with a reason, and nothing outside the bytes is read.
#include <gtest/gtest.h>

#include "ingest/wire_parser.hpp"

namespace gazette::ingest {
namespace {

constexpr std::string_view kItem =
    "<newsItem guid=\"g\" version=\"1\"><contentMeta><headline>Caf\xC3\xA9</headline>"
    "</contentMeta></newsItem>";

ParseError Refusal(std::string_view bytes, const ParserSettings& settings = {}) {
  try {
    ParseWire(bytes, settings);
  } catch (const ParseError& error) {
    return error;
  }
  ADD_FAILURE() << "accepted: " << bytes.substr(0, 200);
  return ParseError(ParseProblem::kMalformed, "accepted");
}

TEST(HostileInputTest, TheValidItemParses) { EXPECT_EQ(ParseWire(kItem).items.size(), 1u); }

TEST(HostileInputTest, TruncatedXmlGivesPugixmlsOffset) {
  const ParseError error = Refusal(kItem.substr(0, 60));
  EXPECT_EQ(error.problem(), ParseProblem::kMalformed);
  ASSERT_TRUE(error.offset().has_value());
  EXPECT_LE(*error.offset(), 60u);
  EXPECT_EQ(error.kind(), ErrorKind::kInvalid);
}

TEST(HostileInputTest, InvalidUtf8IsRefusedAtItsOffset) {
  std::string bytes(kItem);
  const std::size_t at = bytes.find("Caf") + 3;
  bytes[at] = '\xFF';
  const ParseError error = Refusal(bytes);
  EXPECT_EQ(error.problem(), ParseProblem::kInvalidUtf8);
  EXPECT_EQ(error.offset(), at);
  const ParseError json = Refusal("{\"uri\": \"x\", \"headline\": \"\xC3\x28\"}");
  EXPECT_EQ(json.problem(), ParseProblem::kInvalidUtf8);
  EXPECT_EQ(json.offset(), 26u);
}

TEST(HostileInputTest, Latin1DeclaredIsRead) {
  const WireBatch batch = ParseWire(
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><nitf><head><docdata><doc-id id-string=\"p\"/>"
      "</docdata></head><body><body.head><hedline><hl1>Caf\xE9</hl1></hedline></body.head></body></nitf>");
  EXPECT_EQ(batch.items.at(0).headline, "Caf\xC3\xA9");
  EXPECT_EQ(Refusal("<?xml version=\"1.0\" encoding=\"KOI8-R\"?><nitf/>").problem(),
            ParseProblem::kUnsupportedEncoding);
}

TEST(HostileInputTest, EntityExpansionBombIsRefused) {
  const ParseError error = Refusal(R"(<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<newsItem guid="g"><contentMeta><headline>&lol3;</headline></contentMeta></newsItem>)");
  EXPECT_EQ(error.problem(), ParseProblem::kEntityDeclaration);
  EXPECT_TRUE(error.offset().has_value());
}

TEST(HostileInputTest, ExternalEntityIsRefusedAndNeverRead) {
  const ParseError error = Refusal(R"(<?xml version="1.0"?>
<!DOCTYPE nitf [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<nitf><head><docdata><doc-id id-string="x"/></docdata></head>
<body><body.head><hedline><hl1>&xxe;</hl1></hedline></body.head></body></nitf>)");
  EXPECT_EQ(error.problem(), ParseProblem::kEntityDeclaration);
  EXPECT_EQ(std::string(error.what()).find("root:"), std::string::npos);
}

TEST(HostileInputTest, UndeclaredEntityStaysText) {
  // Without a declaration pugixml leaves the reference as it is: no file is opened.
  const WireBatch batch = ParseWire(
      "<nitf><head><docdata><doc-id id-string=\"x\"/></docdata></head><body><body.head><hedline>"
      "<hl1>&xxe; text</hl1></hedline></body.head></body></nitf>");
  EXPECT_EQ(batch.items.at(0).headline, "&xxe; text");
}

TEST(HostileInputTest, MissingGuidOrHeadlineIsNamed) {
  const ParseError no_guid =
      Refusal("<newsItem><contentMeta><headline>H</headline></contentMeta></newsItem>");
  EXPECT_EQ(no_guid.problem(), ParseProblem::kMissingField);
  EXPECT_NE(std::string(no_guid.what()).find("guid"), std::string::npos);
  const ParseError no_headline = Refusal("{\"uri\": \"u\", \"type\": \"text\"}");
  EXPECT_EQ(no_headline.problem(), ParseProblem::kMissingField);
  EXPECT_NE(std::string(no_headline.what()).find("headline"), std::string::npos);
}

TEST(HostileInputTest, FilesOverTheLimitAreRefusedUnread) {
  ParserSettings settings;
  settings.max_bytes = 1000;
  std::string huge(kItem);
  huge.insert(huge.find("</headline>"), std::string(2000, 'x'));
  EXPECT_EQ(Refusal(huge, settings).problem(), ParseProblem::kTooLarge);
  // The default limit holds for a 20 MB file of garbage too.
  EXPECT_EQ(Refusal(std::string(20 << 20, '<')).problem(), ParseProblem::kTooLarge);
}

TEST(HostileInputTest, DeepNestingIsRefused) {
  std::string json = "{\"uri\": \"u\", \"headline\": \"h\", \"x\": ";
  json += std::string(10000, '[') + std::string(10000, ']') + "}";
  EXPECT_EQ(Refusal(json).problem(), ParseProblem::kTooDeep);
  std::string xml = "<newsItem guid=\"g\"><contentMeta><headline>h</headline></contentMeta>";
  for (int i = 0; i < 100000; ++i) xml += "<a>";
  for (int i = 0; i < 100000; ++i) xml += "</a>";
  xml += "</newsItem>";
  EXPECT_EQ(Refusal(xml).problem(), ParseProblem::kTooDeep);
}

TEST(HostileInputTest, MalformedJsonGivesAnOffset) {
  const ParseError error = Refusal("{\"uri\": \"u\", \"headline\": }");
  EXPECT_EQ(error.problem(), ParseProblem::kMalformed);
  EXPECT_TRUE(error.offset().has_value());
  EXPECT_EQ(Refusal("{\"uri\": \"u\"} trailing").problem(), ParseProblem::kMalformed);
  EXPECT_EQ(Refusal("{\"uri\": \"u\", \"headline\": \"h\"").problem(), ParseProblem::kMalformed);
}

TEST(HostileInputTest, UnknownFormatsAreNamed) {
  for (std::string_view bytes : {"", "hello", "<html><body/></html>", "{\"a\": 1}", "\x00\x01"}) {
    EXPECT_EQ(Refusal(bytes).problem(), ParseProblem::kUnknownFormat) << bytes;
  }
}

TEST(HostileInputTest, ScriptInBodiesIsDropped) {
  const WireBatch batch = ParseWire(
      "{\"uri\": \"u\", \"headline\": \"h<script>x</script>\", "
      "\"body_html\": \"<p>ok</p><script>alert(1)</script><style>p{}</style>\"}");
  EXPECT_EQ(batch.items.at(0).body, std::vector<std::string>{"ok"});
}

}  // namespace
}  // namespace gazette::ingest
