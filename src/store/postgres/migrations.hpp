#pragma once
// The PostgreSQL schema's versioned migrations (migrations/NNN_name.sql, baked into the
// binary) and the code that applies them at open. See docs/postgresql.md.
#include <map>
#include <string_view>

#include "store/postgres/connection.hpp"

namespace gazette::store::postgres {

// File name under migrations/ -> SQL, ordered by name (so by version number).
const std::map<std::string_view, std::string_view>& Migrations();

// Applies every migration not yet recorded in schema_migrations, all in one transaction that
// holds an advisory lock, so that nodes starting together apply each migration once (the
// others wait, then find nothing to do). Returns how many were applied. Throws Error kInternal
// naming the migration that failed (nothing is applied then), and kConflict when the database
// has a migration this binary does not know (a newer Gazette).
int ApplyMigrations(Connection& connection);

}  // namespace gazette::store::postgres
