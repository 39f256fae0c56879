#pragma once
// A PostgreSQL database seen as plain tables, for `gazette migrate` (store/transfer.hpp).
#include <memory>
#include <string>

#include "store/transfer.hpp"

namespace gazette::store::postgres {

// Connects to an existing, migrated database (open it as a store first). Throws Error
// kUnavailable when the server cannot be reached.
std::unique_ptr<SiteTables> OpenPostgresTables(const std::string& url);

}  // namespace gazette::store::postgres
