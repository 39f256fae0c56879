#include "ingest/sources/drop_folder.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <fstream>
#include <map>

#include "ingest/wire_parser.hpp"
#include "news/error.hpp"
#include "news/timestamp.hpp"

namespace gazette::ingest {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kProcessing = "processing";
constexpr std::string_view kProcessed = "processed";
constexpr std::string_view kQuarantine = "quarantine";

// Files being written are expected under a hidden or temporary name, then renamed in.
bool IsCandidate(const std::string& name) {
  return !name.empty() && name[0] != '.' && !name.ends_with(".tmp") && !name.ends_with(".part") &&
         !name.ends_with(".error");
}

std::string ReadAll(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(ErrorKind::kUnavailable, fmt::format("cannot read {}", path.string()));
  std::string bytes;
  in.seekg(0, std::ios::end);
  bytes.resize(static_cast<std::size_t>(in.tellg()));
  in.seekg(0);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return bytes;
}

news::TimePoint Now() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

}  // namespace

fs::path FreeName(const fs::path& destination_dir, const std::string& name) {
  fs::path target = destination_dir / name;
  for (int n = 2; fs::exists(target) || fs::exists(fs::path(target.string() + ".error")); ++n)
    target = destination_dir / fmt::format("{}.{}", name, n);
  return target;
}

void WriteErrorFile(const fs::path& quarantined, std::string_view source, const ParseError& error,
                    std::string_view format) {
  const auto error_path = fs::path(quarantined.string() + ".error");
  const auto temporary = fs::path(quarantined.parent_path() / ("." + quarantined.filename().string() + ".error.tmp"));
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << "reason: " << error.reason() << "\n"
        << "problem: " << ParseProblemName(error.problem()) << "\n"
        << "format: " << format << "\n"
        << "offset: " << (error.offset() ? std::to_string(*error.offset()) : std::string("none")) << "\n"
        << "source: " << source << "\n"
        << "file: " << quarantined.filename().string() << "\n"
        << "at: " << news::FormatIso8601(Now()) << "\n";
    if (!out) throw Error(ErrorKind::kUnavailable, fmt::format("cannot write {}", temporary.string()));
  }
  fs::rename(temporary, error_path);
}

DropFolders::DropFolders(const Ingester& ingester) : ingester_(ingester) {
  for (const auto& source : ingester_.settings().sources) {
    if (source.folder.empty()) continue;
    for (auto sub : {kProcessing, kProcessed, kQuarantine}) {
      std::error_code ec;
      fs::create_directories(source.folder / sub, ec);
      if (ec)
        throw Error(ErrorKind::kUnavailable, fmt::format("ingest source {}: cannot make {}: {}", source.name,
                                                         (source.folder / sub).string(), ec.message()));
    }
    sources_.push_back(&source);
  }
}

DropFolders::~DropFolders() {
  Stop();
  if (stop_fd_ >= 0) ::close(stop_fd_);
}

void DropFolders::Start() {
  if (sources_.empty() || thread_.joinable()) return;
  stop_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  thread_ = std::thread([this] { Loop(); });
}

void DropFolders::Stop() {
  stopping_ = true;
  if (stop_fd_ >= 0) {
    const std::uint64_t one = 1;
    [[maybe_unused]] auto written = ::write(stop_fd_, &one, sizeof one);
  }
  if (thread_.joinable()) thread_.join();
}

void DropFolders::ScanAll() {
  for (const auto* source : sources_) {
    if (stopping_) return;
    Scan(*source);
  }
}

void DropFolders::Scan(const SourceSettings& source) {
  try {
    // Files left in processing/ by a crash (or a store failure) first, then the waiting ones.
    std::vector<fs::path> leftovers;
    for (const auto& entry : fs::directory_iterator(source.folder / kProcessing))
      if (entry.is_regular_file() && IsCandidate(entry.path().filename().string())) leftovers.push_back(entry.path());
    std::sort(leftovers.begin(), leftovers.end());
    for (const auto& path : leftovers) {
      if (stopping_) return;
      spdlog::warn("ingest {}: taking {} again (left in processing/)", source.name, path.filename().string());
      Process(source, path);
    }
    std::vector<std::string> waiting;
    for (const auto& entry : fs::directory_iterator(source.folder))
      if (entry.is_regular_file() && IsCandidate(entry.path().filename().string()))
        waiting.push_back(entry.path().filename().string());
    std::sort(waiting.begin(), waiting.end());  // Oldest first when names carry a time.
    for (const auto& name : waiting) {
      if (stopping_) return;
      Take(source, name);
    }
  } catch (const std::exception& e) {
    spdlog::error("ingest {}: scanning {}: {}", source.name, source.folder.string(), e.what());
  }
}

bool DropFolders::Take(const SourceSettings& source, const std::string& name) {
  if (!IsCandidate(name)) return false;
  const auto claimed = FreeName(source.folder / kProcessing, name);
  std::error_code ec;
  fs::rename(source.folder / name, claimed, ec);
  if (ec) return false;  // Gone already (another taker) or not a file.
  Process(source, claimed);
  return true;
}

void DropFolders::Process(const SourceSettings& source, const fs::path& claimed) {
  const auto name = claimed.filename().string();
  std::string format = "unknown";
  try {
    try {
      std::error_code ec;
      const auto size = fs::file_size(claimed, ec);
      if (!ec && size > ingester_.settings().max_bytes)
        throw ParseError(ParseProblem::kTooLarge, fmt::format("the file has {} bytes, over the limit of {}", size,
                                                              ingester_.settings().max_bytes));
      const auto bytes = ReadAll(claimed);
      if (auto detected = DetectFormat(bytes)) format = news::WireFormatName(*detected);
      const auto report = ingester_.Ingest(source, bytes);
      const auto done = FreeName(source.folder / kProcessed, name);
      fs::rename(claimed, done);
      ++processed_;
      spdlog::info("ingest {}: {} ({}) processed: {} applied, {} unchanged, {} refused", source.name, name, format,
                   report.applied, report.stale, report.refused);
      for (const auto& item : report.items)
        if (!item.outcome) spdlog::warn("ingest {}: {}: item {} refused: {}", source.name, name, item.guid, item.reason);
    } catch (const ParseError& e) {
      const auto target = FreeName(source.folder / kQuarantine, name);
      WriteErrorFile(target, source.name, e, format);
      fs::rename(claimed, target);
      ++quarantined_;
      spdlog::error("ingest {}: {} quarantined ({}): {}", source.name, name, ParseProblemName(e.problem()), e.what());
    }
  } catch (const std::exception& e) {
    // The store or the disk failed, not the file: it stays in processing/ for the next scan.
    spdlog::error("ingest {}: {} left in processing/ to try again: {}", source.name, name, e.what());
  }
}

void DropFolders::Loop() {
  const int inotify = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (inotify < 0) spdlog::error("ingest: inotify unavailable ({}): folders are only rescanned", errno);
  std::map<int, const SourceSettings*> watches;
  for (const auto* source : sources_) {
    if (inotify < 0) break;
    const int wd = ::inotify_add_watch(inotify, source->folder.c_str(), IN_CLOSE_WRITE | IN_MOVED_TO);
    if (wd < 0) spdlog::error("ingest {}: cannot watch {} (errno {})", source->name, source->folder.string(), errno);
    else watches[wd] = source;
  }
  // Watch first, then scan: a file arriving in between is seen by one or the other.
  ScanAll();
  auto next_scan = std::chrono::steady_clock::now() + ingester_.settings().rescan_interval;
  alignas(inotify_event) char buffer[64 * 1024];
  while (!stopping_) {
    const auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next_scan - std::chrono::steady_clock::now());
    pollfd fds[2] = {{stop_fd_, POLLIN, 0}, {inotify, POLLIN, 0}};
    const int ready = ::poll(fds, inotify >= 0 ? 2 : 1, static_cast<int>(std::max<long long>(0, wait.count())));
    if (stopping_) break;
    if (ready > 0 && inotify >= 0 && (fds[1].revents & POLLIN)) {
      bool overflow = false;
      std::vector<std::pair<const SourceSettings*, std::string>> arrived;
      for (;;) {
        const auto length = ::read(inotify, buffer, sizeof buffer);
        if (length <= 0) break;
        for (char* at = buffer; at < buffer + length;) {
          const auto* event = reinterpret_cast<const inotify_event*>(at);
          at += sizeof(inotify_event) + event->len;
          if (event->mask & IN_Q_OVERFLOW) overflow = true;
          if (event->len == 0 || (event->mask & IN_ISDIR)) continue;
          if (auto it = watches.find(event->wd); it != watches.end()) arrived.emplace_back(it->second, event->name);
        }
      }
      for (const auto& [source, name] : arrived) {
        if (stopping_) break;
        Take(*source, name);
      }
      if (overflow) next_scan = std::chrono::steady_clock::now();
    }
    if (std::chrono::steady_clock::now() >= next_scan) {
      ScanAll();
      next_scan = std::chrono::steady_clock::now() + ingester_.settings().rescan_interval;
    }
  }
  if (inotify >= 0) ::close(inotify);
}

}  // namespace gazette::ingest

namespace gazette::ingest {

std::optional<std::filesystem::path> QuarantineBytes(const SourceSettings& source, std::string_view stem,
                                                     std::string_view bytes, const ParseError& error) {
  if (source.folder.empty()) return std::nullopt;
  static std::atomic<int> counter = 0;
  const auto detected = DetectFormat(bytes);
  const std::string format = detected ? std::string(news::WireFormatName(*detected)) : "unknown";
  const std::string ext = !detected ? "bin" : *detected == news::WireFormat::kNinjs ? "json" : "xml";
  const auto dir = source.folder / kQuarantine;
  std::filesystem::create_directories(dir);
  const auto target = FreeName(dir, fmt::format("{}-{}-{}.{}", stem, Now().time_since_epoch().count(), counter++, ext));
  const auto temporary = dir / ("." + target.filename().string() + ".tmp");
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw Error(ErrorKind::kUnavailable, fmt::format("cannot write {}", temporary.string()));
  }
  WriteErrorFile(target, source.name, error, format);
  std::filesystem::rename(temporary, target);
  return target;
}

}  // namespace gazette::ingest
