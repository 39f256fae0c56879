#pragma once
// How ingest is configured ([ingest] in config/gazette.toml; docs/ingest.md): the sources, what
// each does with its items, and the tables that map agency vocabulary to the site's.
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "news/language.hpp"

namespace gazette::ingest {

// What happens to a source's usable items.
enum class Policy {
  kPublish,  // Published at once (or when an embargo ends).
  kHold,     // Saved as drafts for an editor.
};

// [ingest.sources.NAME]
struct SourceSettings {
  std::string name;  // NAME: the {source} of POST /api/ingest/{source}.
  // The drop folder; empty when the source has none. Its processing/, processed/ and
  // quarantine/ folders are made at start.
  std::filesystem::path folder;
  Policy policy = Policy::kPublish;
  std::string section = "World";  // The section name every item of the source is filed under.
  // The edition of items that do not give their language (many feeds).
  news::Language edition = news::Language::kEnglish;
  std::vector<std::string> feeds;  // http:// feed URLs polled every [ingest] poll_interval_ms.
  // Provider names as this source sends them -> the source line ("afp.com" -> "AFP"); checked
  // before [ingest.providers]. Keys are matched without regard to case.
  std::map<std::string, std::string> providers;
};

struct IngestSettings {
  // [ingest.providers]: provider -> source line, for every source. Keys lower case.
  std::map<std::string, std::string> providers;
  // [ingest.subjects]: subject code ("medtop:04000000", "subj:04000000") -> tag name. Subjects
  // not in the table become tags by their name when they have one.
  std::map<std::string, std::string> subjects;
  std::vector<SourceSettings> sources;
  std::size_t max_bytes = 4 << 20;  // Files and pushes over this are quarantined.
  std::chrono::milliseconds poll_interval{300000};  // Feed polling.
  // Drop folders are also scanned this often, in case a change went unnoticed (inotify overflow).
  std::chrono::milliseconds rescan_interval{30000};

  const SourceSettings* Find(std::string_view name) const {
    for (const auto& source : sources)
      if (source.name == name) return &source;
    return nullptr;
  }
};

}  // namespace gazette::ingest
