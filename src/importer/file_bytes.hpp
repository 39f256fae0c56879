#pragma once
// Whole data files into memory: the largest real one is 5.5 MB.
#include <cstdint>
#include <filesystem>
#include <string>

namespace gazette::importer {

// The file's bytes. Throws Error kNotFound when it does not exist, kUnavailable when it cannot
// be read, kInvalid when it is larger than max_bytes.
std::string ReadFileBytes(const std::filesystem::path& file, std::uintmax_t max_bytes = 256u << 20);

}  // namespace gazette::importer
