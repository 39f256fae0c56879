// gazette: the news publishing server. Subcommands: serve, load.
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <iostream>

#include "app/commands.hpp"
#include "app/config.hpp"
#include "news/error.hpp"

extern char** environ;

namespace {

gazette::app::Environment ReadEnvironment() {
  gazette::app::Environment environment;
  for (char** entry = environ; *entry; ++entry) {
    std::string_view text(*entry);
    if (!text.starts_with("GAZETTE_")) continue;
    const auto equals = text.find('=');
    if (equals != std::string_view::npos)
      environment.emplace(std::string(text.substr(0, equals)), std::string(text.substr(equals + 1)));
  }
  return environment;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App cli{"Gazette: a news publishing server for bilingual (English and Arabic) news sites."};
  cli.require_subcommand(1);
  std::optional<std::filesystem::path> config_file;
  cli.add_option("-c,--config", config_file, "TOML config file (see config/gazette.toml)")
      ->envname("GAZETTE_CONFIG");
  cli.footer(
      "Environment: GAZETTE_CONFIG, GAZETTE_LISTEN (host:port), GAZETTE_DATABASE (a SQLite file path\n"
      "or a postgresql:// URL),"
      " GAZETTE_API_TOKEN (bearer token for /api/). They override the config file.");

  auto* serve = cli.add_subcommand("serve", "Serve the site until SIGTERM or SIGINT");
  serve->fallthrough();

  std::vector<std::filesystem::path> paths;
  auto* load = cli.add_subcommand(
      "load", "Import data sets: Gazette JSON files (the seed article, the demo sample), the BBC News "
              "folder, SaudiNewsNet JSON files or folders. Loading again creates no duplicates.");
  load->add_option("paths", paths, "Files or folders to import")->required()->check(CLI::ExistingPath);
  load->fallthrough();

  gazette::app::CommentsCommand comments_command;
  auto* comments = cli.add_subcommand("comments", "Moderate visitors' comments: list, approve, reject, spam, "
                                                  "delete (by id); open, close (by article path /en/section/slug)");
  comments->add_option("action", comments_command.action, "list|approve|reject|spam|delete|open|close")
      ->required()
      ->check(CLI::IsMember({"list", "approve", "reject", "spam", "delete", "open", "close"}));
  comments->add_option("targets", comments_command.targets, "Comment ids, or article paths for open/close");
  comments->add_option("--status", comments_command.status, "For list: pending (default), approved, rejected, spam, all");
  comments->fallthrough();

  gazette::app::MigrateCommand migrate_command;
  auto* migrate = cli.add_subcommand("migrate", "Copy the whole site to another, empty database (a SQLite file or "
                                                "a postgresql:// URL) and verify row counts and checksums");
  migrate->add_option("--to", migrate_command.to, "The destination database")->required();
  migrate->fallthrough();

  gazette::app::UserCommand user_command;
  auto* user = cli.add_subcommand("user", "Newsroom accounts: add --role admin|editor|reporter|moderator NAME "
                                          "(password from --password-file or stdin)");
  user->add_option("action", user_command.action, "add")->required()->check(CLI::IsMember({"add"}));
  user->add_option("name", user_command.name, "The sign-in name")->required();
  user->add_option("--role", user_command.role, "admin, editor, reporter or moderator")->required();
  user->add_option("--password-file", user_command.password_file, "A file whose first line is the password");
  user->fallthrough();

  CLI11_PARSE(cli, argc, argv);

  try {
    const auto config = gazette::app::LoadConfig(config_file, ReadEnvironment());
    if (*serve) return gazette::app::Serve(config);
    if (*load) return gazette::app::Load(config, paths);
    if (*comments) return gazette::app::Comments(config, comments_command);
    if (*user) return gazette::app::User(config, user_command);
    if (*migrate) return gazette::app::Migrate(config, migrate_command);
  } catch (const gazette::Error& e) {
    std::cerr << "gazette: " << e.what() << std::endl;
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "gazette: unexpected error: " << e.what() << std::endl;
    return 1;
  }
  return 0;
}
