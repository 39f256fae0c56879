#include "store/postgres/postgres_change_feed.hpp"

#include <poll.h>
#include <spdlog/spdlog.h>

#include <memory>
#include <optional>

#include "store/node_id.hpp"

namespace gazette::store::postgres {
namespace {

constexpr const char* kChannel = "gazette_changes";
// NOTIFY payloads must stay under 8000 bytes: longer tag lists go out in several.
constexpr std::size_t kMaxPayload = 7000;
// How often the listening thread looks up from its socket to see whether it should stop.
constexpr int kPollMilliseconds = 200;

}  // namespace

PostgresChangeFeed::PostgresChangeFeed(ConnectionPool& pool, std::string url)
    : pool_(pool), url_(std::move(url)), node_(NewNodeId()) {}

PostgresChangeFeed::~PostgresChangeFeed() { Stop(); }

void PostgresChangeFeed::Publish(const std::vector<std::string>& tags) {
  if (tags.empty()) return;
  auto connection = pool_.Acquire();
  // Payload: this node's id, then the tags, one per line.
  std::string payload = node_;
  auto flush = [&] {
    connection->Query("SELECT pg_notify($1, $2)", kChannel, payload);
    payload = node_;
  };
  for (const auto& tag : tags) {
    if (payload.size() + 1 + tag.size() > kMaxPayload && payload.size() > node_.size()) flush();
    payload += '\n';
    payload += tag;
  }
  flush();
}

void PostgresChangeFeed::Start(ChangeHandler deliver) {
  if (!thread_.joinable()) thread_ = std::thread([this, deliver = std::move(deliver)] { Listen(deliver); });
}

void PostgresChangeFeed::Stop() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
}

void PostgresChangeFeed::Listen(const ChangeHandler& deliver) {
  std::unique_ptr<Connection> connection;
  bool missed = false;  // Nothing heard while disconnected: everything may have changed.
  while (!stopping_) {
    try {
      if (!connection) {
        connection = std::make_unique<Connection>(url_);
        connection->Exec(std::string("LISTEN ") + kChannel);
        if (missed) deliver({"site"});
        missed = false;
      }
      PGconn* native = connection->Native();
      pollfd socket{PQsocket(native), POLLIN, 0};
      if (::poll(&socket, 1, kPollMilliseconds) < 0) continue;
      if (!PQconsumeInput(native)) throw std::runtime_error(PQerrorMessage(native));
      std::vector<std::string> tags;
      while (PGnotify* notify = PQnotifies(native)) {
        auto lines = SplitTags(notify->extra);
        PQfreemem(notify);
        if (lines.empty() || lines.front() == node_) continue;
        tags.insert(tags.end(), std::make_move_iterator(lines.begin() + 1), std::make_move_iterator(lines.end()));
      }
      if (!tags.empty()) deliver(tags);
    } catch (const std::exception& e) {
      spdlog::warn("change feed: lost PostgreSQL ({}); reconnecting", e.what());
      connection.reset();
      missed = true;
      for (int i = 0; i < 5 && !stopping_; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(kPollMilliseconds));
    }
  }
}

}  // namespace gazette::store::postgres
