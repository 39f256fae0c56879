#pragma once
// Routes requests by method and path pattern to handlers. Patterns are literal segments and
// {name} captures, one segment each: "/{lang}/{section}/{slug}". Knows nothing about news.
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/request.hpp"
#include "http/response.hpp"

namespace gazette::http {

// Captured segments, decoded.
using PathParams = std::map<std::string, std::string, std::less<>>;
using Handler = std::function<Response(const Request&, const PathParams&)>;
// Answers a GET or HEAD before routing, or declines with nothing: a response cache's hits, which
// then cost no route matching. Its answer must be the one routing would give.
using Shortcut = std::function<std::optional<Response>(const Request&)>;

class Router {
 public:
  // GET routes also answer HEAD. Earlier routes win over later ones that match too, and a
  // literal segment wins over a capture at the same position.
  void Add(Method method, std::string_view pattern, Handler handler);

  // Answers with the matching handler; 405 with Allow when the path matches but the method
  // does not; else the fallback (404). Exceptions of type gazette::Error become the status that
  // ErrorStatus() gives; any other exception becomes 500. Thread-safe once built.
  Response Dispatch(const Request& request) const;

  // Dispatch in two steps, for a server that answers shortcuts on its I/O threads and hands
  // the rest to other threads: the shortcut's answer (or nothing), then routing alone.
  std::optional<Response> TryShortcut(const Request& request) const;
  Response DispatchRoutes(const Request& request) const;

  // The handler for paths that nothing matches. Default: a plain 404.
  void SetNotFound(Handler handler);

  // Tried first for GET and HEAD; when it answers, no route is matched. Its exceptions are
  // mapped as a handler's. Must be thread-safe.
  void SetShortcut(Shortcut shortcut);

 private:
  struct Route {
    Method method;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
  Handler not_found_;
  Shortcut shortcut_;
};

}  // namespace gazette::http
