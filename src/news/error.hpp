#pragma once
// The one error type of Gazette: a kind that http/ maps to a status, and a message for people.
#include <stdexcept>
#include <string>

namespace gazette {

enum class ErrorKind { kNotFound, kInvalid, kConflict, kUnavailable, kInternal };

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const { return kind_; }

 private:
  ErrorKind kind_;
};

}  // namespace gazette
