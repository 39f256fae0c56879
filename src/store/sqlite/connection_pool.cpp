#include "store/sqlite/connection_pool.hpp"

namespace gazette::store::sqlite {

ConnectionPool::Lease::~Lease() {
  if (pool_) pool_->Return(*connection_, writer_);
}

ConnectionPool::ConnectionPool(std::filesystem::path path, int max_readers)
    : path_(std::move(path)), max_readers_(max_readers), writer_(std::make_unique<Connection>(path_)) {}

ConnectionPool::Lease ConnectionPool::Writer() {
  writer_mutex_.lock();
  return Lease(*this, *writer_, true);
}

ConnectionPool::Lease ConnectionPool::Reader() {
  std::unique_lock lock(readers_mutex_);
  if (idle_readers_.empty() && static_cast<int>(readers_.size()) < max_readers_) {
    readers_.push_back(std::make_unique<Connection>(path_));
    return Lease(*this, *readers_.back(), false);
  }
  reader_returned_.wait(lock, [&] { return !idle_readers_.empty(); });
  Connection* connection = idle_readers_.back();
  idle_readers_.pop_back();
  return Lease(*this, *connection, false);
}

void ConnectionPool::Return(Connection& connection, bool writer) {
  connection.ResetStatements();
  if (writer) {
    writer_mutex_.unlock();
    return;
  }
  {
    std::lock_guard lock(readers_mutex_);
    idle_readers_.push_back(&connection);
  }
  reader_returned_.notify_one();
}

}  // namespace gazette::store::sqlite
