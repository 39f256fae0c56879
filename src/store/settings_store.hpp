#pragma once
// Site settings that editors may change while the site runs (site name, footer lines,
// timestamp format). Config gives the defaults; a stored value wins over them.
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace gazette::store {

// Thread-safe.
class SettingsStore {
 public:
  virtual ~SettingsStore() = default;
  virtual std::optional<std::string> Get(std::string_view key) = 0;
  virtual void Set(std::string_view key, std::string_view value) = 0;
  virtual std::map<std::string, std::string> All() = 0;
};

}  // namespace gazette::store
