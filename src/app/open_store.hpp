#pragma once
// Chooses and opens the store that the configured database names.
#include <memory>
#include <string>

#include "store/store.hpp"

namespace gazette::app {

// A file path opens SQLite; a postgresql:// URL is refused until the PostgreSQL store exists.
// Throws Error naming the database when it cannot be opened.
std::unique_ptr<store::Store> OpenStore(const std::string& database);

}  // namespace gazette::app
