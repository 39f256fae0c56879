#pragma once
// Files from assets/ (templates, static files, UI strings), baked into the binary at build time
// by cmake/embed.cmake.
#include <map>
#include <string_view>

namespace gazette::render {

// Keyed by path under assets/: "templates/article.mustache", "static/site.css".
const std::map<std::string_view, std::string_view>& EmbeddedAssets();

}  // namespace gazette::render
