#pragma once
// Which data set a path holds, judged by its shape: see docs/data-loading.md.
#include <filesystem>
#include <optional>
#include <vector>

namespace gazette::importer {

enum class DataSetKind { kGazetteJson, kBbcNews, kSaudiNewsNet };

struct DetectedDataSet {
  DataSetKind kind = DataSetKind::kGazetteJson;
  // Gazette JSON: the file. BBC: the folder holding the category folders. SaudiNewsNet: what
  // was given, a file or a folder.
  std::filesystem::path root;
  std::vector<std::filesystem::path> files;  // SaudiNewsNet: the day files, sorted by name.
};

// Reads at most the first 64 KiB of JSON files. Returns nothing for a path that is none of
// the known kinds or does not exist. Throws std::filesystem::filesystem_error when a folder
// cannot be listed.
std::optional<DetectedDataSet> DetectDataSet(const std::filesystem::path& path);

}  // namespace gazette::importer
