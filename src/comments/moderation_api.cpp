// The moderation API; docs/comments.md, "Moderation API".
#include "comments/moderation_api.hpp"

#include <sodium.h>

#include <boost/json/serialize.hpp>

#include <charconv>

#include "news/timestamp.hpp"

namespace gazette::comments {
namespace {

http::Response JsonError(int status, std::string_view message) {
  auto response = http::Json(status, boost::json::serialize(boost::json::object{{"error", message}}) + "\n");
  if (status == 401) response.Header("WWW-Authenticate", "Bearer");
  return response;
}

boost::json::object CommentJson(const store::Comment& comment) {
  return {{"id", comment.id},
          {"article_id", comment.article_id},
          {"name", comment.name},
          {"email", comment.email},
          {"text", comment.body},
          {"status", store::CommentStatusCode(comment.status)},
          {"created_at", news::FormatIso8601(comment.created_at)}};
}

std::optional<store::CommentId> ParseId(std::string_view text) {
  store::CommentId id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

// Both sides hashed first: sodium_memcmp needs equal lengths, and the length must not leak.
std::array<unsigned char, 32> Digest(std::string_view text) {
  std::array<unsigned char, 32> digest{};
  crypto_generichash(digest.data(), digest.size(), reinterpret_cast<const unsigned char*>(text.data()), text.size(),
                     nullptr, 0);
  return digest;
}

}  // namespace

bool ModerationApi::Authorized(const http::Request& request) const {
  if (api_token_.empty()) return false;
  const auto header = request.Header("authorization");
  if (!header || header->size() < 7) return false;
  std::string scheme(header->substr(0, 7));
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (scheme != "bearer ") return false;
  const auto sent = Digest(header->substr(7));
  const auto expected = Digest(api_token_);
  return sodium_memcmp(sent.data(), expected.data(), sent.size()) == 0;
}

void ModerationApi::Register(http::Router& router) {
  using http::Method;
  auto guarded = [this](auto handler) {
    return [this, handler](const http::Request& request, const http::PathParams& params) {
      if (Authorized(request)) return handler(request, params);
      if (const auto allowed = may_moderate_ ? may_moderate_(request) : std::nullopt) {
        if (*allowed) return handler(request, params);
        return JsonError(403, "this role may not moderate comments");
      }
      return JsonError(401, "a valid bearer token is required");
    };
  };
  router.Add(Method::kGet, "/api/comments", guarded([this](const http::Request& request, const http::PathParams&) {
    const auto code = request.Query("status").value_or("pending");
    std::optional<store::CommentStatus> status;
    if (code != "all") {
      status = store::ParseCommentStatus(code);
      if (!status) return JsonError(400, "status must be pending, approved, rejected, spam or all");
    }
    boost::json::array items;
    for (const auto& comment : moderation_.List(status)) items.push_back(CommentJson(comment));
    return http::Json(200, boost::json::serialize(boost::json::object{{"comments", std::move(items)}}) + "\n");
  }));
  router.Add(Method::kPost, "/api/comments/{id}/{action}",
             guarded([this](const http::Request& request, const http::PathParams& params) {
               const auto id = ParseId(params.at("id"));
               const auto& action = params.at("action");
               const auto status = action == "approve" ? std::optional(store::CommentStatus::kApproved)
                                   : action == "reject" ? std::optional(store::CommentStatus::kRejected)
                                   : action == "spam"   ? std::optional(store::CommentStatus::kSpam)
                                                        : std::nullopt;
               if (!status) return JsonError(404, "the action must be approve, reject or spam");
               if (!id) return JsonError(404, "no such comment");
               const auto comment = moderation_.SetStatus(*id, *status);
               if (!comment) return JsonError(404, "no such comment");
               if (moderated_) moderated_(request, action, comment->id, comment->body);
               return http::Json(200, boost::json::serialize(CommentJson(*comment)) + "\n");
             }));
  router.Add(Method::kDelete, "/api/comments/{id}", guarded([this](const http::Request& request, const http::PathParams& params) {
    const auto id = ParseId(params.at("id"));
    if (!id || !moderation_.Delete(*id)) return JsonError(404, "no such comment");
    if (moderated_) moderated_(request, "delete", *id, "");
    return http::Json(200, boost::json::serialize(boost::json::object{{"id", *id}, {"deleted", true}}) + "\n");
  }));
}

}  // namespace gazette::comments
