#pragma once
// [ingest] of the configuration (docs/ingest.md): read apart from config.cpp's sections because
// its sources are tables of their own.
#include <string>

#include <toml++/toml.h>

#include "ingest/ingest_settings.hpp"

namespace gazette::app {

// Reads [ingest], [ingest.providers], [ingest.subjects] and each [ingest.sources.NAME]. Relative
// folders are taken from the config file's directory. Throws Error kInvalid with
// "<file>: ingest.<key>: <what is wrong>".
void ReadIngest(const toml::table& table, const std::string& file, ingest::IngestSettings& settings);

}  // namespace gazette::app
