#pragma once
// A random name for this process, so that a change feed can tell its own changes from others'.
#include <string>
#include <string_view>
#include <vector>

namespace gazette::store {

// 16 random hex digits, different in every process (libsodium's randombytes).
std::string NewNodeId();

// Splits "a\nb" into {"a", "b"}, dropping empty lines; and the reverse.
std::vector<std::string> SplitTags(std::string_view joined);
std::string JoinTags(const std::vector<std::string>& tags);

}  // namespace gazette::store
