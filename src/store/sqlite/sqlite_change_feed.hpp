#pragma once
// The change feed on SQLite: a change_log table that other processes on the same file read
// every poll interval (SQLite has no NOTIFY).
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>

#include "store/change_feed.hpp"
#include "store/sqlite/connection_pool.hpp"

namespace gazette::store::sqlite {

class SqliteChangeFeed final : public ChangeFeed {
 public:
  SqliteChangeFeed(ConnectionPool& pool, std::filesystem::path path,
                   std::chrono::milliseconds poll_interval = std::chrono::milliseconds(500));
  ~SqliteChangeFeed() override;

  void Publish(const std::vector<std::string>& tags) override;
  void Start(ChangeHandler deliver) override;
  void Stop() override;

 private:
  void Poll(ChangeHandler deliver);

  ConnectionPool& pool_;
  const std::filesystem::path path_;
  const std::chrono::milliseconds poll_interval_;
  const std::string node_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace gazette::store::sqlite
