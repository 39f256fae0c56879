#include "importer/load_report.hpp"

#include <fmt/format.h>

namespace gazette::importer {
namespace {

std::string_view ActionName(ProblemAction action) {
  switch (action) {
    case ProblemAction::kRepaired: return "repaired";
    case ProblemAction::kSkipped: return "skipped";
    case ProblemAction::kFailed: return "failed";
  }
  return "";
}

}  // namespace

std::string FormatCounts(const DataSetReport& r) {
  std::string text = fmt::format("{} record{}: {} created, {} updated, {} unchanged", r.records,
                                 r.records == 1 ? "" : "s", r.created, r.updated, r.unchanged);
  if (r.duplicates > 0) text += fmt::format(", {} duplicates", r.duplicates);
  if (r.skipped > 0) text += fmt::format(", {} skipped", r.skipped);
  if (r.repaired > 0) text += fmt::format(", {} repaired", r.repaired);
  if (r.settings_changed > 0) text += fmt::format(", {} settings changed", r.settings_changed);
  return text;
}

DataSetReport Totals(const LoadReport& report) {
  DataSetReport total;
  for (const auto& r : report.data_sets) {
    total.records += r.records;
    total.created += r.created;
    total.updated += r.updated;
    total.unchanged += r.unchanged;
    total.duplicates += r.duplicates;
    total.skipped += r.skipped;
    total.repaired += r.repaired;
    total.settings_changed += r.settings_changed;
  }
  return total;
}

std::string FormatProblem(const LoadProblem& problem) {
  std::string where = problem.file;
  if (problem.record > 0) where += fmt::format(": record {}", problem.record);
  if (problem.byte_offset) where += fmt::format("{} byte {}", problem.record > 0 ? "," : ":", *problem.byte_offset);
  return fmt::format("{}: {} ({})", where, problem.what, ActionName(problem.action));
}

std::string FormatSummary(const LoadReport& report, std::size_t max_problems) {
  std::string text;
  for (const auto& r : report.data_sets) text += fmt::format("{} ({}): {}\n", r.name, r.path, FormatCounts(r));
  text += fmt::format("Total: {}\n", FormatCounts(Totals(report)));
  if (report.failed_paths > 0)
    text += fmt::format("{} path{} could not be loaded\n", report.failed_paths, report.failed_paths == 1 ? "" : "s");
  if (report.problems.empty()) return text;
  text += fmt::format("Problems ({}):\n", report.problems.size());
  for (std::size_t i = 0; i < report.problems.size() && i < max_problems; ++i)
    text += "  " + FormatProblem(report.problems[i]) + "\n";
  if (report.problems.size() > max_problems)
    text += fmt::format("  ... and {} more\n", report.problems.size() - max_problems);
  return text;
}

}  // namespace gazette::importer
