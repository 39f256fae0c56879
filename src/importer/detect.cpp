#include "importer/detect.hpp"

#include <algorithm>
#include <fstream>
#include <string>

#include "importer/json_records.hpp"

namespace gazette::importer {
namespace {

namespace fs = std::filesystem;

// The first records decide; a 5 MB day file need not be read twice.
constexpr std::size_t kPeekBytes = 64 << 10;

std::optional<DataSetKind> JsonKind(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::string head(kPeekBytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  for (const auto& record : ReadJsonRecords(head).records) {
    if (!record.object) continue;
    const auto& object = *record.object;
    if (object.contains("date_extracted") || (object.contains("url") && object.contains("content")))
      return DataSetKind::kSaudiNewsNet;
    if (object.contains("headline")) return DataSetKind::kGazetteJson;
    return std::nullopt;
  }
  return std::nullopt;
}

bool IsStoryFile(const fs::path& file) {
  const std::string name = file.filename().string();
  return name.size() > 4 && name.ends_with(".txt") &&
         std::all_of(name.begin(), name.end() - 4, [](char c) { return c >= '0' && c <= '9'; });
}

// A folder of category folders holding NNN.txt files.
bool IsBbcFolder(const fs::path& folder) {
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (!entry.is_directory()) continue;
    for (const auto& file : fs::directory_iterator(entry.path()))
      if (file.is_regular_file() && IsStoryFile(file.path())) return true;
  }
  return false;
}

std::vector<fs::path> SaudiFiles(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.is_regular_file() && entry.path().extension() == ".json" &&
        JsonKind(entry.path()) == DataSetKind::kSaudiNewsNet)
      files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace

std::optional<DetectedDataSet> DetectDataSet(const fs::path& path) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) {
    auto kind = JsonKind(path);
    if (!kind) return std::nullopt;
    DetectedDataSet found{*kind, path, {}};
    if (*kind == DataSetKind::kSaudiNewsNet) found.files.push_back(path);
    return found;
  }
  if (!fs::is_directory(path, ec)) return std::nullopt;
  if (fs::is_directory(path / "bbc", ec) && IsBbcFolder(path / "bbc"))
    return DetectedDataSet{DataSetKind::kBbcNews, path / "bbc", {}};
  if (IsBbcFolder(path)) return DetectedDataSet{DataSetKind::kBbcNews, path, {}};
  if (auto files = SaudiFiles(path); !files.empty())
    return DetectedDataSet{DataSetKind::kSaudiNewsNet, path, std::move(files)};
  return std::nullopt;
}

}  // namespace gazette::importer
