// Each parser on small inline items: the field mapping of docs/wire-formats.md.
#include <gtest/gtest.h>

#include "ingest/wire_parser.hpp"
#include "news/timestamp.hpp"

namespace gazette::ingest {
namespace {

using news::WireFormat;

news::WireItem OnlyItem(const WireBatch& batch) {
  EXPECT_EQ(batch.items.size(), 1u);
  return batch.items.at(0);
}

constexpr std::string_view kNewsMlG2 = R"(<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:example.com:1" version="3"
    standard="NewsML-G2" xml:lang="en-GB">
  <itemMeta>
    <itemClass qcode="ninat:text"/>
    <provider qcode="nprov:AFP"/>
    <versionCreated>2018-10-21T16:25:32-05:00</versionCreated>
    <firstCreated>2016-10-18T13:12:21-05:00</firstCreated>
    <embargoed>2018-10-23T12:00:00Z</embargoed>
    <pubStatus qcode="stat:withheld"/>
  </itemMeta>
  <contentMeta>
    <subject qcode="medtop:04000000"><name>economy</name></subject>
    <keyword>fed</keyword>
    <headline> Fed to halt QE to avert &quot;bubble&quot;</headline>
    <description role="drol:summary">The Fed said so.</description>
    <by>Meredith Jameson</by>
    <dateline>WASHINGTON</dateline>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml"><head><title>x</title></head>
      <body><h1>Fed</h1><p>First <b>para</b>.</p><p>Second &amp; last.</p></body></html>
    </inlineXML>
  </contentSet>
</newsItem>)";

TEST(NewsMlG2ParserTest, MapsEveryField) {
  const WireBatch batch = ParseWire(kNewsMlG2);
  EXPECT_EQ(batch.format, WireFormat::kNewsMlG2);
  const news::WireItem item = OnlyItem(batch);
  EXPECT_EQ(item.guid, "urn:newsml:example.com:1");
  EXPECT_EQ(item.version, 3);
  EXPECT_EQ(item.provider, "AFP");
  EXPECT_EQ(item.language, "en-gb");
  EXPECT_EQ(item.headline, "Fed to halt QE to avert \"bubble\"");
  EXPECT_EQ(item.standfirst, "The Fed said so.");
  EXPECT_EQ(item.byline, "Meredith Jameson");
  EXPECT_EQ(item.dateline, "WASHINGTON");
  EXPECT_EQ(item.body, (std::vector<std::string>{"Fed", "First para.", "Second & last."}));
  EXPECT_EQ(item.subjects, (std::vector<news::WireSubject>{{"medtop:04000000", "economy"}}));
  EXPECT_EQ(item.keywords, std::vector<std::string>{"fed"});
  EXPECT_EQ(news::FormatIso8601(*item.version_created), "2018-10-21T21:25:32Z");
  EXPECT_EQ(news::FormatIso8601(*item.first_created), "2016-10-18T18:12:21Z");
  EXPECT_EQ(news::FormatIso8601(*item.embargoed_until), "2018-10-23T12:00:00Z");
  EXPECT_EQ(item.status, news::WireStatus::kWithheld);
}

TEST(NewsMlG2ParserTest, NewsMessageYieldsTextItemsAndSkipsTheRest) {
  const WireBatch batch = ParseWire(R"(<newsMessage><itemSet>
      <packageItem guid="p1"/>
      <newsItem guid="t1"><itemMeta><itemClass qcode="ninat:text"/></itemMeta>
        <contentMeta><headline>One</headline></contentMeta></newsItem>
      <newsItem guid="i1"><itemMeta><itemClass qcode="ninat:picture"/></itemMeta></newsItem>
      <newsItem guid="t2" version="2"><itemMeta><pubStatus qcode="stat:canceled"/></itemMeta>
        <contentMeta><headline>Two</headline></contentMeta></newsItem>
    </itemSet></newsMessage>)");
  ASSERT_EQ(batch.items.size(), 2u);
  EXPECT_EQ(batch.items[1].guid, "t2");
  EXPECT_EQ(batch.items[1].status, news::WireStatus::kCancelled);
  ASSERT_EQ(batch.skipped.size(), 2u);
  EXPECT_EQ(batch.skipped[1].guid, "i1");
}

TEST(NinjsParserTest, ReadsVersionTwoFields) {
  const news::WireItem item = OnlyItem(ParseWire(R"({
    "uri": "urn:ninjs:1", "type": "text", "version": "6", "language": "nb-NO",
    "versioncreated": "2021-05-16T09:00:04Z", "firstcreated": "2021-05-16T08:00:00Z",
    "embargoed": "2021-05-17T00:00:00Z", "pubstatus": "withheld",
    "headlines": [{"role": "sub", "value": "Sub"}, {"role": "main", "value": "Main"}],
    "descriptions": [{"role": "summary", "value": "Lead"}],
    "bodies": [{"role": "text", "contenttype": "text/plain", "value": "plain"},
               {"role": "html", "contenttype": "text/html", "value": "<p>A</p><p>B</p>"}],
    "by": "NTB", "located": "Skien", "copyrightholder": {"name": "NTB"},
    "subjects": [{"name": "Teknologi", "uri": "http://cv.iptc.org/newscodes/mediatopic/13010000"}],
    "keywords": ["google", "google"]})"));
  EXPECT_EQ(item.guid, "urn:ninjs:1");
  EXPECT_EQ(item.version, 6);
  EXPECT_EQ(item.provider, "NTB");
  EXPECT_EQ(item.language, "nb-no");
  EXPECT_EQ(item.headline, "Main");
  EXPECT_EQ(item.standfirst, "Lead");
  EXPECT_EQ(item.body, (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(item.byline, "NTB");
  EXPECT_EQ(item.dateline, "Skien");
  EXPECT_EQ(item.status, news::WireStatus::kWithheld);
  EXPECT_EQ(news::FormatIso8601(*item.embargoed_until), "2021-05-17T00:00:00Z");
  EXPECT_EQ(item.keywords, std::vector<std::string>{"google"});
  ASSERT_EQ(item.subjects.size(), 1u);
  EXPECT_EQ(item.subjects[0].name, "Teknologi");
}

TEST(NinjsParserTest, ReadsVersionOneAndThreeNames) {
  const news::WireItem one = OnlyItem(ParseWire(R"({"uri": "u1", "headline": "H1",
      "byline": "B", "body_text": "p1\n\np2", "versioncreated": "2013-07-09T10:00:00Z",
      "subject": [{"code": "15000000", "name": "sport"}]})"));
  EXPECT_EQ(one.headline, "H1");
  EXPECT_EQ(one.byline, "B");
  EXPECT_EQ(one.body, (std::vector<std::string>{"p1", "p2"}));
  EXPECT_EQ(one.subjects[0].code, "15000000");
  const news::WireItem three = OnlyItem(ParseWire(R"({"uri": "u3", "version": "2",
      "headlines": [{"value": "H3"}], "versionCreated": "2023-10-08T10:00:00Z",
      "pubStatus": "canceled", "embargoedUntil": "2023-10-09T00:00:00Z",
      "copyrightHolder": {"name": "ADDB"}})"));
  EXPECT_EQ(three.version, 2);
  EXPECT_EQ(three.provider, "ADDB");
  EXPECT_EQ(three.status, news::WireStatus::kCancelled);
  EXPECT_TRUE(three.version_created.has_value());
  EXPECT_TRUE(three.embargoed_until.has_value());
}

TEST(NitfParserTest, MapsDocdataAndBody) {
  const news::WireItem item = OnlyItem(ParseWire(R"(<nitf baselang="en-US"><head>
    <tobject><tobject.subject tobject.subject.refnum="15000000" tobject.subject.type="Sport"/></tobject>
    <docdata management-status="usable"><doc-id id-string="X-1" regsrc="EFE"/>
      <date.issue norm="20170102T222800+0000"/><date.release norm="20170103T080000+0000"/>
      <du-key version="4"/><key-list><keyword key="honduras"/></key-list></docdata></head>
    <body><body.head><hedline><hl1>Headline</hl1></hedline>
      <byline>By JANE DOE<byttl>Staff</byttl></byline>
      <dateline>Tegucigalpa<story.date norm="20170102T222800+0000">20170102</story.date></dateline>
      <abstract><p>Abstract</p></abstract></body.head>
    <body.content><p>One</p><media><media-caption>no</media-caption></media><p>Two</p></body.content>
    </body></nitf>)"));
  EXPECT_EQ(item.guid, "X-1");
  EXPECT_EQ(item.provider, "EFE");
  EXPECT_EQ(item.version, 4);
  EXPECT_EQ(item.language, "en-us");
  EXPECT_EQ(item.headline, "Headline");
  EXPECT_EQ(item.byline, "JANE DOE");
  EXPECT_EQ(item.dateline, "Tegucigalpa");
  EXPECT_EQ(item.standfirst, "Abstract");
  EXPECT_EQ(item.body, (std::vector<std::string>{"One", "Two"}));
  EXPECT_EQ(news::FormatIso8601(*item.embargoed_until), "2017-01-03T08:00:00Z");
  EXPECT_EQ(item.subjects, (std::vector<news::WireSubject>{{"15000000", "Sport"}}));
}

TEST(NewsMl1ParserTest, BuildsAStableGuidAndReadsTheRevision) {
  const news::WireItem item = OnlyItem(ParseWire(R"(<NewsML><NewsItem xml:lang="en">
    <Identification><NewsIdentifier><ProviderId>afp.com</ProviderId><DateId>20210516</DateId>
      <NewsItemId>TX-1</NewsItemId><RevisionId>3</RevisionId>
      <PublicIdentifier>urn:newsml:afp.com:20210516:TX-1:3</PublicIdentifier></NewsIdentifier></Identification>
    <NewsManagement><FirstCreated>20210516T080625+0000</FirstCreated>
      <ThisRevisionCreated>20210516T090625+0000</ThisRevisionCreated><Status FormalName="Withheld"/></NewsManagement>
    <NewsComponent><NewsLines><HeadLine>Head</HeadLine><DateLine>Gaza (AFP) -</DateLine></NewsLines>
      <AdministrativeMetadata><Provider><Party FormalName="AFP"/></Provider></AdministrativeMetadata>
      <ContentItem><MediaType FormalName="Text"/><DataContent><nitf><body><body.content>
        <p>Para</p></body.content></body></nitf></DataContent></ContentItem></NewsComponent>
    </NewsItem></NewsML>)"));
  EXPECT_EQ(item.guid, "urn:newsml:afp.com:20210516:TX-1");
  EXPECT_EQ(item.version, 3);
  EXPECT_EQ(item.provider, "AFP");
  EXPECT_EQ(item.status, news::WireStatus::kWithheld);
  EXPECT_EQ(item.headline, "Head");
  EXPECT_EQ(item.dateline, "Gaza (AFP) -");
  EXPECT_EQ(item.body, std::vector<std::string>{"Para"});
}

TEST(FeedParserTest, Rss2ItemsUseGuidThenLink) {
  const WireBatch batch = ParseWire(R"(<?xml version="1.0"?>
    <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"
         xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
    <title>The Paper</title><language>en-gb</language>
    <item><title>One &amp;amp; two</title><link>https://x.test/1</link><guid>g1</guid>
      <description>&lt;p&gt;Lead&lt;/p&gt;</description>
      <content:encoded><![CDATA[<p>Lead</p><p>More</p>]]></content:encoded>
      <dc:creator>Ann</dc:creator><category>World</category>
      <pubDate>Sat, 07 Jan 2017 15:21:42 GMT</pubDate></item>
    <item><title>No guid</title><link>https://x.test/2</link></item>
    <item><description>no title</description><guid>g3</guid></item>
    </channel></rss>)");
  EXPECT_EQ(batch.format, WireFormat::kRss2);
  ASSERT_EQ(batch.items.size(), 2u);
  const news::WireItem& first = batch.items[0];
  EXPECT_EQ(first.guid, "g1");
  EXPECT_EQ(first.version, 1);
  EXPECT_EQ(first.provider, "The Paper");
  EXPECT_EQ(first.headline, "One & two");
  EXPECT_EQ(first.standfirst, "Lead");
  EXPECT_EQ(first.body, std::vector<std::string>{"More"});
  EXPECT_EQ(first.byline, "Ann");
  EXPECT_EQ(first.keywords, std::vector<std::string>{"World"});
  EXPECT_EQ(first.link, "https://x.test/1");
  EXPECT_EQ(news::FormatIso8601(*first.version_created), "2017-01-07T15:21:42Z");
  EXPECT_EQ(batch.items[1].guid, "https://x.test/2");
  ASSERT_EQ(batch.skipped.size(), 1u);
  EXPECT_EQ(batch.skipped[0].problem, ParseProblem::kMissingField);
}

TEST(FeedParserTest, Rss1AndAtom) {
  const WireBatch rdf = ParseWire(R"(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
      xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
    <channel rdf:about="https://orf.at"><title>ORF</title><dc:language>de</dc:language></channel>
    <item rdf:about="https://orf.at/1"><title>Titel</title><link>https://orf.at/1</link>
      <dc:date>2017-01-23T21:54:55+01:00</dc:date><dc:subject>Ausland</dc:subject></item>
    </rdf:RDF>)");
  EXPECT_EQ(rdf.format, WireFormat::kRss1);
  const news::WireItem item = OnlyItem(rdf);
  EXPECT_EQ(item.guid, "https://orf.at/1");
  EXPECT_EQ(item.language, "de");
  EXPECT_EQ(item.keywords, std::vector<std::string>{"Ausland"});
  EXPECT_EQ(news::FormatIso8601(*item.version_created), "2017-01-23T20:54:55Z");

  const WireBatch atom = ParseWire(R"(<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
    <title>heise</title><entry><id>http://heise.de/-1</id><title type="html">A &amp;lt;b&amp;gt;</title>
      <link rel="alternate" href="http://heise.de/1"/><published>2016-02-01T17:54:50+01:00</published>
      <updated>2016-02-02T17:54:50+01:00</updated><author><name>Ann</name></author>
      <summary>Short</summary><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">
      <p>One</p><p>Two</p></div></content><category term="java"/></entry></feed>)");
  EXPECT_EQ(atom.format, WireFormat::kAtom);
  const news::WireItem entry = OnlyItem(atom);
  EXPECT_EQ(entry.guid, "http://heise.de/-1");
  EXPECT_EQ(entry.headline, "A <b>");
  EXPECT_EQ(entry.link, "http://heise.de/1");
  EXPECT_EQ(entry.byline, "Ann");
  EXPECT_EQ(entry.standfirst, "Short");
  EXPECT_EQ(entry.body, (std::vector<std::string>{"One", "Two"}));
  EXPECT_EQ(entry.language, "de");
  EXPECT_EQ(news::FormatIso8601(*entry.first_created), "2016-02-01T16:54:50Z");
  EXPECT_EQ(news::FormatIso8601(*entry.version_created), "2016-02-02T16:54:50Z");
}

TEST(FeedParserTest, EmptyFeedIsAnEmptyBatch) {
  const WireBatch batch = ParseWire("<rss version=\"2.0\"><channel><title>t</title></channel></rss>");
  EXPECT_TRUE(batch.items.empty());
  EXPECT_TRUE(batch.skipped.empty());
}

TEST(DetectFormatTest, FromRootElementOrJsonShape) {
  const struct {
    std::string_view bytes;
    std::optional<WireFormat> format;
  } cases[] = {
      {"\xEF\xBB\xBF<?xml version=\"1.0\"?><!-- c --><newsItem/>", WireFormat::kNewsMlG2},
      {"<ns0:newsMessage xmlns:ns0=\"http://iptc.org/std/nar/2006-10-01/\"/>", WireFormat::kNewsMlG2},
      {"<!DOCTYPE nitf SYSTEM \"nitf.dtd\"><nitf/>", WireFormat::kNitf},
      {"<NewsML Version=\"1.2\"/>", WireFormat::kNewsMl1},
      {"<rss version=\"2.0\"/>", WireFormat::kRss2},
      {"<rdf:RDF/>", WireFormat::kRss1},
      {"<feed xmlns=\"http://www.w3.org/2005/Atom\"/>", WireFormat::kAtom},
      {"  {\"uri\": \"x\"}", WireFormat::kNinjs},
      {"[{\"uri\": \"x\"}]", WireFormat::kNinjs},
      {"{\"$schema\": \"x\", \"uri\": 1}", std::nullopt},
      {"<html/>", std::nullopt},
      {"plain text", std::nullopt},
      {"", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(DetectFormat(c.bytes), c.format) << c.bytes;
}

}  // namespace
}  // namespace gazette::ingest
