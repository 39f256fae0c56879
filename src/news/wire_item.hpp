#pragma once
// One story as an agency or a feed sent it, before it becomes an article. Plain values, no I/O.
// Formats and field mapping: docs/wire-formats.md.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "news/article.hpp"

namespace gazette::news {

// The format a wire item arrived in.
enum class WireFormat { kNewsMlG2, kNinjs, kNitf, kNewsMl1, kRss2, kRss1, kAtom };
// "newsml-g2", "ninjs", "nitf", "newsml-1", "rss-2.0", "rss-1.0", "atom".
std::string_view WireFormatName(WireFormat format);

// What the sender says may be done with the item (IPTC pubStatus).
enum class WireStatus { kUsable, kWithheld, kCancelled };
// "usable", "withheld", "cancelled".
std::string_view WireStatusName(WireStatus status);

// A subject from the sender's vocabulary: code "medtop:04000000" (qcode, URI or NITF refnum),
// name "economy, business and finance". Either may be empty, never both.
struct WireSubject {
  std::string code;
  std::string name;
  friend bool operator==(const WireSubject&, const WireSubject&) = default;
};

// Items are identified by (provider, guid); a larger version supersedes a smaller one.
// Every string is valid UTF-8, trimmed, without control characters.
struct WireItem {
  WireFormat format = WireFormat::kNewsMlG2;
  std::string provider;  // "AFP", "TT", "nprov:REUTERS" stripped to "REUTERS"; feed title.
  std::string guid;      // Never empty.
  std::int64_t version = 1;  // From the format's version field; 1 when it has none (feeds).
  std::string language;  // BCP 47 tag as sent, lower case ("en-gb", "sv"); empty when unknown.
  std::string headline;  // Never empty.
  std::string standfirst;
  std::string byline;
  std::string dateline;
  std::vector<std::string> body;  // Paragraphs of plain text (headings and list items too).
  std::vector<WireSubject> subjects;
  std::vector<std::string> keywords;
  std::optional<TimePoint> first_created;
  std::optional<TimePoint> version_created;
  std::optional<TimePoint> embargoed_until;  // Not to be published before this time.
  WireStatus status = WireStatus::kUsable;
  std::string link;  // The item's web page (feeds, ninjs); empty when none.
  // True when double-encoded UTF-8 ("Ã©" for "é") was found in the text and repaired.
  bool repaired_encoding = false;
};

}  // namespace gazette::news
