#include "store/migration_plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "news/error.hpp"

namespace gazette::store {
namespace {

int VersionOf(std::string_view name) {
  int version = 0;
  auto [ptr, ec] = std::from_chars(name.data(), name.data() + name.size(), version);
  if (ec != std::errc() || ptr == name.data() || ptr == name.data() + name.size() || *ptr != '_')
    throw Error(ErrorKind::kInternal, fmt::format("migration {} must be named NNN_name.sql", name));
  return version;
}

}  // namespace

std::vector<Migration> PendingMigrations(const std::map<std::string_view, std::string_view>& available,
                                         const std::set<int>& recorded) {
  std::vector<Migration> all;
  for (const auto& [name, sql] : available) all.push_back({VersionOf(name), name, sql});
  std::sort(all.begin(), all.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
  for (int version : recorded)
    if (std::none_of(all.begin(), all.end(), [&](const Migration& m) { return m.version == version; }))
      throw Error(ErrorKind::kConflict,
                  fmt::format("the database has schema migration {}, which this Gazette does not know: "
                              "run a newer Gazette", version));
  std::erase_if(all, [&](const Migration& m) { return recorded.contains(m.version); });
  return all;
}

}  // namespace gazette::store
