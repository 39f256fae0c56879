// `gazette user add --role ROLE NAME`: creates a newsroom account (docs/newsroom.md). The
// password comes from --password-file or stdin, never from the command line, where it would
// stay in the shell history and in `ps`.
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/commands.hpp"
#include "app/open_store.hpp"
#include "news/error.hpp"
#include "newsroom/accounts.hpp"

namespace gazette::app {
namespace {

std::string ReadPassword(const UserCommand& command) {
  std::string password;
  if (!command.password_file.empty()) {
    std::ifstream file(command.password_file);
    if (!file) throw Error(ErrorKind::kNotFound, command.password_file + ": cannot read the password file");
    std::getline(file, password);
  } else {
    std::getline(std::cin, password);
  }
  while (!password.empty() && (password.back() == '\r' || password.back() == '\n')) password.pop_back();
  return password;
}

}  // namespace

int User(const Config& config, const UserCommand& command) {
  const auto role = newsroom::ParseRole(command.role);
  if (!role) throw Error(ErrorKind::kInvalid, "--role: must be admin, editor, reporter or moderator");
  auto store = OpenStore(config.database);
  newsroom::Accounts accounts(store->Users(), store->Audit(), config.newsroom, {});
  const auto id = accounts.AddUser(command.name, *role, ReadPassword(command));
  store->Audit().Record({.at = accounts.Now(), .user_id = std::nullopt, .user_name = "(command line)",
                         .action = "user.add", .target = "user:" + std::to_string(id),
                         .detail = command.name + " as " + command.role});
  std::cout << "added " << command.role << " " << command.name << " (user " << id << ")" << std::endl;
  return 0;
}

}  // namespace gazette::app
