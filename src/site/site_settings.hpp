#pragma once
// What the public site needs to know about itself. Config gives the defaults; values that
// editors may change while the site runs (name, footer lines, timestamp format) are read from
// the settings store on each render, so a change shows without a restart.
#include <string>
#include <vector>

#include "news/language.hpp"
#include "news/timestamp.hpp"
#include "store/settings_store.hpp"

namespace gazette::site {

struct SiteSettings {
  std::string name = "Gazette";
  std::string base_url = "http://127.0.0.1:8080";  // For canonical links; no trailing slash.
  std::vector<news::Language> languages{news::Language::kEnglish, news::Language::kArabic};
  std::vector<std::string> footer_lines;
  std::string timestamp_format{news::kDefaultTimestampFormat};
  int page_size = 20;     // Stories per list page.
  int related_count = 5;  // Related stories under an article; the seed site shows five.
  int home_latest = 10;   // Stories in the home page's "Latest" list, after the lead.
  int home_block_size = 5;  // Stories per section block on the home page.
};

// Setting keys in the settings store.
inline constexpr std::string_view kSiteNameKey = "site.name";
inline constexpr std::string_view kFooterLinesKey = "site.footer_lines";  // Lines joined by "\n".
inline constexpr std::string_view kTimestampFormatKey = "site.timestamp_format";

// The defaults with the stored values laid over them. Stored values that are invalid (an
// unknown timestamp directive) are ignored in favour of the default.
SiteSettings EffectiveSettings(const SiteSettings& defaults, store::SettingsStore& stored);

}  // namespace gazette::site
