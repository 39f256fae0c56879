#include <gtest/gtest.h>

#include <sstream>

#include "importer/load_report.hpp"
#include "importer/progress_sink.hpp"

namespace gazette::importer {
namespace {

TEST(ProgressSinkTest, WritesLinesBarsOrNothing) {
  LoadProblem problem{"bbc/sport/199.txt", 1512, 257, ProblemAction::kRepaired, "invalid UTF-8, read as Latin-1"};
  DataSetReport report{"BBC News", "/data/bbc", 1200, 1100, 0, 0, 98, 0, 1, 0};

  std::ostringstream lines;
  ProgressSink line_sink(lines, ProgressStyle::kLines, 500);
  line_sink.Reading("/data/bbc");
  line_sink.BeginDataSet("BBC News", "/data/bbc", 1100);
  line_sink.Problem(problem);
  for (std::size_t done : {400, 800, 1100}) line_sink.Advance(done);
  line_sink.EndDataSet(report);
  const std::string text = lines.str();
  EXPECT_TRUE(text.starts_with("reading /data/bbc\nBBC News: saving 1100 stories from /data/bbc\n")) << text;
  EXPECT_NE(text.find("warning: bbc/sport/199.txt: record 1512, byte 257: invalid UTF-8, read as Latin-1 (repaired)\n"),
            std::string::npos);
  EXPECT_EQ(text.find("BBC News: 400/1100"), std::string::npos);
  EXPECT_NE(text.find("BBC News: 800/1100\n"), std::string::npos);
  EXPECT_NE(text.find("BBC News: 1100/1100\n"), std::string::npos);
  EXPECT_NE(text.find("1100 created"), std::string::npos);
  EXPECT_EQ(text.find('\r'), std::string::npos);

  std::ostringstream bar;
  ProgressSink bar_sink(bar, ProgressStyle::kBar);
  bar_sink.Reading("/data/bbc");
  bar_sink.BeginDataSet("BBC News", "/data/bbc", 1100);
  bar_sink.Advance(550);
  bar_sink.Problem(problem);
  bar_sink.EndDataSet(report);
  EXPECT_NE(bar.str().find("\rBBC News [###############...............] 550/1100  50%"), std::string::npos);
  EXPECT_NE(bar.str().find("\r\033[Kwarning: bbc/sport/199.txt"), std::string::npos);
  EXPECT_NE(bar.str().find("1100/1100 100%\033[K\n"), std::string::npos);

  std::ostringstream silent;
  ProgressSink silent_sink(silent, ProgressStyle::kSilent);
  silent_sink.BeginDataSet("BBC News", "/data/bbc", 1);
  silent_sink.Problem(problem);
  silent_sink.EndDataSet(report);
  EXPECT_EQ(silent.str(), "");
}

TEST(FormatSummaryTest, ListsDataSetsTotalsAndProblems) {
  LoadReport report;
  report.data_sets.push_back({"BBC News", "/data/bbc", 2225, 2127, 0, 0, 98, 0, 1, 0});
  report.data_sets.push_back({"Gazette JSON", "/seed.json", 1, 0, 0, 6, 0, 0, 0, 1});
  report.problems.push_back({"/data/bbc/sport/199.txt", 1512, 257, ProblemAction::kRepaired, "invalid UTF-8"});
  report.problems.push_back({"/x", 0, std::nullopt, ProblemAction::kFailed, "no such file or folder"});
  report.failed_paths = 1;
  EXPECT_EQ(FormatSummary(report, 1),
            "BBC News (/data/bbc): 2225 records: 2127 created, 0 updated, 0 unchanged, 98 duplicates, 1 repaired\n"
            "Gazette JSON (/seed.json): 1 record: 0 created, 0 updated, 6 unchanged, 1 settings changed\n"
            "Total: 2226 records: 2127 created, 0 updated, 6 unchanged, 98 duplicates, 1 repaired, 1 settings changed\n"
            "1 path could not be loaded\n"
            "Problems (2):\n"
            "  /data/bbc/sport/199.txt: record 1512, byte 257: invalid UTF-8 (repaired)\n"
            "  ... and 1 more\n");
  EXPECT_EQ(FormatProblem(report.problems[1]), "/x: no such file or folder (failed)");
}

}  // namespace
}  // namespace gazette::importer
