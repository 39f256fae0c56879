#pragma once
// Shows a running load: a live bar on a terminal, plain lines in a log or pipe.
#include <chrono>
#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>

#include "importer/load_report.hpp"

namespace gazette::importer {

enum class ProgressStyle {
  kBar,     // One line redrawn with '\r'; problems print above it.
  kLines,   // A line every line_every records, one per problem and one per data set.
  kSilent,  // Nothing: tests, and callers that print only the summary.
};

// kBar when the file descriptor is a terminal, else kLines.
ProgressStyle ProgressStyleFor(int file_descriptor);

// Not thread-safe: one load reports to one sink. The stream must outlive the sink.
class ProgressSink {
 public:
  explicit ProgressSink(std::ostream& out, ProgressStyle style = ProgressStyle::kLines,
                        std::size_t line_every = 500);

  // Before a path is read: starts the clock for the data set it holds.
  void Reading(std::string_view path);
  // stories: how many the data set will save, for the bar's length.
  void BeginDataSet(std::string_view name, std::string_view path, std::size_t stories);
  // done: records of the current data set handled so far.
  void Advance(std::size_t done);
  void Problem(const LoadProblem& problem);
  void EndDataSet(const DataSetReport& report);

 private:
  void DrawBar();
  void ClearBar();

  std::ostream& out_;
  ProgressStyle style_;
  std::size_t line_every_;
  std::string name_;
  std::size_t total_ = 0;
  std::size_t done_ = 0;
  std::size_t last_line_ = 0;
  bool bar_shown_ = false;
  std::chrono::steady_clock::time_point started_;
};

}  // namespace gazette::importer
