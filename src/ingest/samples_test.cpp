// Every real sample in ../shared/data must parse, or be rejected for the reason listed here.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "ingest/wire_parser.hpp"
#include "news/timestamp.hpp"

namespace gazette::ingest {
namespace {

namespace fs = std::filesystem;

fs::path SharedData() { return fs::path(GAZETTE_SOURCE_DIR) / ".." / "shared" / "data"; }

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

#define SKIP_WITHOUT_SHARED_DATA()                                                         \
  if (!fs::exists(SharedData() / "iptc-samples")) {                                        \
    GTEST_SKIP() << "*** ../shared/data is absent: the real wire samples are NOT tested *** "; \
  }

// The samples that are not stories, or lack what an item needs, and why.
const std::map<std::string, ParseProblem>& ExpectedRejections() {
  using P = ParseProblem;
  static const std::map<std::string, ParseProblem> kRejections = {
      {"iptc-samples/newsml-g2/examples/LISTING_10_Abstract_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml", P::kNotAStory},
      {"iptc-samples/newsml-g2/examples/LISTING_11_Person_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml", P::kNotAStory},
      {"iptc-samples/newsml-g2/examples/LISTING_12_Knowledge_Item_for_Access_Codes.xml", P::kNotAStory},
      {"iptc-samples/newsml-g2/examples/LISTING_13_Complete_Catalog_Item.xml", P::kNotAStory},
      {"iptc-samples/newsml-g2/examples/LISTING_14_Event_sent_as_a_Concept_Item.xml", P::kNotAStory},
      {"iptc-samples/newsml-g2/examples/LISTING_15_Two_Related_Events_in_a_Knowledge_Item.xml", P::kNotAStory},
      {"iptc-samples/newsml-g2/examples/LISTING_16_A_Set_of_Events_carried_in_a_News_Item.xml", P::kNotAStory},
      {"iptc-samples/newsml-g2/examples/LISTING_17_Planning_Item_a_CCL.xml", P::kNotAStory},
      {"iptc-samples/newsml-g2/examples/LISTING_18_Planning_Item_at_PCL.xml", P::kNotAStory},
      {"iptc-samples/newsml-g2/examples/LISTING_19_Planning_Item_with_delivery_at_CCL.xml", P::kNotAStory},
      {"iptc-samples/newsml-g2/examples/LISTING_20_Planning_Item_with_delivery_at_PCL.xml", P::kNotAStory},
      {"iptc-samples/newsml-g2/examples/LISTING_23_SportsML-G2_Package.xml", P::kNotAStory},
      {"iptc-samples/newsml-g2/examples/LISTING_24_News_Message_conveying_a_complete_News_Package.xml", P::kNotAStory},
      // Fragments of items (no root item, no namespace): nothing says what they are.
      {"iptc-samples/newsml-g2/examples/LISTING_25_An_NITF_marked-up_article_conveyed_in_inlineXML.xml", P::kUnknownFormat},
      {"iptc-samples/newsml-g2/examples/LISTING_28_Illustrating_Located_Subject_and_Dateline.xml", P::kUnknownFormat},
      {"iptc-samples/newsml-g2/examples/LISTING_7_Group_Set_example_showing_Hierarchical_Package_Structure.xml", P::kUnknownFormat},
      {"iptc-samples/newsml-g2/examples/LISTING_8_Group_Set_example_showing_an_ALT_Package_Mode.xml", P::kUnknownFormat},
      {"iptc-samples/newsml-g2/examples/LISTING_9_Group_Set_example_showing_a_SEQ_Package_Mode.xml", P::kUnknownFormat},
      {"iptc-samples/newsml-g2/examples/LISTING_26_Embedded_photo_metadata_fields_mapped_to_NewsML-G2.xml", P::kNotAStory},
      {"iptc-samples/newsml-g2/examples/LISTING_29_Hop_History.xml", P::kMissingField},
      {"iptc-samples/newsml-g2/examples/LISTING_3A_Photo_in_NewsML-G2_(URI_sibling_attributes).xml", P::kNotAStory},
      {"iptc-samples/newsml-g2/examples/LISTING_3_Photo_in_NewsML-G2.xml", P::kNotAStory},
      {"iptc-samples/newsml-g2/examples/LISTING_4_Multiple_Renditions_of_a_Video_in_NewsML-G2.xml", P::kNotAStory},
      {"iptc-samples/newsml-g2/examples/LISTING_5_Multi-part_Video_in_NewsML-G2.xml", P::kNotAStory},
      {"iptc-samples/newsml-g2/examples/LISTING_6_Simple_NewsML-G2_Package.xml", P::kNotAStory},
      {"iptc-samples/newsml-g2/examples/ap_metadata_example.xml", P::kNotAStory},
      // Metadata-only examples of facets: no headline.
      {"iptc-samples/newsml-g2/examples/facet-example.xml", P::kMissingField},
      {"iptc-samples/newsml-g2/examples/facet-example-2.xml", P::kMissingField},
      {"iptc-samples/newsml-g2/examples/facet-example-3.xml", P::kMissingField},
      {"iptc-samples/ninjs/doc-examples/1.6/002_renditions_example.json", P::kMissingField},
      {"iptc-samples/ninjs/doc-examples/1.6/006_photo_only.json", P::kNotAStory},
      {"iptc-samples/ninjs/doc-examples/2.2/002_renditions_example.json", P::kMissingField},
      {"iptc-samples/ninjs/doc-examples/2.2/006_photo_only.json", P::kNotAStory},
      {"iptc-samples/ninjs/doc-examples/3.1/002_renditions_example.json", P::kMissingField},
      {"iptc-samples/ninjs/doc-examples/3.1/006_photo_only.json", P::kNotAStory},
      {"iptc-samples/ninjs/doc-examples/3.1/008_event.json", P::kNotAStory},
      {"iptc-samples/ninjs/doc-examples/not-valid/008_extension.json", P::kMissingField},
      {"iptc-samples/ninjs/examples/1.4/ninjsExSimplePhoto1.json", P::kNotAStory},
      {"iptc-samples/ninjs/examples/2.1/SIPA_image_2.json", P::kNotAStory},
      {"iptc-samples/ninjs/examples/2.1/ap_audio.json", P::kNotAStory},
      {"iptc-samples/ninjs/examples/2.1/ap_image.json", P::kNotAStory},
      {"iptc-samples/ninjs/examples/2.1/ap_video.json", P::kNotAStory},
      {"iptc-samples/ninjs/examples/2.1/imageEncodedRights.json", P::kNotAStory},
      {"iptc-samples/ninjs/examples/2.1/imageLinkedRights.json", P::kNotAStory},
      {"iptc-samples/ninjs/examples/2.1/schema-extension/extension-schema.json", P::kUnknownFormat},
      {"iptc-samples/ninjs/examples/3.0/20231004-UEFA-ChampionLeague.json", P::kNotAStory},
      {"iptc-samples/ninjs/examples/3.0/20231005-65-addb-event.json", P::kNotAStory},
      {"iptc-samples/ninjs/examples/3.0/20231016-addb-example-press-conference.json", P::kNotAStory},
      {"iptc-samples/ninjs/examples/3.0/SIPA_image_3.json", P::kNotAStory},
      {"iptc-samples/ninjs/examples/3.0/ap_audio.json", P::kNotAStory},
      {"iptc-samples/ninjs/examples/3.0/ap_image.json", P::kNotAStory},
      {"iptc-samples/ninjs/examples/3.0/ap_video.json", P::kNotAStory},
      {"iptc-samples/ninjs/examples/3.0/collection/20231016-event-timeline-sample.json", P::kNotAStory},
      {"iptc-samples/ninjs/examples/3.0/imageEncodedRights.json", P::kNotAStory},
      {"iptc-samples/ninjs/examples/3.0/imageLinkedRights.json", P::kNotAStory},
      {"iptc-samples/ninjs/examples/3.0/simpleEvent.json", P::kNotAStory},
      {"iptc-samples/ninjs/examples/3.0/tt_event_pressconference_3.0.json", P::kNotAStory},
      // AP's NITF sample has a doc-id without id-string: no identity for updates.
      {"iptc-samples/superdesk-fixtures/ap-nitf.xml", P::kMissingField},
      // An editor's advisory, not a story.
      {"iptc-samples/superdesk-fixtures/bbc-ninjs-text-test.json", P::kNotAStory},
  };
  return kRejections;
}

TEST(SamplesTest, EverySampleParsesOrIsRejectedForItsReason) {
  SKIP_WITHOUT_SHARED_DATA();
  std::vector<fs::path> files;
  for (const char* folder : {"iptc-samples", "feeds"}) {
    for (const auto& entry : fs::recursive_directory_iterator(SharedData() / folder)) {
      const auto ext = entry.path().extension();
      if (entry.is_regular_file() && (ext == ".xml" || ext == ".json")) files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 150u);
  std::size_t parsed = 0, items = 0;
  for (const auto& path : files) {
    const std::string name = fs::relative(path, SharedData()).string();
    if (name.find("/schema/") != std::string::npos) continue;  // JSON Schemas and XSDs.
    const auto expected = ExpectedRejections().find(name);
    try {
      const WireBatch batch = ParseWire(ReadFile(path));
      EXPECT_EQ(expected, ExpectedRejections().end()) << name << " parsed, expected a rejection";
      for (const news::WireItem& item : batch.items) {
        EXPECT_FALSE(item.guid.empty()) << name;
        EXPECT_FALSE(item.headline.empty()) << name;
      }
      ++parsed;
      items += batch.items.size();
    } catch (const ParseError& error) {
      ASSERT_NE(expected, ExpectedRejections().end()) << name << ": " << error.what();
      EXPECT_EQ(error.problem(), expected->second) << name << ": " << error.what();
    }
  }
  RecordProperty("parsed_files", static_cast<int>(parsed));
  RecordProperty("items", static_cast<int>(items));
}

TEST(SamplesTest, SchemasAreNotItems) {
  SKIP_WITHOUT_SHARED_DATA();
  for (const auto& entry : fs::directory_iterator(SharedData() / "iptc-samples/ninjs/schema")) {
    try {
      ParseWire(ReadFile(entry.path()));
      ADD_FAILURE() << entry.path();
    } catch (const ParseError& error) {
      EXPECT_EQ(error.problem(), ParseProblem::kUnknownFormat);
    }
  }
}

news::WireItem FirstItem(const std::string& relative) {
  const WireBatch batch = ParseWire(ReadFile(SharedData() / relative));
  EXPECT_FALSE(batch.items.empty()) << relative;
  return batch.items.at(0);
}

TEST(SamplesTest, AfpNewsMl12) {
  SKIP_WITHOUT_SHARED_DATA();
  const auto item = FirstItem("iptc-samples/newsml-1.x/afp.com_newsml1.2_sample.xml");
  EXPECT_EQ(item.format, news::WireFormat::kNewsMl1);
  EXPECT_EQ(item.provider, "AFP");
  EXPECT_EQ(item.headline, "Israel strikes key Hamas targets as UN Security Council to meet");
  EXPECT_EQ(item.guid, "urn:newsml:afp.com:20210516T080625Z:TX-PAR-WGF71");
  EXPECT_EQ(item.version, 1);
  EXPECT_EQ(item.language, "en");
  EXPECT_EQ(item.dateline, "Gaza City, Palestinian Territories, May 16, 2021 (AFP) -");
  EXPECT_EQ(news::FormatIso8601(*item.first_created), "2021-05-16T08:06:25Z");
  ASSERT_FALSE(item.body.empty());
  EXPECT_TRUE(item.body[0].starts_with("Israel's army said Sunday"));
  EXPECT_EQ(item.subjects.front().code, "16000000");
}

TEST(SamplesTest, NinjsTwoDpaAndNtbItems) {
  SKIP_WITHOUT_SHARED_DATA();
  const auto dpa = FirstItem("iptc-samples/ninjs/examples/2.1/dpa_text.json");
  EXPECT_EQ(dpa.guid, "urn:newsml:dpa.com:20090101:190510-99-167362");
  EXPECT_EQ(dpa.version, 2);
  EXPECT_EQ(dpa.headline, "Faktencheck Derby-Elfmeter: Hat Schiedsrichter Zwayer recht?");
  const auto ntb = FirstItem("iptc-samples/ninjs/examples/3.0/ntb_text.json");
  EXPECT_EQ(ntb.version, 6);
  EXPECT_EQ(ntb.language, "nb-no");
  // AP's text item from the AP Media API, in its envelope.
  const auto ap = FirstItem("iptc-samples/superdesk-fixtures/ap_media_text_item.json");
  EXPECT_EQ(ap.provider, "AP");
  EXPECT_EQ(ap.version, 0);
  EXPECT_TRUE(ap.guid.starts_with("https://d.e.f/media/v/content/5ee9b4b40ea5fe9c9ca60f890fb2e1d9"));
}

TEST(SamplesTest, NewsMlG2ItemsAndMessages) {
  SKIP_WITHOUT_SHARED_DATA();
  const auto listing = FirstItem("iptc-samples/newsml-g2/examples/LISTING_1_A_NewsML-G2_News_Item.xml");
  EXPECT_EQ(listing.guid, "urn:newsml:acmenews.com:20161018:US-FINANCE-FED");
  EXPECT_EQ(listing.version, 11);
  EXPECT_EQ(listing.provider, "REUTERS");
  EXPECT_EQ(news::FormatIso8601(*listing.embargoed_until), "2018-10-23T12:00:00Z");
  const auto tt = FirstItem("iptc-samples/newsml-g2/examples/TT_newsmlg2_sample.xml");
  EXPECT_EQ(tt.guid, "http://tt.se/media/text/210919-janguillou-879f202b");
  EXPECT_EQ(tt.provider, "TT");
  EXPECT_FALSE(tt.body.empty());
  const auto reuters = FirstItem(
      "iptc-samples/superdesk-fixtures/tag_reuters.com_2016_newsml_L1N14N0FF_version_1542761538.xml");
  EXPECT_EQ(reuters.status, news::WireStatus::kCancelled);
  const WireBatch ap = ParseWire(ReadFile(SharedData() / "iptc-samples/superdesk-fixtures/ap.xml"));
  EXPECT_EQ(ap.items.size(), 3u);
}

TEST(SamplesTest, NitfLatin1AndCancelled) {
  SKIP_WITHOUT_SHARED_DATA();
  const auto pa = FirstItem("iptc-samples/superdesk-fixtures/pa1.xml");  // ISO-8859-1.
  EXPECT_EQ(pa.provider, "PA Sport");
  EXPECT_EQ(pa.headline, "PA SPORT TRIVIA (OCTOBER 14)");
  const auto ntb = FirstItem("iptc-samples/nitf/NTB_nitf_sample.xml");
  EXPECT_EQ(ntb.headline, "Pandemien herjer på den legeløse indiske landsbygda");
  EXPECT_EQ(ntb.dateline, "Unnao");
}

TEST(SamplesTest, FeedsYieldEveryEntry) {
  SKIP_WITHOUT_SHARED_DATA();
  const struct {
    const char* file;
    std::size_t items;
  } feeds[] = {
      {"feeds/rss-parser_guardian.rss.xml", 55}, {"feeds/feedreader_Rss20NYTimes.xml", 33},
      {"feeds/feedreader_Rss20MoscowTimes.xml", 50}, {"feeds/feedreader_Rss10OrfAt.xml", 50},
      {"feeds/rss-parser_heise.atom.xml", 15}, {"feeds/feed-rs_rss_2.0_nbcny.xml", 1},
      {"feeds/feedreader_Rss20DailyMail.xml", 0},
  };
  for (const auto& feed : feeds) {
    const WireBatch batch = ParseWire(ReadFile(SharedData() / feed.file));
    EXPECT_EQ(batch.items.size(), feed.items) << feed.file;
    for (const auto& item : batch.items) EXPECT_FALSE(item.repaired_encoding) << feed.file;
  }
  const auto heise = FirstItem("feeds/rss-parser_heise.atom.xml");
  EXPECT_EQ(heise.format, news::WireFormat::kAtom);
  EXPECT_EQ(heise.guid, "http://heise.de/-3088438");
  const auto nbc = FirstItem("feeds/feed-rs_rss_2.0_nbcny.xml");
  EXPECT_EQ(news::FormatIso8601(*nbc.version_created), "2023-12-16T14:02:33Z");
}

// Decision (docs/wire-formats.md): double-encoded feeds are repaired, not rejected.
TEST(SamplesTest, DoubleEncodedFeedsAreRepaired) {
  SKIP_WITHOUT_SHARED_DATA();
  std::size_t repaired = 0;
  for (const auto& entry : fs::directory_iterator(SharedData() / "feeds/double-encoded-utf8")) {
    const WireBatch batch = ParseWire(ReadFile(entry.path()));
    for (const auto& item : batch.items) {
      repaired += item.repaired_encoding;
      for (const std::string* text : {&item.headline, &item.standfirst}) {
        EXPECT_EQ(text->find("Ã©"), std::string::npos) << entry.path() << ": " << *text;
        EXPECT_EQ(text->find("â€"), std::string::npos) << entry.path() << ": " << *text;
      }
    }
  }
  EXPECT_GT(repaired, 50u);
  const auto faz = FirstItem("feeds/double-encoded-utf8/feedreader_Rss20FazNet.xml");
  EXPECT_EQ(faz.headline, "Kältewelle in Europa: Flüchtlinge und Obdachlose erfrieren");
  const auto business_wire = FirstItem("iptc-samples/newsml-1.x/businesswire-newsml-20130605006126.xml");
  EXPECT_EQ(business_wire.language, "zh");
  ParserSettings keep;
  keep.repair_double_encoding = false;
  const WireBatch raw = ParseWire(
      ReadFile(SharedData() / "feeds/double-encoded-utf8/feedreader_Rss20FazNet.xml"), keep);
  EXPECT_NE(raw.items.at(0).headline, faz.headline);
}

}  // namespace
}  // namespace gazette::ingest
