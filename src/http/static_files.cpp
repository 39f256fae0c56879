#include "http/static_files.hpp"

#include <array>
#include <cctype>
#include <utility>

#include "news/content_hash.hpp"

namespace gazette::http {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kContentTypes = {{
    {"css", "text/css; charset=utf-8"},
    {"js", "text/javascript; charset=utf-8"},
    {"mjs", "text/javascript; charset=utf-8"},
    {"html", "text/html; charset=utf-8"},
    {"htm", "text/html; charset=utf-8"},
    {"txt", "text/plain; charset=utf-8"},
    {"json", "application/json; charset=utf-8"},
    {"map", "application/json; charset=utf-8"},
    {"webmanifest", "application/manifest+json; charset=utf-8"},
    {"xml", "application/xml; charset=utf-8"},
    {"svg", "image/svg+xml; charset=utf-8"},
    {"ico", "image/x-icon"},
    {"png", "image/png"},
    {"jpg", "image/jpeg"},
    {"jpeg", "image/jpeg"},
    {"gif", "image/gif"},
    {"webp", "image/webp"},
    {"avif", "image/avif"},
    {"woff2", "font/woff2"},
    {"woff", "font/woff"},
}};

}  // namespace

std::string ContentTypeFor(std::string_view file_name) {
  auto slash = file_name.rfind('/');
  if (slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
  auto dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return "application/octet-stream";
  std::string extension(file_name.substr(dot + 1));
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& [known, type] : kContentTypes) {
    if (extension == known) return std::string(type);
  }
  return "application/octet-stream";
}

std::string StrongEtag(std::string_view bytes) {
  std::string tag = "\"";
  tag += news::ContentHash(bytes);
  tag += '"';
  return tag;
}

Response StaticAsset(std::string_view bytes, std::string_view content_type, std::string_view etag,
                     std::string_view last_modified, std::string_view cache_control) {
  Response response;
  response.body.assign(bytes);
  response.Header("Content-Type", std::string(content_type));
  response.Header("ETag", std::string(etag));
  response.Header("Cache-Control", std::string(cache_control));
  // Browsers must not guess a script out of a file we label otherwise.
  response.Header("X-Content-Type-Options", "nosniff");
  if (!last_modified.empty()) response.Header("Last-Modified", std::string(last_modified));
  return response;
}

StaticFiles::StaticFiles(const std::map<std::string_view, std::string_view>& files,
                         std::string_view asset_prefix, std::string_view url_prefix,
                         std::string cache_control, std::string last_modified)
    : cache_control_(std::move(cache_control)), last_modified_(std::move(last_modified)) {
  std::string base(url_prefix);
  if (base.empty() || base.back() != '/') base += '/';
  for (const auto& [key, bytes] : files) {
    if (!key.starts_with(asset_prefix) || key.size() == asset_prefix.size()) continue;
    auto name = key.substr(asset_prefix.size());
    files_.emplace(base + std::string(name), File{bytes, ContentTypeFor(name), StrongEtag(bytes)});
  }
}

std::optional<Response> StaticFiles::Find(std::string_view url_path) const {
  auto it = files_.find(url_path);
  if (it == files_.end()) return std::nullopt;
  const File& file = it->second;
  return StaticAsset(file.bytes, file.content_type, file.etag, last_modified_, cache_control_);
}

std::optional<std::string_view> StaticFiles::Etag(std::string_view url_path) const {
  auto it = files_.find(url_path);
  if (it == files_.end()) return std::nullopt;
  return it->second.etag;
}

void StaticFiles::Register(Router& router) const {
  for (const auto& entry : files_) {
    const std::string& url_path = entry.first;
    router.Add(Method::kGet, url_path, [this, &url_path](const Request&, const PathParams&) {
      return *Find(url_path);
    });
  }
}

}  // namespace gazette::http
