#pragma once
// Sections for SaudiNewsNet stories, which carry none: read from the story's URL. The mapping
// and how it was found: docs/data-loading.md.
#include <string>
#include <string_view>

namespace gazette::importer {

struct SectionChoice {
  std::string name;  // Arabic: "رياضة".
  std::string slug;  // ASCII: "sports".
};

// The section a URL's path names ("/sports/", "/Economy/News_Detail.aspx", Al-Jazirah's
// "/20150808/sp13.htm", Asharq Al-Awsat's column paths), else the subject of a one-subject
// paper (sports, economy), else "أخبار" (news).
SectionChoice SaudiSectionFromUrl(std::string_view url);

}  // namespace gazette::importer
