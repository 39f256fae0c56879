#pragma once
// Static files served from memory (stylesheets, scripts, fonts, icons), with the validators
// that let the session answer repeat visits with 304.
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "http/response.hpp"
#include "http/router.hpp"

namespace gazette::http {

// Browsers revalidate after an hour; the ETag makes that a 304 while the file is unchanged.
inline constexpr std::string_view kStaticCacheControl = "public, max-age=3600";

// The Content-Type for a file name, by its extension (case-insensitive), with charset=utf-8
// for text types: "text/css; charset=utf-8" for "site.css". Unknown extensions get
// "application/octet-stream".
std::string ContentTypeFor(std::string_view file_name);

// A strong validator for these bytes: their quoted news::ContentHash,
// "\"9a1f...\"". Equal bytes give equal tags, in any process and release.
std::string StrongEtag(std::string_view bytes);

// A 200 carrying the bytes with Content-Type, ETag, Cache-Control, X-Content-Type-Options and,
// when not empty, Last-Modified (an HTTP date, see http_date.hpp). The session itself answers
// 304 when the request's If-None-Match or If-Modified-Since matches.
Response StaticAsset(std::string_view bytes, std::string_view content_type, std::string_view etag,
                     std::string_view last_modified = {},
                     std::string_view cache_control = kStaticCacheControl);

// A set of in-memory files, such as render::EmbeddedAssets(), served under one URL prefix.
// Content types and ETags are computed once, at construction. Thread-safe once built.
class StaticFiles {
 public:
  // Serves the entries of `files` whose key starts with `asset_prefix` at `url_prefix` plus the
  // rest of the key: StaticFiles(render::EmbeddedAssets(), "static/", "/static/") serves
  // "static/site.css" at "/static/site.css". The bytes are not copied: they must outlive this
  // object (embedded assets do). `last_modified` is an HTTP date sent with every file, or empty.
  StaticFiles(const std::map<std::string_view, std::string_view>& files,
              std::string_view asset_prefix, std::string_view url_prefix,
              std::string cache_control = std::string(kStaticCacheControl),
              std::string last_modified = {});

  // The 200 response for a URL path ("/static/site.css"), or nothing when no file has it.
  std::optional<Response> Find(std::string_view url_path) const;

  // The ETag of the file at a URL path, or nothing; handy for cache-busting links.
  std::optional<std::string_view> Etag(std::string_view url_path) const;

  // Adds a GET (and so HEAD) route per file. The routes refer to this object, which must
  // outlive the router.
  void Register(Router& router) const;

 private:
  struct File {
    std::string_view bytes;
    std::string content_type;
    std::string etag;
  };
  std::map<std::string, File, std::less<>> files_;  // By URL path.
  std::string cache_control_;
  std::string last_modified_;
};

}  // namespace gazette::http
