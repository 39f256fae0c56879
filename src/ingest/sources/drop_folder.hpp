#pragma once
// The drop folders of every source (docs/ingest.md, "Drop folders"): watched with inotify and
// scanned at start and every rescan interval. Each file is claimed by an atomic rename into
// processing/, then moved to processed/, or to quarantine/ with NAME.error beside it. A file is
// therefore always waiting, in processing/ (taken again at the next scan: a crash mid-ingest),
// or done; the version ledger makes taking it again harmless.
#include <atomic>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "ingest/apply/ingester.hpp"

namespace gazette::ingest {

// Writes NAME.error beside a quarantined file: the reason, the format (when known), the byte
// offset (when known), the source and the time. Written to a temporary name and renamed.
void WriteErrorFile(const std::filesystem::path& quarantined, std::string_view source, const ParseError& error,
                    std::string_view format);

// `destination_dir / name`, or "NAME.2", "NAME.3"... when that exists: nothing is overwritten.
std::filesystem::path FreeName(const std::filesystem::path& destination_dir, const std::string& name);

class DropFolders {
 public:
  // Makes each source's processing/, processed/ and quarantine/ folders. Throws Error
  // kUnavailable naming the folder when one cannot be made.
  explicit DropFolders(const Ingester& ingester);
  ~DropFolders();  // Stops.
  DropFolders(const DropFolders&) = delete;
  DropFolders& operator=(const DropFolders&) = delete;

  // Starts the watching thread: it first takes the files left in processing/, then those
  // waiting, then whatever arrives.
  void Start();
  void Stop();

  // One pass over every folder, on the calling thread (tests, `gazette ingest` later).
  void ScanAll();

  // Files moved to processed/ and quarantine/ since start.
  long long processed() const { return processed_; }
  long long quarantined() const { return quarantined_; }

 private:
  void Loop();
  void Scan(const SourceSettings& source);
  // Claims one waiting file (rename into processing/) and ingests it; false when another took it.
  bool Take(const SourceSettings& source, const std::string& name);
  void Process(const SourceSettings& source, const std::filesystem::path& claimed);

  const Ingester& ingester_;
  std::vector<const SourceSettings*> sources_;
  std::atomic<bool> stopping_ = false;
  int stop_fd_ = -1;  // eventfd: wakes the thread to stop.
  std::thread thread_;
  std::atomic<long long> processed_ = 0;
  std::atomic<long long> quarantined_ = 0;
};

}  // namespace gazette::ingest

namespace gazette::ingest {

// Keeps bytes that came without a file (a push, a feed) in the source's quarantine folder as
// "<stem>-<time>-<n>.<ext>" with its .error file; returns its path, or nothing when the source
// has no folder (the error is then only logged).
std::optional<std::filesystem::path> QuarantineBytes(const SourceSettings& source, std::string_view stem,
                                                     std::string_view bytes, const ParseError& error);

}  // namespace gazette::ingest
