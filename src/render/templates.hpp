#pragma once
// HTML pages from Mustache templates (assets/templates/*.mustache, baked into the binary).
// A page is rendered into the layout, which receives it as {{{content}}}. Every {{value}} is
// HTML-escaped; only values the code made safe (rendered Markdown) use {{{triple}}} braces.
#include <boost/json/value.hpp>

#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace gazette::render {

class Templates {
 public:
  // Parses every templates/*.mustache among the assets. Throws Error kInternal naming the
  // template and the parse error.
  explicit Templates(const std::map<std::string_view, std::string_view>& assets);
  ~Templates();

  // Renders `page` (e.g. "article") with the view, then the layout with the same view plus
  // content. Throws Error kInternal for an unknown template. Thread-safe.
  std::string RenderPage(std::string_view page, const boost::json::object& view) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gazette::render
