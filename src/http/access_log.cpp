#include "http/detail/access_log.hpp"

#include <fmt/format.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace gazette::http::detail {
namespace {

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte >= 0x7f || c == '"' || c == '\\') {
      out += fmt::format("\\x{:02x}", byte);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace

std::string FormatAccess(const AccessRecord& record) {
  double ms = std::chrono::duration<double, std::milli>(record.duration).count();
  return fmt::format("{} \"{} {}\" {} {} {:.1f}ms \"{}\"", record.client_address, record.method,
                     Escape(record.target), record.status, record.body_bytes, ms,
                     Escape(record.user_agent));
}

std::shared_ptr<spdlog::logger> AccessLogger() {
  if (auto logger = spdlog::get("access")) return logger;
  try {
    return spdlog::stdout_logger_mt("access");
  } catch (const spdlog::spdlog_ex&) {
    return spdlog::get("access");  // Another server registered it in the meantime.
  }
}

}  // namespace gazette::http::detail
