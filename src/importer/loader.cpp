#include "importer/loader.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "importer/bbc_news.hpp"
#include "importer/data_set.hpp"
#include "importer/detect.hpp"
#include "importer/gazette_json.hpp"
#include "importer/saudi_news_net.hpp"
#include "news/error.hpp"

namespace gazette::importer {
namespace {

using store::SaveOutcome;

DataSet ReadDataSet(const DetectedDataSet& found) {
  switch (found.kind) {
    case DataSetKind::kGazetteJson: return ReadGazetteJson(found.root);
    case DataSetKind::kBbcNews: return ReadBbcNews(found.root);
    case DataSetKind::kSaudiNewsNet: return ReadSaudiNewsNet(found.files, found.root.string());
  }
  throw Error(ErrorKind::kInternal, "unknown data set kind");
}

// Errors that belong to one draft, not to the store as a whole.
bool IsDraftError(const Error& error) {
  return error.kind() == ErrorKind::kConflict || error.kind() == ErrorKind::kInvalid;
}

class DataSetSaver {
 public:
  DataSetSaver(store::ArticleStore& articles, const LoadSettings& settings, DataSetReport& report,
               LoadReport& load_report, ProgressSink& progress)
      : articles_(articles), settings_(settings), report_(report), load_report_(load_report), progress_(progress) {}

  void Save(std::vector<LoadEntry>& entries) {
    const std::size_t batch_size = std::max<std::size_t>(settings_.batch_size, 1);
    std::vector<news::ArticleDraft> drafts;
    for (std::size_t begin = 0; begin < entries.size(); begin += batch_size) {
      const std::size_t end = std::min(entries.size(), begin + batch_size);
      drafts.clear();
      for (std::size_t i = begin; i < end; ++i) drafts.push_back(entries[i].draft);
      try {
        for (const auto& result : articles_.SaveAll(drafts)) Count(result.outcome);
      } catch (const Error& error) {
        if (!IsDraftError(error)) throw;
        // The batch was rolled back as a whole; find the culprits one by one.
        for (std::size_t i = begin; i < end; ++i) SaveAlone(entries[i]);
      }
      progress_.Advance(end);
    }
  }

 private:
  void Count(SaveOutcome outcome) {
    switch (outcome) {
      case SaveOutcome::kCreated: ++report_.created; break;
      case SaveOutcome::kUpdated: ++report_.updated; break;
      case SaveOutcome::kUnchanged: ++report_.unchanged; break;
    }
  }

  void Report(const LoadEntry& entry, ProblemAction action, std::string what) {
    LoadProblem problem{entry.file, entry.record, std::nullopt, action, std::move(what)};
    if (action == ProblemAction::kSkipped) ++report_.skipped;
    if (action == ProblemAction::kRepaired) ++report_.repaired;
    progress_.Problem(problem);
    load_report_.problems.push_back(std::move(problem));
  }

  // A slug taken by an article from elsewhere (another data set, an editor) moves to the next
  // free suffix, the same one on every run.
  void SaveAlone(LoadEntry& entry) {
    const std::string wanted = entry.draft.slug;
    for (int attempt = 1;; ++attempt) {
      try {
        Count(articles_.Save(entry.draft).outcome);
        if (attempt > 1)
          Report(entry, ProblemAction::kRepaired,
                 fmt::format("slug '{}' belongs to another article; saved as '{}'", wanted, entry.draft.slug));
        return;
      } catch (const Error& error) {
        if (!IsDraftError(error)) throw;
        if (error.kind() == ErrorKind::kConflict && attempt < settings_.max_slug_tries) {
          entry.draft.slug = fmt::format("{}-{}", wanted, attempt + 1);
          continue;
        }
        Report(entry, ProblemAction::kSkipped, fmt::format("not saved: {}", error.what()));
        return;
      }
    }
  }

  store::ArticleStore& articles_;
  const LoadSettings& settings_;
  DataSetReport& report_;
  LoadReport& load_report_;
  ProgressSink& progress_;
};

void LoadDataSet(DataSet set, store::ArticleStore& articles, store::SettingsStore& settings,
                 ProgressSink& progress, const LoadSettings& load_settings, LoadReport& report) {
  DataSetReport counts;
  counts.name = set.name;
  counts.path = set.path;
  counts.records = set.records;
  counts.duplicates = set.duplicates;
  progress.BeginDataSet(set.name, set.path, set.entries.size());
  for (auto& problem : set.problems) {
    if (problem.action == ProblemAction::kSkipped) ++counts.skipped;
    if (problem.action == ProblemAction::kRepaired) ++counts.repaired;
    if (problem.action == ProblemAction::kFailed) ++report.failed_paths;
    progress.Problem(problem);
    report.problems.push_back(std::move(problem));
  }
  DataSetSaver(articles, load_settings, counts, report, progress).Save(set.entries);
  for (const auto& [key, value] : set.settings) {
    if (settings.Get(key) == value) continue;
    settings.Set(key, value);
    ++counts.settings_changed;
  }
  progress.EndDataSet(counts);
  report.data_sets.push_back(std::move(counts));
}

void ReportFailedPath(const std::filesystem::path& path, std::string what, ProgressSink& progress,
                      LoadReport& report) {
  LoadProblem problem{path.string(), 0, std::nullopt, ProblemAction::kFailed, std::move(what)};
  progress.Problem(problem);
  report.problems.push_back(std::move(problem));
  ++report.failed_paths;
}

}  // namespace

LoadReport LoadPaths(const std::vector<std::filesystem::path>& paths, store::ArticleStore& articles,
                     store::SettingsStore& settings, ProgressSink& progress, const LoadSettings& load_settings) {
  LoadReport report;
  for (const auto& path : paths) {
    DataSet set;
    progress.Reading(path.string());
    try {
      auto found = DetectDataSet(path);
      if (!found) {
        std::error_code ec;
        ReportFailedPath(path,
                         std::filesystem::exists(path, ec)
                             ? "not a Gazette JSON file, BBC News folder or SaudiNewsNet file or folder"
                             : "no such file or folder",
                         progress, report);
        continue;
      }
      set = ReadDataSet(*found);
    } catch (const std::exception& e) {
      ReportFailedPath(path, e.what(), progress, report);
      continue;
    }
    LoadDataSet(std::move(set), articles, settings, progress, load_settings, report);
  }
  return report;
}

}  // namespace gazette::importer
