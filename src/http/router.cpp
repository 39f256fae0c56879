#include "http/router.hpp"

#include <spdlog/spdlog.h>

#include "http/detail/target.hpp"
#include "http/error_status.hpp"
#include "news/error.hpp"

namespace gazette::http {
namespace {

bool IsCapture(std::string_view segment) {
  return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

// "/a/b" -> {"a", "b"}; "/" -> {}; "/a/" -> {"a", ""}.
std::vector<std::string> Split(std::string_view path) {
  std::vector<std::string> segments;
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  if (path.empty()) return segments;
  for (;;) {
    auto slash = path.find('/');
    segments.emplace_back(path.substr(0, slash));
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
  }
  return segments;
}

bool Matches(const std::vector<std::string>& pattern, const std::vector<std::string>& path) {
  if (pattern.size() != path.size()) return false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (IsCapture(pattern[i]) ? path[i].empty() : pattern[i] != path[i]) return false;
  }
  return true;
}

// True when `a` has a literal at the first position where the two differ in kind.
bool MoreSpecific(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    bool a_literal = !IsCapture(a[i]);
    if (a_literal != !IsCapture(b[i])) return a_literal;
  }
  return false;
}

bool Accepts(Method route, Method request) {
  return route == request || (route == Method::kGet && request == Method::kHead);
}

std::string_view MethodName(Method method) {
  switch (method) {
    case Method::kGet: return "GET";
    case Method::kHead: return "HEAD";
    case Method::kPost: return "POST";
    case Method::kPut: return "PUT";
    case Method::kPatch: return "PATCH";
    case Method::kDelete: return "DELETE";
    case Method::kOptions: return "OPTIONS";
    case Method::kOther: return "";
  }
  return "";
}

// "GET, HEAD, POST": the methods the matching routes take, in a stable order.
std::string AllowHeader(const std::vector<Method>& methods) {
  std::string allow;
  for (Method m : {Method::kGet, Method::kHead, Method::kPost, Method::kPut, Method::kPatch,
                   Method::kDelete, Method::kOptions}) {
    bool allowed = false;
    for (Method route : methods) allowed = allowed || Accepts(route, m);
    if (!allowed) continue;
    if (!allow.empty()) allow += ", ";
    allow += MethodName(m);
  }
  return allow;
}

Response PlainNotFound(const Request&, const PathParams&) { return Text(404, "Not found\n"); }

// Client mistakes show their message; server trouble stays in the log.
Response FromError(const Error& error) {
  int status = ErrorStatus(error.kind());
  if (status >= 500) {
    spdlog::error("handler failed: {}", error.what());
    return Text(status, status == 503 ? "Service unavailable\n" : "Internal server error\n");
  }
  return Text(status, std::string(error.what()) + "\n");
}

// The answer for the exception in flight: gazette::Error by its kind, anything else 500.
Response MapException() {
  try {
    throw;
  } catch (const Error& error) {
    return FromError(error);
  } catch (const std::exception& error) {
    spdlog::error("handler failed: {}", error.what());
    return Text(500, "Internal server error\n");
  } catch (...) {
    spdlog::error("handler failed with a non-standard exception");
    return Text(500, "Internal server error\n");
  }
}

}  // namespace

void Router::Add(Method method, std::string_view pattern, Handler handler) {
  routes_.push_back(Route{method, Split(pattern), std::move(handler)});
}

void Router::SetNotFound(Handler handler) { not_found_ = std::move(handler); }

void Router::SetShortcut(Shortcut shortcut) { shortcut_ = std::move(shortcut); }

Response Router::Dispatch(const Request& request) const {
  if (auto answer = TryShortcut(request)) return std::move(*answer);
  return DispatchRoutes(request);
}

std::optional<Response> Router::TryShortcut(const Request& request) const {
  if (!shortcut_ || (request.method != Method::kGet && request.method != Method::kHead)) return std::nullopt;
  try {
    return shortcut_(request);
  } catch (...) {
    return MapException();
  }
}

Response Router::DispatchRoutes(const Request& request) const {
  try {
    std::string path = request.path;
    // Requests built by hand (tests, other modules) may carry only the target.
    if (path.empty() && !request.target.empty()) {
      if (auto parsed = detail::ParseTarget(request.target)) path = std::move(parsed->path);
    }
    const auto segments = Split(path);

    const Route* best = nullptr;
    std::vector<Method> path_methods;
    for (const Route& route : routes_) {
      if (!Matches(route.segments, segments)) continue;
      path_methods.push_back(route.method);
      if (!Accepts(route.method, request.method)) continue;
      if (best == nullptr || MoreSpecific(route.segments, best->segments)) best = &route;
    }

    if (best != nullptr) {
      PathParams params;
      for (std::size_t i = 0; i < segments.size(); ++i) {
        const std::string& s = best->segments[i];
        if (IsCapture(s)) params.emplace(s.substr(1, s.size() - 2), segments[i]);
      }
      return best->handler(request, params);
    }
    if (!path_methods.empty()) {
      Response response = Text(405, "Method not allowed\n");
      response.Header("Allow", AllowHeader(path_methods));
      return response;
    }
    return not_found_ ? not_found_(request, {}) : PlainNotFound(request, {});
  } catch (...) {
    return MapException();
  }
}

}  // namespace gazette::http
