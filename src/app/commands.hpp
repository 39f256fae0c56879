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

// `gazette comments ACTION [TARGETS]`: list (by --status), approve|reject|spam|delete IDs,
// open|close ARTICLE-PATHs. Exit 3 when a comment id names nothing.
struct CommentsCommand {
  std::string action;
  std::vector<std::string> targets;
  std::string status = "pending";
};
int Comments(const Config& config, const CommentsCommand& command);

}  // namespace gazette::app
