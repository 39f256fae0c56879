#pragma once
// The words of the site's own interface in each edition ("Related stories", "Next page"), from
// assets/i18n/{en,ar}.toml.
#include <boost/json/object.hpp>

#include <map>
#include <string_view>

#include "news/language.hpp"

namespace gazette::render {

class UiStrings {
 public:
  // Reads i18n/en.toml and i18n/ar.toml from the assets. Throws Error kInternal when a file is
  // missing or malformed, or when the Arabic file lacks a key that the English one has.
  explicit UiStrings(const std::map<std::string_view, std::string_view>& assets);

  // Every string of the edition, as {"key": "text"}, for the view model's "t" object.
  const boost::json::object& For(news::Language language) const;

 private:
  boost::json::object english_;
  boost::json::object arabic_;
};

}  // namespace gazette::render
