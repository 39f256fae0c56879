#pragma once
// Sections and tags: how each edition is classified.
#include <optional>
#include <string_view>
#include <vector>

#include "news/article.hpp"

namespace gazette::store {

// Thread-safe.
class CatalogStore {
 public:
  virtual ~CatalogStore() = default;
  // Returns nothing when the edition has no section with this slug.
  virtual std::optional<news::Section> FindSection(news::Language language,
                                                   std::string_view slug) = 0;
  // Sections that hold at least one published article, by name.
  virtual std::vector<news::Section> ListSections(news::Language language) = 0;
  // Returns nothing when the edition has no tag with this slug.
  virtual std::optional<news::Tag> FindTag(news::Language language, std::string_view slug) = 0;
};

}  // namespace gazette::store
