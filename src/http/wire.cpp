#include "http/detail/wire.hpp"

#include <chrono>

#include <boost/beast/core/string.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/status.hpp>
#include <spdlog/spdlog.h>

#include "http/http_date.hpp"

namespace gazette::http::detail {
namespace http = boost::beast::http;
namespace {

bool IsSafeFieldText(std::string_view text) {
  for (char c : text) {
    if (c == '\r' || c == '\n' || c == '\0') return false;
  }
  return true;
}

// The session owns message framing; a handler's copy would contradict it.
bool IsFramingField(std::string_view name) {
  for (std::string_view framing : {"Content-Length", "Transfer-Encoding", "Connection", "Date"}) {
    if (boost::beast::iequals(name, framing)) return true;
  }
  return false;
}

bool HasBody(int status) { return status >= 200 && status != 204 && status != 304; }

}  // namespace

Method ToMethod(http::verb verb) {
  switch (verb) {
    case http::verb::get: return Method::kGet;
    case http::verb::head: return Method::kHead;
    case http::verb::post: return Method::kPost;
    case http::verb::put: return Method::kPut;
    case http::verb::patch: return Method::kPatch;
    case http::verb::delete_: return Method::kDelete;
    case http::verb::options: return Method::kOptions;
    default: return Method::kOther;
  }
}

Request ToRequest(WireRequest& wire, ParsedTarget target, std::string client_address) {
  Request request;
  request.method = ToMethod(wire.method());
  request.target = std::string(wire.target());
  request.path = std::move(target.path);
  request.query = std::move(target.query);
  request.client_address = std::move(client_address);
  for (const auto& field : wire) {
    std::string name(field.name_string());
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto [it, inserted] = request.headers.try_emplace(std::move(name), field.value());
    if (!inserted) {
      it->second += it->first == "cookie" ? "; " : ", ";
      it->second += field.value();
    }
  }
  if (request.method != Method::kGet && request.method != Method::kHead) {
    request.body = std::move(wire.body());
  }
  return request;
}

namespace {

// The status line and header fields that ToWire and ToSharedWire share.
template <class Wire>
void SetFields(Wire& wire, const Response& response) {
  for (const auto& [name, value] : response.headers) {
    if (name.empty() || !IsSafeFieldText(name) || !IsSafeFieldText(value)) {
      spdlog::warn("dropped a response header field holding CR, LF or NUL");
      continue;
    }
    if (IsFramingField(name)) continue;
    wire.insert(name, value);
  }
  wire.set(http::field::server, "Gazette");
  wire.set(http::field::date, FormatHttpDate(std::chrono::system_clock::now()));
}

}  // namespace

WireResponse ToWire(Response response, unsigned version, bool keep_alive) {
  WireResponse wire{static_cast<http::status>(response.status), version};
  SetFields(wire, response);
  if (HasBody(response.status)) {
    wire.content_length(response.body.size());
    wire.body() = std::move(response.body);
  }
  wire.keep_alive(keep_alive);
  return wire;
}

SharedWireResponse ToSharedWire(const Response& response, unsigned version, bool keep_alive) {
  SharedWireResponse wire{static_cast<http::status>(response.status), version};
  SetFields(wire, response);
  if (HasBody(response.status) && response.shared_body) {
    wire.body() = {response.shared_body->data(), response.shared_body->size()};
    wire.content_length(response.shared_body->size());
  }
  wire.keep_alive(keep_alive);
  return wire;
}

Response StatusPage(int status) {
  auto reason = http::obsolete_reason(static_cast<http::status>(status));
  return Text(status, std::to_string(status) + " " + std::string(reason) + "\n");
}

}  // namespace gazette::http::detail
