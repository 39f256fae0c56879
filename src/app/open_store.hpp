#pragma once
// Chooses and opens the store that the configured database names.
#include <memory>
#include <string>

#include "store/store.hpp"

namespace gazette::app {

// A postgresql:// (or postgres://) URL opens PostgreSQL; anything else is a SQLite file path,
// whose folder is created when absent.
// Throws Error naming the database when it cannot be opened.
std::unique_ptr<store::Store> OpenStore(const std::string& database);

}  // namespace gazette::app
