#include "ingest/sources/push_api.hpp"

#include <boost/json.hpp>
#include <sodium.h>
#include <spdlog/spdlog.h>

#include "ingest/sources/drop_folder.hpp"
#include "ingest/wire_parser.hpp"

namespace gazette::ingest {
namespace {

bool Authorized(const http::Request& request, const std::string& token) {
  if (token.empty()) return false;
  auto header = request.Header("authorization");
  if (!header || !header->starts_with("Bearer ")) return false;
  auto given = header->substr(7);
  // Constant time: the answer must not leak how much of the token was right.
  return given.size() == token.size() && sodium_memcmp(given.data(), token.data(), token.size()) == 0;
}

http::Response JsonBody(int status, const boost::json::object& body) {
  return http::Json(status, boost::json::serialize(body) + "\n");
}

}  // namespace

void PushApi::Register(http::Router& router) const {
  router.Add(http::Method::kPost, "/api/ingest/{source}",
             [this](const http::Request& request, const http::PathParams& params) {
               return Post(request, params.at("source"));
             });
}

http::Response PushApi::Post(const http::Request& request, const std::string& source_name) const {
  if (!Authorized(request, api_token_)) {
    auto response = JsonBody(401, {{"error", "a valid bearer token is required"}});
    response.Header("WWW-Authenticate", "Bearer");
    return response;
  }
  const auto* source = ingester_.settings().Find(source_name);
  if (!source) return JsonBody(404, {{"error", "no ingest source named '" + source_name + "'"}});

  FileReport report;
  try {
    report = ingester_.Ingest(*source, request.body);
  } catch (const ParseError& e) {
    const auto detected = DetectFormat(request.body);
    boost::json::object body{{"error", e.reason()},
                             {"problem", ParseProblemName(e.problem())},
                             {"format", detected ? news::WireFormatName(*detected) : "unknown"}};
    if (e.offset()) body["offset"] = *e.offset();
    else body["offset"] = nullptr;
    try {
      if (auto kept = QuarantineBytes(*source, "push", request.body, e)) body["quarantined"] = kept->filename().string();
    } catch (const std::exception& failure) {
      spdlog::error("ingest {}: cannot keep a pushed file in quarantine: {}", source_name, failure.what());
    }
    spdlog::error("ingest {}: push of {} bytes quarantined ({}): {}", source_name, request.body.size(),
                  ParseProblemName(e.problem()), e.what());
    return JsonBody(422, body);
  }

  boost::json::array items;
  bool created = false;
  for (const auto& item : report.items) {
    boost::json::object line{{"guid", item.guid}, {"version", item.version}};
    line["outcome"] = item.outcome ? store::WireOutcomeName(*item.outcome) : "refused";
    if (item.outcome == store::WireOutcome::kCreated) created = true;
    if (item.article_id) line["id"] = *item.article_id;
    if (!item.status.empty()) line["status"] = item.status;
    if (!item.path.empty()) line["url"] = item.path;
    if (!item.reason.empty()) line["reason"] = item.reason;
    items.push_back(std::move(line));
  }
  spdlog::info("ingest {}: push ({}) {} applied, {} unchanged, {} refused", source_name,
               news::WireFormatName(report.format), report.applied, report.stale, report.refused);
  return JsonBody(created ? 201 : 200, {{"format", news::WireFormatName(report.format)},
                                        {"applied", report.applied},
                                        {"unchanged", report.stale},
                                        {"refused", report.refused},
                                        {"items", std::move(items)}});
}

}  // namespace gazette::ingest
