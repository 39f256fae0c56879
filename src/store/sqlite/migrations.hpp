#pragma once
// The schema's versioned SQL migrations (migrations/NNN_name.sql, baked into the binary) and
// the code that applies them at start.
#include <map>
#include <string_view>

#include "store/sqlite/connection.hpp"

namespace gazette::store::sqlite {

// File name under migrations/ -> SQL, ordered by name (so by version number).
const std::map<std::string_view, std::string_view>& Migrations();

// Applies, each in its own transaction, every migration not yet recorded in schema_migrations.
// Returns how many were applied. Throws Error kInternal naming the migration that failed, and
// kConflict when the database has a migration this binary does not know (a newer Gazette).
int ApplyMigrations(Connection& connection);

}  // namespace gazette::store::sqlite
