// Wire item names; docs/wire-formats.md.
#include "news/wire_item.hpp"

namespace gazette::news {

std::string_view WireFormatName(WireFormat format) {
  switch (format) {
    case WireFormat::kNewsMlG2: return "newsml-g2";
    case WireFormat::kNinjs: return "ninjs";
    case WireFormat::kNitf: return "nitf";
    case WireFormat::kNewsMl1: return "newsml-1";
    case WireFormat::kRss2: return "rss-2.0";
    case WireFormat::kRss1: return "rss-1.0";
    case WireFormat::kAtom: return "atom";
  }
  return "unknown";
}

std::string_view WireStatusName(WireStatus status) {
  switch (status) {
    case WireStatus::kUsable: return "usable";
    case WireStatus::kWithheld: return "withheld";
    case WireStatus::kCancelled: return "cancelled";
  }
  return "unknown";
}

}  // namespace gazette::news
