#pragma once
// The BBC News data set (Greene & Cunningham 2006): bbc/<category>/NNN.txt, one story a file,
// headline on the first line. Mapping and dates: docs/data-loading.md.
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

#include "importer/data_set.hpp"
#include "news/article.hpp"

namespace gazette::importer {

// Reads every story under folder (the folder holding the category folders). Stories whose
// bytes repeat an earlier file are counted as duplicates and read once; invalid UTF-8 is read
// as Latin-1 and reported; unreadable or empty files are reported and skipped.
DataSet ReadBbcNews(const std::filesystem::path& folder);

// The data set has no dates. The index-th of count files of a category (in number order) is
// dated 2004-01-01 plus index * 730 / (count - 1) days, at the category's hour (UTC): spread
// evenly over 2004-2005, later numbers newer.
news::TimePoint BbcPublishedAt(std::string_view category, std::size_t index, std::size_t count);

// "business" -> "Business".
std::string BbcSectionName(std::string_view category);

}  // namespace gazette::importer
