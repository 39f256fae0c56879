#include "site/site_settings.hpp"

namespace gazette::site {
namespace {

std::vector<std::string> SplitLines(std::string_view text) {
  std::vector<std::string> lines;
  while (!text.empty()) {
    const auto end = text.find('\n');
    auto line = text.substr(0, end);
    if (!line.empty()) lines.emplace_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

}  // namespace

SiteSettings EffectiveSettings(const SiteSettings& defaults, store::SettingsStore& stored) {
  SiteSettings settings = defaults;
  const auto all = stored.All();
  auto find = [&](std::string_view key) -> const std::string* {
    auto it = all.find(std::string(key));
    return it == all.end() ? nullptr : &it->second;
  };
  if (const auto* name = find(kSiteNameKey); name && !name->empty()) settings.name = *name;
  if (const auto* footer = find(kFooterLinesKey)) settings.footer_lines = SplitLines(*footer);
  if (const auto* format = find(kTimestampFormatKey); format && news::IsValidTimestampPattern(*format))
    settings.timestamp_format = *format;
  return settings;
}

}  // namespace gazette::site
