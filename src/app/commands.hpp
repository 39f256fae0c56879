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

// `gazette migrate --to DATABASE`: copies the whole site from the configured database to an
// empty one (SQLite <-> PostgreSQL), then compares row counts and checksums table by table.
// Exit 1 on a mismatch; throws Error kConflict when the destination is not empty.
struct MigrateCommand {
  std::string to;
};
int Migrate(const Config& config, const MigrateCommand& command);

// `gazette user add --role ROLE NAME`: a newsroom account; the password is read from
// --password-file or the first line of stdin. Throws Error kConflict when the name is taken.
struct UserCommand {
  std::string action;  // "add"
  std::string role;
  std::string name;
  std::string password_file;
};
int User(const Config& config, const UserCommand& command);

}  // namespace gazette::app
