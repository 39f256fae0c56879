// Wire ingest speed (issue 4, "Speed"): parse + map + apply to a SQLite store in a temporary
// directory, per format, with items made from the real samples in ../shared/data (each copy's
// GUIDs made distinct). A plain timed loop on one thread. Usage:
//   ingest_bench [SHARED_DIR] [ITEMS_PER_FORMAT]   (defaults: ../shared, 5000)
#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <thread>

#include "ingest/apply/ingester.hpp"
#include "ingest/wire_parser.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace fs = std::filesystem;
using namespace gazette;

namespace {

std::string Read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size()) text.replace(at, from.size(), to);
  return text;
}

std::string CpuModel() {
  std::ifstream in("/proc/cpuinfo");
  for (std::string line; std::getline(in, line);)
    if (line.starts_with("model name")) return line.substr(line.find(':') + 2);
  return "unknown";
}

// The sample of each format with the most usable items (in English, so every item maps).
std::map<news::WireFormat, std::pair<fs::path, std::string>> PickSamples(const fs::path& shared) {
  std::map<news::WireFormat, std::pair<fs::path, std::string>> picked;
  std::map<news::WireFormat, std::size_t> best;
  for (const auto& dir : {shared / "data" / "iptc-samples", shared / "data" / "feeds"}) {
    if (!fs::exists(dir)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      if (!entry.is_regular_file() || entry.path().string().find("schema") != std::string::npos) continue;
      const auto bytes = Read(entry.path());
      try {
        const auto batch = ingest::ParseWire(bytes);
        std::size_t usable = 0;
        for (const auto& item : batch.items)
          if ((item.language.empty() || item.language.starts_with("en")) && item.status == news::WireStatus::kUsable) ++usable;
        if (usable != batch.items.size() || usable == 0) continue;
        // Prefer real body text: the size of the file among those of one format.
        const auto score = usable * 1000000 + bytes.size();
        if (score > best[batch.format]) {
          best[batch.format] = score;
          picked[batch.format] = {entry.path(), bytes};
        }
      } catch (const std::exception&) {
      }
    }
  }
  return picked;
}

}  // namespace

int main(int argc, char** argv) {
  const fs::path shared = argc > 1 ? argv[1] : "../shared";
  const int target = argc > 2 ? std::stoi(argv[2]) : 5000;
  spdlog::set_level(spdlog::level::warn);
  const auto samples = PickSamples(shared);
  if (samples.empty()) {
    std::cerr << "no samples under " << shared << "/data\n";
    return 1;
  }
  std::cout << fmt::format("machine: {} cores (nproc), {}; one ingest thread\n", std::thread::hardware_concurrency(), CpuModel());
  std::cout << fmt::format("{:<10} {:>7} {:>9} {:>12} {:>12}  sample\n", "format", "items", "seconds", "items/s", "parse-only/s");

  for (const auto& [format, sample] : samples) {
    const auto& [path, bytes] = sample;
    const auto first = ingest::ParseWire(bytes);
    const int per_copy = static_cast<int>(first.items.size());
    const int copies = std::max(1, target / per_copy);
    // Distinct items per copy: each copy comes from a source of its own whose provider table
    // renames the provider ("AP" -> "AP-17"), so (provider, GUID) differs even where the GUID is
    // built from several fields; headlines get the copy's number, so slugs differ as on a real
    // wire (same-headline items each probe the taken slugs: not what is measured here).
    ingest::IngestSettings settings;
    std::vector<std::string> files;
    files.reserve(copies);
    for (int i = 0; i < copies; ++i) {
      std::string copy = bytes;
      for (const auto& item : first.items) {
        copy = ReplaceAll(copy, item.guid, fmt::format("{}-b{}", item.guid, i));
        copy = ReplaceAll(copy, item.headline, fmt::format("{} {}", item.headline, i));
      }
      files.push_back(std::move(copy));
      ingest::SourceSettings source{.name = fmt::format("bench-{}", i), .section = "World"};
      for (const auto& item : first.items) source.providers[item.provider] = fmt::format("{}-{}", item.provider, i);
      settings.sources.push_back(std::move(source));
    }

    const auto dir = fs::temp_directory_path() / fmt::format("gazette-ingest-bench-{}-{}", ::getpid(), news::WireFormatName(format));
    fs::remove_all(dir);
    fs::create_directories(dir);
    {
      auto store = store::sqlite::OpenSqliteStore({.path = dir / "bench.db"});
      const ingest::Ingester ingester(store->Wire(), settings, {});

      const auto parse_start = std::chrono::steady_clock::now();
      std::size_t parsed = 0;
      for (const auto& file : files) parsed += ingest::ParseWire(file).items.size();
      const double parse_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - parse_start).count();

      const auto start = std::chrono::steady_clock::now();
      long long applied = 0;
      for (std::size_t i = 0; i < files.size(); ++i) applied += ingester.Ingest(ingester.settings().sources[i], files[i]).applied;
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::cout << fmt::format("{:<10} {:>7} {:>9.3f} {:>12.0f} {:>12.0f}  {}\n", news::WireFormatName(format), applied,
                               seconds, applied / seconds, parsed / parse_seconds, path.filename().string());
    }
    fs::remove_all(dir);
  }
  return 0;
}
