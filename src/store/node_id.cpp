#include "store/node_id.hpp"

#include <sodium.h>

#include <array>
#include <stdexcept>

namespace gazette::store {

std::string NewNodeId() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
  std::array<unsigned char, 8> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::array<char, 17> hex{};
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  return std::string(hex.data(), 16);
}

std::vector<std::string> SplitTags(std::string_view joined) {
  std::vector<std::string> tags;
  while (!joined.empty()) {
    const auto end = joined.find('\n');
    if (const auto tag = joined.substr(0, end); !tag.empty()) tags.emplace_back(tag);
    if (end == std::string_view::npos) break;
    joined.remove_prefix(end + 1);
  }
  return tags;
}

std::string JoinTags(const std::vector<std::string>& tags) {
  std::string joined;
  for (const auto& tag : tags) {
    if (!joined.empty()) joined += '\n';
    joined += tag;
  }
  return joined;
}

}  // namespace gazette::store
