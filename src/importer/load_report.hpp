#pragma once
// What `gazette load` did: counts per data set and every record it skipped or repaired.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace gazette::importer {

enum class ProblemAction {
  kRepaired,  // Loaded after a fix (invalid UTF-8 read as Latin-1, a slug made unique).
  kSkipped,   // Not loaded; the rest of the file still loads.
  kFailed,    // A whole path or file could not be read or recognised.
};

// One bad record. Record numbers count from 1: the position in a JSON array, or for a folder
// with one file per story (BBC) the file's position in the data set; 0 means the whole file.
struct LoadProblem {
  std::string file;
  std::size_t record = 0;
  std::optional<std::size_t> byte_offset;  // In the file, where the trouble starts.
  ProblemAction action = ProblemAction::kSkipped;
  std::string what;  // "empty title", "invalid UTF-8, read as Latin-1".
};

struct DataSetReport {
  std::string name;  // "BBC News", "SaudiNewsNet", "Gazette JSON".
  std::string path;
  std::size_t records = 0;     // Records read, good and bad.
  std::size_t created = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;
  std::size_t duplicates = 0;  // Identical to an earlier record of the set; loaded once.
  std::size_t skipped = 0;
  std::size_t repaired = 0;
  std::size_t settings_changed = 0;
};

struct LoadReport {
  std::vector<DataSetReport> data_sets;
  std::vector<LoadProblem> problems;  // In the order found.
  std::size_t failed_paths = 0;       // Paths not recognised or not readable at all.
};

// The sums over every data set; name and path are empty.
DataSetReport Totals(const LoadReport& report);

// "2225 records: 2127 created, 0 updated, 0 unchanged, 98 duplicates, 1 repaired".
std::string FormatCounts(const DataSetReport& report);

// "bbc/sport/199.txt: record 1512, byte 257: invalid UTF-8, read as Latin-1 (repaired)".
std::string FormatProblem(const LoadProblem& problem);

// A few lines for people: one per data set, the totals, then the problems (at most
// max_problems of them, with a count of the rest). Ends with a newline.
std::string FormatSummary(const LoadReport& report, std::size_t max_problems = 50);

}  // namespace gazette::importer
