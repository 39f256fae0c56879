#include <unistd.h>

#include <iostream>

#include "app/commands.hpp"
#include "app/open_store.hpp"
#include "importer/loader.hpp"
#include "news/changes.hpp"

namespace gazette::app {

int Load(const Config& config, const std::vector<std::filesystem::path>& paths) {
  auto store = OpenStore(config.database);
  importer::ProgressSink progress(std::cerr, importer::ProgressStyleFor(STDERR_FILENO));
  const auto report = importer::LoadPaths(paths, store->Articles(), store->Settings(), progress);
  std::cout << importer::FormatSummary(report);
  // A running server on this database drops its cached pages: a load can touch any of them.
  const auto totals = importer::Totals(report);
  if (totals.created + totals.updated + totals.settings_changed > 0) store->Changes().Publish({std::string(news::kSiteCacheTag)});
  // Bad records are reported and skipped or repaired; only a path that could not be read at
  // all makes the load fail.
  return report.failed_paths == 0 ? 0 : 1;
}

}  // namespace gazette::app
