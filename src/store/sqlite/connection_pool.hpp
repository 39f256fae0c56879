#pragma once
// SQLite connections for many threads: one writer (SQLite allows one at a time anyway) and a
// set of readers, which WAL lets run beside the writer without waiting.
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "store/sqlite/connection.hpp"

namespace gazette::store::sqlite {

class ConnectionPool {
 public:
  // A connection borrowed for one unit of work; returned to the pool when destroyed.
  class Lease {
   public:
    Lease(ConnectionPool& pool, Connection& connection, bool writer)
        : pool_(&pool), connection_(&connection), writer_(writer) {}
    Lease(Lease&& other) noexcept
        : pool_(std::exchange(other.pool_, nullptr)), connection_(other.connection_), writer_(other.writer_) {}
    Lease(const Lease&) = delete;
    ~Lease();
    Connection& operator*() const { return *connection_; }
    Connection* operator->() const { return connection_; }

   private:
    ConnectionPool* pool_;
    Connection* connection_;
    bool writer_;
  };

  ConnectionPool(std::filesystem::path path, int max_readers);

  // Blocks while the writer is lent out.
  Lease Writer();
  // Blocks while all max_readers readers are lent out; opens readers lazily.
  Lease Reader();

 private:
  void Return(Connection& connection, bool writer);

  const std::filesystem::path path_;
  const int max_readers_;
  std::unique_ptr<Connection> writer_;
  std::mutex writer_mutex_;

  std::mutex readers_mutex_;
  std::condition_variable reader_returned_;
  std::vector<std::unique_ptr<Connection>> readers_;  // Every reader ever opened.
  std::vector<Connection*> idle_readers_;
};

}  // namespace gazette::store::sqlite
