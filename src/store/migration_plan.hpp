#pragma once
// Which schema migrations a database still needs: shared by both stores' migration runners.
#include <map>
#include <set>
#include <string_view>
#include <vector>

namespace gazette::store {

struct Migration {
  int version = 0;
  std::string_view name;  // "001_initial.sql"
  std::string_view sql;
};

// The migrations of `available` (file name -> SQL) whose version is not in `recorded`, in
// version order: also one numbered below the newest recorded, so that two branches which each
// added a migration do not skip each other's. Throws Error kConflict when `recorded` holds a
// version that `available` lacks (the database belongs to a newer Gazette) and kInternal when a
// file is not named NNN_name.sql.
std::vector<Migration> PendingMigrations(const std::map<std::string_view, std::string_view>& available,
                                         const std::set<int>& recorded);

}  // namespace gazette::store
