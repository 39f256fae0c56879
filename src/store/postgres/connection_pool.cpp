#include "store/postgres/connection_pool.hpp"

#include <algorithm>

namespace gazette::store::postgres {

ConnectionPool::Lease::~Lease() {
  if (pool_) pool_->Return(std::move(connection_));
}

ConnectionPool::ConnectionPool(std::string url, int size) : url_(std::move(url)), unopened_(std::max(1, size) - 1) {
  idle_.push_back(std::make_unique<Connection>(url_));
}

ConnectionPool::Lease ConnectionPool::Acquire() {
  std::unique_lock lock(mutex_);
  returned_.wait(lock, [&] { return !idle_.empty() || unopened_ > 0; });
  if (!idle_.empty()) {
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    return Lease(*this, std::move(connection));
  }
  --unopened_;
  lock.unlock();
  try {
    // Connecting takes a round trip or more: never while holding the lock.
    return Lease(*this, std::make_unique<Connection>(url_));
  } catch (...) {
    lock.lock();
    ++unopened_;
    lock.unlock();
    returned_.notify_one();
    throw;
  }
}

void ConnectionPool::Return(std::unique_ptr<Connection> connection) {
  // A connection mid-transaction or cut off cannot serve the next borrower: replace it.
  if (!connection->Reusable()) {
    connection->RollbackQuietly();
    if (!connection->Reusable()) connection.reset();
  }
  {
    std::lock_guard lock(mutex_);
    if (connection) idle_.push_back(std::move(connection));
    else ++unopened_;
  }
  returned_.notify_one();
}

}  // namespace gazette::store::postgres
