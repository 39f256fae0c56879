#include "render/templates.hpp"

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include <boost/json.hpp>

#include "news/error.hpp"

namespace gazette::render {
namespace {

namespace mstch = kainjow::mustache;

// View models are JSON-shaped (boost::json) so that site/ never sees the template engine.
mstch::data ToData(const boost::json::value& value) {
  switch (value.kind()) {
    // mstch::data's set() and push_back() copy their argument, and a copy is deep: built from
    // the leaves up, a page's body was copied once per level above it (a fifth of an article
    // render). So each child goes in as a placeholder and is moved into place through the
    // pointer get() and list_value() give to the stored element, which is not const itself.
    case boost::json::kind::object: {
      mstch::data object{mstch::data::type::object};
      for (const auto& [key, item] : value.get_object()) {
        const std::string name(key);
        object.set(name, mstch::data(false));
        *const_cast<mstch::data*>(object.get(name)) = ToData(item);
      }
      return object;
    }
    case boost::json::kind::array: {
      mstch::data list{mstch::data::type::list};
      for (const auto& item : value.get_array()) {
        list.push_back(mstch::data(false));
        const_cast<mstch::data&>(list.list_value().back()) = ToData(item);
      }
      return list;
    }
    case boost::json::kind::string:
      // An empty string is false, as in JavaScript Mustache, so {{#standfirst}} skips an
      // empty one; a false variable renders as nothing.
      if (value.get_string().empty()) return mstch::data(false);
      return mstch::data(std::string(value.get_string()));
    case boost::json::kind::bool_: return mstch::data(value.get_bool());
    case boost::json::kind::int64: return mstch::data(std::to_string(value.get_int64()));
    case boost::json::kind::uint64: return mstch::data(std::to_string(value.get_uint64()));
    case boost::json::kind::double_: return mstch::data(fmt::format("{}", value.get_double()));
    case boost::json::kind::null: return mstch::data(false);
  }
  return mstch::data(false);
}

}  // namespace

struct Templates::Impl {
  // Rendering only reads the parsed tree (no lambdas or partials are used), so one parsed
  // template serves every thread.
  std::map<std::string, std::unique_ptr<mstch::mustache>, std::less<>> pages;
};

Templates::Templates(const std::map<std::string_view, std::string_view>& assets)
    : impl_(std::make_unique<Impl>()) {
  constexpr std::string_view kPrefix = "templates/", kSuffix = ".mustache";
  for (const auto& [path, text] : assets) {
    if (!path.starts_with(kPrefix) || !path.ends_with(kSuffix)) continue;
    std::string name(path.substr(kPrefix.size(), path.size() - kPrefix.size() - kSuffix.size()));
    auto parsed = std::make_unique<mstch::mustache>(std::string(text));
    if (!parsed->is_valid())
      throw Error(ErrorKind::kInternal, fmt::format("template {}: {}", path, parsed->error_message()));
    impl_->pages.emplace(std::move(name), std::move(parsed));
  }
  if (!impl_->pages.contains("layout"))
    throw Error(ErrorKind::kInternal, "templates/layout.mustache is missing");
}

Templates::~Templates() = default;

std::string Templates::RenderPage(std::string_view page, const boost::json::object& view) const {
  auto it = impl_->pages.find(page);
  if (it == impl_->pages.end())
    throw Error(ErrorKind::kInternal, fmt::format("no template named {}", page));
  mstch::data data = ToData(view);
  data.set("content", it->second->render(data));
  return impl_->pages.at("layout")->render(data);
}

}  // namespace gazette::render
