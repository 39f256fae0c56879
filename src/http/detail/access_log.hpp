#pragma once
// The access log: one line per answered request on the spdlog logger named "access".
#include <chrono>
#include <memory>
#include <string>
#include <string_view>

#include <spdlog/logger.h>

namespace gazette::http::detail {

struct AccessRecord {
  std::string_view client_address;
  std::string_view method;  // "-" when the request line could not be read.
  std::string_view target;
  int status = 0;
  std::size_t body_bytes = 0;  // Body bytes sent: 0 for HEAD and 304.
  std::chrono::steady_clock::duration duration{};
  std::string_view user_agent;
};

// `127.0.0.1 "GET /x" 200 512 1.7ms "curl/8.0"`. Quotes, backslashes and bytes outside
// printable ASCII in the target and user agent are written as \xNN, so a line stays one line.
std::string FormatAccess(const AccessRecord& record);

// The registered "access" logger, or a new one writing to stdout. Thread-safe.
std::shared_ptr<spdlog::logger> AccessLogger();

}  // namespace gazette::http::detail
