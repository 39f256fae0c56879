#pragma once
// A fixed number of PostgreSQL connections shared by many threads. A thread borrows one for a
// unit of work and blocks while all are lent out. A connection that broke (server restart,
// network) is dropped on return and a new one opened when next needed.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "store/postgres/connection.hpp"

namespace gazette::store::postgres {

class ConnectionPool {
 public:
  // A connection borrowed for one unit of work; returned to the pool when destroyed.
  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<Connection> connection)
        : pool_(&pool), connection_(std::move(connection)) {}
    Lease(Lease&& other) noexcept
        : pool_(std::exchange(other.pool_, nullptr)), connection_(std::move(other.connection_)) {}
    Lease(const Lease&) = delete;
    ~Lease();
    Connection& operator*() const { return *connection_; }
    Connection* operator->() const { return connection_.get(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Connection> connection_;
  };

  // Opens the first connection at once, so a wrong URL fails here (Error kUnavailable); the
  // others open when first needed. size is at least 1.
  ConnectionPool(std::string url, int size);

  // Blocks while every connection is lent out. Throws Error kUnavailable when a connection has
  // to be (re)opened and the server does not answer.
  Lease Acquire();

 private:
  void Return(std::unique_ptr<Connection> connection);

  const std::string url_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Connection>> idle_;
  int unopened_;  // Slots with no connection: never opened yet, or dropped when broken.
};

}  // namespace gazette::store::postgres
