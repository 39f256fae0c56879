#pragma once
// The change feed on PostgreSQL: NOTIFY on the channel gazette_changes, and a LISTEN loop on a
// connection of its own (docs/postgresql.md).
#include <atomic>
#include <string>
#include <thread>

#include "store/change_feed.hpp"
#include "store/postgres/connection_pool.hpp"

namespace gazette::store::postgres {

class PostgresChangeFeed final : public ChangeFeed {
 public:
  PostgresChangeFeed(ConnectionPool& pool, std::string url);
  ~PostgresChangeFeed() override;

  void Publish(const std::vector<std::string>& tags) override;
  void Start(ChangeHandler deliver) override;
  void Stop() override;

 private:
  void Listen(const ChangeHandler& deliver);

  ConnectionPool& pool_;
  const std::string url_;
  const std::string node_;
  std::atomic<bool> stopping_ = false;
  std::thread thread_;
};

}  // namespace gazette::store::postgres
