#include <spdlog/spdlog.h>

#include <iostream>

#include "app/commands.hpp"
#include "app/open_store.hpp"
#include "http/http_date.hpp"
#include "http/static_files.hpp"
#include "render/assets.hpp"
#include "render/templates.hpp"
#include "render/ui_strings.hpp"
#include "site/public_site.hpp"

namespace gazette::app {

int Serve(const Config& config) {
  auto store = OpenStore(config.database);
  const auto& assets = render::EmbeddedAssets();
  const render::Templates templates(assets);
  const render::UiStrings strings(assets);
  const site::PublicSite public_site(*store, templates, strings, config.site);
  // The embedded files change only with the binary: the time this process started is a safe
  // Last-Modified (the ETag, a content hash, stays the same across restarts).
  const http::StaticFiles static_files(assets, "static/", "/static/", std::string(http::kStaticCacheControl),
                                       http::FormatHttpDate(std::chrono::system_clock::now()));

  http::Router router;
  router.Add(http::Method::kGet, "/healthz", [&](const http::Request&, const http::PathParams&) {
    store->Ping();  // Throws Unavailable (503) when the database does not answer.
    return http::Text(200, "ok\n");
  });
  static_files.Register(router);
  public_site.Register(router);

  http::Server server(config.server, router);
  spdlog::info("database {}", config.database);
  // Scripts (and people) read the address from this line; with port 0 it is the chosen port.
  std::cout << "Gazette serving http://" << config.server.address << ':' << server.port() << "/" << std::endl;
  server.Run();
  spdlog::info("stopped");
  return 0;
}

}  // namespace gazette::app
