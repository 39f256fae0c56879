#include "cache/change_bus.hpp"

#include <spdlog/spdlog.h>

namespace gazette::cache {

void ChangeBus::Publish(const std::vector<std::string>& tags) const {
  if (tags.empty()) return;
  for (const auto& listener : listeners_) {
    try {
      listener(tags);
    } catch (const std::exception& error) {
      spdlog::error("change listener failed for {} tags: {}", tags.size(), error.what());
    } catch (...) {
      spdlog::error("change listener failed for {} tags", tags.size());
    }
  }
}

}  // namespace gazette::cache
