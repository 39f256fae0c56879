#include "app/open_store.hpp"

#include <fmt/format.h>

#include "news/error.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace gazette::app {

std::unique_ptr<store::Store> OpenStore(const std::string& database) {
  if (database.starts_with("postgresql://") || database.starts_with("postgres://"))
    throw Error(ErrorKind::kInvalid,
                fmt::format("database {}: PostgreSQL is not supported by this build yet; use a file path", database));
  const std::filesystem::path path(database);
  if (path.has_parent_path() && !std::filesystem::exists(path.parent_path()))
    std::filesystem::create_directories(path.parent_path());
  return store::sqlite::OpenSqliteStore({.path = path});
}

}  // namespace gazette::app
