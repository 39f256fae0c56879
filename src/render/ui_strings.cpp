#include "render/ui_strings.hpp"

#include <fmt/format.h>

#include <toml++/toml.h>

#include "news/error.hpp"

namespace gazette::render {
namespace {

boost::json::object Load(const std::map<std::string_view, std::string_view>& assets, std::string_view path) {
  auto it = assets.find(path);
  if (it == assets.end()) throw Error(ErrorKind::kInternal, fmt::format("{} is missing", path));
  toml::table table;
  try {
    table = toml::parse(it->second, path);
  } catch (const toml::parse_error& e) {
    throw Error(ErrorKind::kInternal, fmt::format("{}: {}", path, e.description()));
  }
  boost::json::object strings;
  for (const auto& [key, value] : table) {
    auto text = value.value<std::string>();
    if (!text) throw Error(ErrorKind::kInternal, fmt::format("{}: {} must be a string", path, key.str()));
    strings[key.str()] = *text;
  }
  return strings;
}

}  // namespace

UiStrings::UiStrings(const std::map<std::string_view, std::string_view>& assets)
    : english_(Load(assets, "i18n/en.toml")), arabic_(Load(assets, "i18n/ar.toml")) {
  for (const auto& [key, _] : english_)
    if (!arabic_.contains(key))
      throw Error(ErrorKind::kInternal, fmt::format("i18n/ar.toml lacks {}", std::string_view(key)));
}

const boost::json::object& UiStrings::For(news::Language language) const {
  return language == news::Language::kArabic ? arabic_ : english_;
}

}  // namespace gazette::render
