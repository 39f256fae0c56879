#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <iostream>

#include "app/commands.hpp"
#include "app/open_store.hpp"
#include "cache/cached_pages.hpp"
#include "cache/change_bus.hpp"
#include "cache/response_cache.hpp"
#include "comments/moderation_api.hpp"
#include "http/http_date.hpp"
#include "jobs/job_runner.hpp"
#include "news/changes.hpp"
#include "http/static_files.hpp"
#include "ingest/apply/ingester.hpp"
#include "ingest/sources/drop_folder.hpp"
#include "ingest/sources/feed_poller.hpp"
#include "ingest/sources/push_api.hpp"
#include "render/assets.hpp"
#include "render/templates.hpp"
#include "render/ui_strings.hpp"
#include "site/article_api.hpp"
#include "site/public_site.hpp"
#include "newsroom/admin_api.hpp"
#include "newsroom/newsroom_site.hpp"
#include "newsroom/story_api.hpp"

namespace gazette::app {

int Serve(const Config& config) {
  auto store = OpenStore(config.database);
  const auto& assets = render::EmbeddedAssets();
  const render::Templates templates(assets);
  const render::UiStrings strings(assets);
  // The embedded files change only with the binary: the time this process started is a safe
  // Last-Modified (the ETag, a content hash, stays the same across restarts).
  const http::StaticFiles static_files(assets, "static/", "/static/", std::string(http::kStaticCacheControl),
                                       http::FormatHttpDate(std::chrono::system_clock::now()));

  // Writes announce what they changed (news/changes.hpp); the cache drops the pages showing it.
  // The store's change feed carries them to the other processes on the database (other nodes
  // on PostgreSQL, `gazette load` beside a server on SQLite) and brings theirs to this cache.
  cache::ResponseCache response_cache(config.cache.max_bytes);
  const cache::CachedPages cached_pages(response_cache, config.cache);
  cache::ChangeBus changes;
  changes.Subscribe([&response_cache](const std::vector<std::string>& tags) { response_cache.Invalidate(tags); });
  changes.Subscribe([&store](const std::vector<std::string>& tags) { store->Changes().Publish(tags); });
  store->Changes().Start([&response_cache](const std::vector<std::string>& tags) { response_cache.Invalidate(tags); });
  // Hand this to every module that writes (comments, newsroom, ingest).
  const news::Announce announce = [&changes](const std::vector<std::string>& tags) { changes.Publish(tags); };
  const site::ArticleApi article_api(*store, config.api_token, announce);
  comments::CommentDesk comment_desk(store->Comments(), store->Settings(), config.comments,
                                     comments::LoadSecrets(store->Comments(), config.comments), announce);
  comments::Moderation moderation(store->Comments(), announce);
  newsroom::Accounts accounts(store->Users(), store->Audit(), config.newsroom, {});
  // Moderators and admins may use their personal API tokens on /api/comments too.
  // Their moderation goes in the audit log, as the moderation screen's does.
  comments::ModerationApi moderation_api(
      moderation, config.api_token,
      [&accounts](const http::Request& request) { return newsroom::TokenMayModerate(accounts, request); },
      [&accounts, &store](const http::Request& request, std::string_view action, store::CommentId id,
                          std::string_view text) {
        newsroom::AuditTokenModeration(accounts, store->Audit(), request, action, id, text);
      });
  const newsroom::NewsroomSite newsroom_site(*store, accounts, templates, strings, announce);
  const newsroom::StoryApi story_api(*store, accounts, announce);
  const newsroom::AdminApi admin_api(*store, accounts, announce);
  const site::PublicSite public_site(*store, templates, strings, config.site, &comment_desk);

  http::Router router;
  router.Add(http::Method::kGet, "/healthz", [&](const http::Request&, const http::PathParams&) {
    store->Ping();  // Throws Unavailable (503) when the database does not answer.
    return http::Text(200, "ok\n");
  });
  static_files.Register(router);
  article_api.Register(router);
  moderation_api.Register(router);
  newsroom_site.Register(router);  // Never cached: every newsroom page is private.
  story_api.Register(router);
  admin_api.Register(router);
  // Wire ingest (docs/ingest.md): drop folders, the push endpoint, feed polling.
  const ingest::Ingester ingester(store->Wire(), config.ingest, announce);
  const ingest::PushApi push_api(ingester, config.api_token);
  push_api.Register(router);
  ingest::DropFolders drop_folders(ingester);
  ingest::FeedPoller feed_poller(ingester);
  public_site.Register(router, [&cached_pages](http::Handler page) { return cached_pages.Wrap(std::move(page)); });
  // Hits skip routing: only wrapped pages are ever stored, each under the path routing gives it.
  router.SetShortcut([&cached_pages](const http::Request& request) { return cached_pages.Hit(request); });

  jobs::JobRunner jobs({
      {"publish-scheduled", config.publish_interval, [&] {
         for (const auto& article : store->Articles().PublishDue(news::TimePoint(
                  std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()).time_since_epoch()))) {
           spdlog::info("published scheduled article {} ({})", article.id, article.slug);
           announce(news::CacheTagsOf(article));
         }
       }},
      {"poll-feeds", config.ingest.poll_interval, [&] { feed_poller.PollAll(); }},
  });

  http::Server server(config.server, router);
  spdlog::info("database {}", config.database);
  // Scripts (and people) read the address from this line; with port 0 it is the chosen port.
  // One write, before the background threads start logging, so no log line can split it.
  std::cout << fmt::format("Gazette serving http://{}:{}/\n", config.server.address, server.port()) << std::flush;
  jobs.Start();
  drop_folders.Start();
  server.Run();
  drop_folders.Stop();
  jobs.Stop();
  store->Changes().Stop();
  spdlog::info("stopped");
  return 0;
}

}  // namespace gazette::app
