#pragma once
// Slugs: the URL-safe names of articles, sections and tags.
#include <string>
#include <string_view>

namespace gazette::news {

// Lower-cases Latin letters and keeps letters and digits of any script (Arabic slugs stay
// Arabic), drops Arabic diacritics and tatweel, and joins words with '-'. At most
// max_chars code points, cut at a word boundary when possible. Returns "" when the text has no
// letters or digits. Invalid UTF-8 is treated as a separator.
std::string MakeSlug(std::string_view text, std::size_t max_chars = 80);

// True for slugs that MakeSlug could produce: non-empty, no '/', no "..", valid UTF-8.
bool IsValidSlug(std::string_view slug);

}  // namespace gazette::news
