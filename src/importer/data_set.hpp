#pragma once
// A data set read into memory: the drafts to save, with where each came from, and what was
// wrong with the records that did not make it. Readers build one; the loader saves it.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "importer/load_report.hpp"
#include "news/article.hpp"

namespace gazette::importer {

struct LoadEntry {
  news::ArticleDraft draft;
  std::string file;
  std::size_t record = 0;  // As in LoadProblem.
};

struct DataSet {
  std::string name;  // "BBC News".
  std::string path;  // What was loaded: the folder or file.
  std::size_t records = 0;
  std::vector<LoadEntry> entries;
  std::vector<LoadProblem> problems;
  std::size_t duplicates = 0;
  std::vector<std::pair<std::string, std::string>> settings;  // Site settings: key, value.
};

}  // namespace gazette::importer
