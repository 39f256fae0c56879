#include "store/sqlite/sqlite_change_feed.hpp"

#include <spdlog/spdlog.h>

#include <ctime>

#include "store/node_id.hpp"

namespace gazette::store::sqlite {
namespace {
// Readers only need the recent past: older rows are dropped as new ones arrive.
constexpr std::int64_t kRowsKept = 10000;
}  // namespace

SqliteChangeFeed::SqliteChangeFeed(ConnectionPool& pool, std::filesystem::path path,
                                   std::chrono::milliseconds poll_interval)
    : pool_(pool), path_(std::move(path)), poll_interval_(poll_interval), node_(NewNodeId()) {}

SqliteChangeFeed::~SqliteChangeFeed() { Stop(); }

void SqliteChangeFeed::Publish(const std::vector<std::string>& tags) {
  if (tags.empty()) return;
  auto writer = pool_.Writer();
  InTransaction(*writer, [&] {
    writer->Prepare("INSERT INTO change_log (node, tags, at) VALUES (?, ?, ?)")
        .Bind(node_, JoinTags(tags), static_cast<std::int64_t>(std::time(nullptr)))
        .Run();
    writer->Prepare("DELETE FROM change_log WHERE id <= ?").Bind(writer->LastInsertId() - kRowsKept).Run();
  });
}

void SqliteChangeFeed::Start(ChangeHandler deliver) {
  if (!thread_.joinable()) thread_ = std::thread([this, deliver = std::move(deliver)] { Poll(deliver); });
}

void SqliteChangeFeed::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void SqliteChangeFeed::Poll(ChangeHandler deliver) {
  // Errors must not end the thread: a busy or briefly missing file is tried again.
  std::optional<Connection> connection;
  std::int64_t last_seen = -1;
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    try {
      if (!connection) connection.emplace(path_);
      if (last_seen < 0) {
        auto& newest = connection->Prepare("SELECT COALESCE(MAX(id), 0) FROM change_log");
        newest.Bind();
        newest.Step();
        last_seen = newest.Int(0);
        newest.Run();
      }
      std::vector<std::string> tags;
      auto& oldest = connection->Prepare("SELECT MIN(id) FROM change_log");
      oldest.Bind();
      // Rows this process never read were trimmed: some changes were missed.
      if (oldest.Step() && !oldest.IsNull(0) && oldest.Int(0) > last_seen + 1) tags.emplace_back("site");
      oldest.Run();
      auto& since = connection->Prepare("SELECT id, node, tags FROM change_log WHERE id > ? ORDER BY id");
      since.Bind(last_seen);
      while (since.Step()) {
        last_seen = since.Int(0);
        if (since.Text(1) == node_) continue;
        for (auto& tag : SplitTags(since.Text(2))) tags.push_back(std::move(tag));
      }
      if (!tags.empty()) deliver(tags);
    } catch (const std::exception& e) {
      spdlog::warn("change feed on {}: {}", path_.string(), e.what());
      connection.reset();
    }
    lock.lock();
    wake_.wait_for(lock, poll_interval_, [&] { return stopping_; });
  }
}

}  // namespace gazette::store::sqlite
