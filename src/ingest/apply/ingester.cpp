#include "ingest/apply/ingester.hpp"

#include "ingest/apply/wire_mapping.hpp"
#include "ingest/wire_parser.hpp"
#include "news/error.hpp"

namespace gazette::ingest {

Ingester::Ingester(store::WireStore& store, IngestSettings settings, news::Announce announce, Clock clock)
    : store_(store),
      settings_(std::move(settings)),
      announce_(std::move(announce)),
      clock_(clock ? std::move(clock) : [] {
        return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
      }) {}

FileReport Ingester::Ingest(const SourceSettings& source, std::string_view bytes) const {
  ParserSettings parser;
  parser.max_bytes = settings_.max_bytes;
  const auto batch = ParseWire(bytes, parser);

  FileReport report;
  report.format = batch.format;
  for (const auto& skipped : batch.skipped) {
    report.items.push_back({.guid = skipped.guid, .reason = skipped.reason});
    ++report.refused;
  }
  const auto now = clock_();
  for (const auto& item : batch.items) {
    ItemReport line{.guid = item.guid, .version = item.version};
    auto mapped = MapWireItem(item, settings_, source, now);
    if (auto* rejection = std::get_if<Rejection>(&mapped)) {
      line.reason = rejection->reason;
      report.items.push_back(std::move(line));
      ++report.refused;
      continue;
    }
    store::WireApplyResult result;
    try {
      result = store_.Apply(std::get<store::WireApply>(mapped));
    } catch (const Error& e) {
      // A draft the store refuses (an invalid section name in the configuration, a slug
      // conflict) is the item's problem; anything else is the store's, and the file is retried.
      if (e.kind() != ErrorKind::kInvalid && e.kind() != ErrorKind::kConflict) throw;
      line.reason = e.what();
      report.items.push_back(std::move(line));
      ++report.refused;
      continue;
    }
    line.outcome = result.outcome;
    line.article_id = result.article_id;
    if (result.article_id) {
      line.status = std::string(news::StatusName(result.status));
      if (result.status == news::ArticleStatus::kPublished)
        line.path = news::ArticlePath(result.language, result.section_slug, result.slug);
    }
    if (result.outcome == store::WireOutcome::kStale) {
      ++report.stale;
    } else {
      ++report.applied;
      if (announce_ && !result.cache_tags.empty()) announce_(result.cache_tags);
    }
    report.items.push_back(std::move(line));
  }
  if (report.applied == 0 && report.stale == 0 && report.refused > 0) {
    const auto& first = report.items.front();
    throw Unusable(ParseProblem::kNotAStory, first.reason);
  }
  return report;
}

}  // namespace gazette::ingest
