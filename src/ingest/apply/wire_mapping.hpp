#pragma once
// One wire item to the article it becomes (docs/ingest.md, "Mapping"): provider to source line,
// subjects and keywords to tags, language to edition, body paragraphs to Markdown, the source's
// section and policy, the embargo. Pure: no I/O.
#include <string>
#include <variant>

#include "ingest/ingest_settings.hpp"
#include "news/wire_item.hpp"
#include "store/wire_store.hpp"

namespace gazette::ingest {

// Why an item cannot become an article ("language 'sv' has no edition (en, ar)").
struct Rejection {
  std::string reason;
};

// The source line for a provider: the source's table, then [ingest.providers] (both without
// regard to case), else the provider as sent. "afp.com" and "AFP" both give "AFP" when the table
// says so.
std::string SourceLine(const IngestSettings& settings, const SourceSettings& source, std::string_view provider);

// The version to apply, or the reason the item is refused. `now` decides whether an embargo
// is still running: an embargoed item is saved as scheduled at the embargo's end (published
// by the scheduled-publishing job), whatever the policy says, unless the policy holds it.
std::variant<store::WireApply, Rejection> MapWireItem(const news::WireItem& item, const IngestSettings& settings,
                                                      const SourceSettings& source, news::TimePoint now);

}  // namespace gazette::ingest
