#include "app/open_store.hpp"

#include "store/postgres/postgres_store.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace gazette::app {

std::unique_ptr<store::Store> OpenStore(const std::string& database) {
  if (database.starts_with("postgresql://") || database.starts_with("postgres://"))
    return store::postgres::OpenPostgresStore({.url = database});
  const std::filesystem::path path(database);
  if (path.has_parent_path() && !std::filesystem::exists(path.parent_path()))
    std::filesystem::create_directories(path.parent_path());
  return store::sqlite::OpenSqliteStore({.path = path});
}

}  // namespace gazette::app
