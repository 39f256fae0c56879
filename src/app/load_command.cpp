#include <unistd.h>

#include <iostream>

#include "app/commands.hpp"
#include "app/open_store.hpp"
#include "importer/loader.hpp"

namespace gazette::app {

int Load(const Config& config, const std::vector<std::filesystem::path>& paths) {
  auto store = OpenStore(config.database);
  importer::ProgressSink progress(std::cerr, importer::ProgressStyleFor(STDERR_FILENO));
  const auto report = importer::LoadPaths(paths, store->Articles(), store->Settings(), progress);
  std::cout << importer::FormatSummary(report);
  // Bad records are reported and skipped or repaired; only a path that could not be read at
  // all makes the load fail.
  return report.failed_paths == 0 ? 0 : 1;
}

}  // namespace gazette::app
