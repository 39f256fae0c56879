#pragma once
// A SQLite file seen as plain tables, for `gazette migrate` (store/transfer.hpp).
#include <filesystem>
#include <memory>

#include "store/transfer.hpp"

namespace gazette::store::sqlite {

// Opens an existing database file (already migrated: open it as a store first). Throws Error
// kUnavailable naming the path when it cannot be opened.
std::unique_ptr<SiteTables> OpenSqliteTables(const std::filesystem::path& path);

}  // namespace gazette::store::sqlite
