#pragma once
// The subcommands of the gazette binary. Each returns the process exit code.
#include <filesystem>
#include <vector>

#include "app/config.hpp"

namespace gazette::app {

// Opens the database, serves the site until SIGTERM/SIGINT, then shuts down gracefully.
int Serve(const Config& config);

// Imports data sets (see docs/data-loading.md) into the database, showing progress.
int Load(const Config& config, const std::vector<std::filesystem::path>& paths);

}  // namespace gazette::app
