#include "importer/file_bytes.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "news/error.hpp"

namespace gazette::importer {

std::string ReadFileBytes(const std::filesystem::path& file, std::uintmax_t max_bytes) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) {
    const auto kind = ec == std::errc::no_such_file_or_directory ? ErrorKind::kNotFound : ErrorKind::kUnavailable;
    throw Error(kind, fmt::format("cannot read {}: {}", file.string(), ec.message()));
  }
  if (size > max_bytes)
    throw Error(ErrorKind::kInvalid, fmt::format("{} is {} bytes, more than the {} a data file may have",
                                                 file.string(), size, max_bytes));
  std::ifstream in(file, std::ios::binary);
  if (!in.is_open())
    throw Error(ErrorKind::kUnavailable, fmt::format("cannot open {}: {}", file.string(), std::strerror(errno)));
  std::string bytes;
  bytes.reserve(size);
  bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad())
    throw Error(ErrorKind::kUnavailable, fmt::format("cannot read {}: {}", file.string(), std::strerror(errno)));
  return bytes;
}

}  // namespace gazette::importer
