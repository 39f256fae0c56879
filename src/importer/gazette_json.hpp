#pragma once
// Gazette's own story files: the seed article's shape, one object or an array of them.
// Fields and rules: docs/data-loading.md.
#include <filesystem>

#include "importer/data_set.hpp"

namespace gazette::importer {

// Reads every story of the file, and each story's "related" headlines as stories of their own
// (same edition and section, no body). site.footer_lines becomes the "site.footer_lines"
// setting. Bad records are listed in the result's problems; a file that cannot be read gives
// a data set with one kFailed problem.
DataSet ReadGazetteJson(const std::filesystem::path& file);

}  // namespace gazette::importer
