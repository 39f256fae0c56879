#pragma once
// SaudiNewsNet (Alhagri 2015): YYYY-MM-DD.json files, each an array of {source, url,
// date_extracted, title, author, content}. Mapping: docs/data-loading.md.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "importer/data_set.hpp"

namespace gazette::importer {

// Reads the files in the order given; slugs are made unique across all of them, in that order.
// Records with an empty title or content, a missing field or a bad date are reported and
// skipped; a URL seen before counts as a duplicate. path names the set in the report.
DataSet ReadSaudiNewsNet(const std::vector<std::filesystem::path>& files, std::string path);

// The outlet's Arabic name for a source id ("okaz" -> "عكاظ"); unknown ids are returned as
// they are.
std::string SaudiOutletName(std::string_view source_id);

}  // namespace gazette::importer
