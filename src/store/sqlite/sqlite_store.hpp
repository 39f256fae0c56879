#pragma once
// The embedded default: every store on one SQLite file (WAL, foreign keys, migrations at open).
#include <filesystem>
#include <functional>
#include <memory>

#include "news/article.hpp"
#include "store/store.hpp"

namespace gazette::store::sqlite {

struct SqliteSettings {
  std::filesystem::path path = "gazette.db";
  int max_readers = 8;  // Each reader is an open file and a page cache; more than the threads is waste.
  std::function<news::TimePoint()> clock;  // Defaults to the system clock; tests move time.
};

// Opens or creates the database and applies pending migrations. Throws Error kUnavailable
// naming the file when it cannot be opened, kInternal when a migration fails.
std::unique_ptr<Store> OpenSqliteStore(const SqliteSettings& settings);

}  // namespace gazette::store::sqlite
