#pragma once
// POST /api/ingest/{source}: one wire file in the body, in any format (detected), with
// "Authorization: Bearer <api token>". docs/ingest.md, "Push".
#include <string>

#include "http/router.hpp"
#include "ingest/apply/ingester.hpp"

namespace gazette::ingest {

class PushApi {
 public:
  // An empty `api_token` refuses every request.
  PushApi(const Ingester& ingester, std::string api_token) : ingester_(ingester), api_token_(std::move(api_token)) {}

  void Register(http::Router& router) const;

  // 401 without the token; 404 for a source not in the configuration; 422 with {"error",
  // "problem", "format", "offset", "quarantined"} for a file that goes to quarantine (kept in the
  // source's quarantine folder when it has one); else 201 when an article was created, 200
  // otherwise, with {"format", "applied", "unchanged", "refused", "items": [{"guid", "version",
  // "outcome", "status", "url", "reason"}]}. "url" is the article's path when it is published.
  http::Response Post(const http::Request& request, const std::string& source) const;

 private:
  const Ingester& ingester_;
  const std::string api_token_;
};

}  // namespace gazette::ingest
