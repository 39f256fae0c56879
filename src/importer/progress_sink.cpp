#include "importer/progress_sink.hpp"

#include <unistd.h>

#include <fmt/format.h>

namespace gazette::importer {
namespace {

constexpr std::size_t kBarWidth = 30;

}  // namespace

ProgressStyle ProgressStyleFor(int file_descriptor) {
  return isatty(file_descriptor) ? ProgressStyle::kBar : ProgressStyle::kLines;
}

ProgressSink::ProgressSink(std::ostream& out, ProgressStyle style, std::size_t line_every)
    : out_(out), style_(style), line_every_(line_every == 0 ? 1 : line_every) {}

void ProgressSink::Reading(std::string_view path) {
  started_ = std::chrono::steady_clock::now();
  if (style_ == ProgressStyle::kSilent) return;
  ClearBar();
  out_ << fmt::format("reading {}", path) << (style_ == ProgressStyle::kLines ? "\n" : "\033[K") << std::flush;
  bar_shown_ = style_ == ProgressStyle::kBar;
}

void ProgressSink::BeginDataSet(std::string_view name, std::string_view path, std::size_t stories) {
  name_ = name;
  total_ = stories;
  done_ = 0;
  last_line_ = 0;
  if (style_ == ProgressStyle::kSilent) return;
  if (style_ == ProgressStyle::kLines) {
    out_ << fmt::format("{}: saving {} stories from {}\n", name_, stories, path) << std::flush;
    return;
  }
  DrawBar();
}

void ProgressSink::Advance(std::size_t done) {
  done_ = done;
  if (style_ == ProgressStyle::kBar) {
    DrawBar();
  } else if (style_ == ProgressStyle::kLines && done_ / line_every_ > last_line_ / line_every_) {
    last_line_ = done_;
    out_ << fmt::format("{}: {}/{}\n", name_, done_, total_) << std::flush;
  }
}

void ProgressSink::Problem(const LoadProblem& problem) {
  if (style_ == ProgressStyle::kSilent) return;
  ClearBar();
  out_ << "warning: " << FormatProblem(problem) << '\n';
  if (style_ == ProgressStyle::kBar && !name_.empty()) DrawBar();
  out_ << std::flush;
}

void ProgressSink::EndDataSet(const DataSetReport& report) {
  if (style_ == ProgressStyle::kSilent) return;
  if (style_ == ProgressStyle::kBar) {
    done_ = total_;
    DrawBar();
    out_ << '\n';
    bar_shown_ = false;
  }
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started_;
  out_ << fmt::format("{}: done in {:.1f} s: {}\n", report.name, elapsed.count(), FormatCounts(report))
       << std::flush;
  name_.clear();
}

void ProgressSink::DrawBar() {
  const std::size_t filled = total_ == 0 ? kBarWidth : kBarWidth * done_ / total_;
  const std::size_t percent = total_ == 0 ? 100 : 100 * done_ / total_;
  // "\033[K" clears what a longer earlier line left behind.
  out_ << fmt::format("\r{} [{}{}] {}/{} {:3}%\033[K", name_, std::string(filled, '#'),
                      std::string(kBarWidth - filled, '.'), done_, total_, percent)
       << std::flush;
  bar_shown_ = true;
}

void ProgressSink::ClearBar() {
  if (!bar_shown_) return;
  out_ << "\r\033[K";
  bar_shown_ = false;
}

}  // namespace gazette::importer
