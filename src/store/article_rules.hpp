#pragma once
// What every store implementation applies to a draft before saving it: the section slug it
// files under, the checks it must pass, and the fingerprint that tells a real change from a
// repeat. Pure functions, shared by sqlite/ and postgres/ so both stores behave alike.
#include <string>
#include <string_view>

#include "news/article.hpp"

namespace gazette::store {

// The draft's section_slug, or the slug made from its section name when that is empty.
std::string SectionSlugOf(const news::ArticleDraft& draft);

// Throws Error kInvalid, naming the article, for an empty headline, an invalid slug, or a
// missing or invalid section (the slug "tag" is refused: /en/tag/ lists tags).
void ValidateDraft(const news::ArticleDraft& draft, std::string_view section_slug);

// A hash of everything the draft saves, in a fixed order: equal fingerprints mean saving again
// changes nothing.
std::string Fingerprint(const news::ArticleDraft& draft, std::string_view section_slug);

}  // namespace gazette::store
