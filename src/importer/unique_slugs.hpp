#pragma once
// Article slugs for a data set: unique per edition, assigned in file order.
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "news/language.hpp"

namespace gazette::importer {

// The slug of a headline; for a headline with no letters or digits, "story-" and 12 hex digits
// of a hash of fallback_key, so the slug is still stable from run to run.
std::string BaseSlug(std::string_view headline, std::string_view fallback_key);

// Not thread-safe.
class UniqueSlugs {
 public:
  // The first claim of a slug in an edition gets it as it is; later claims get "-2", "-3", ...
  // (the first of those still free).
  std::string Claim(news::Language language, std::string_view slug);

 private:
  std::set<std::pair<news::Language, std::string>, std::less<>> used_;
};

}  // namespace gazette::importer
