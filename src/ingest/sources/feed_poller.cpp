#include "ingest/sources/feed_poller.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "ingest/sources/drop_folder.hpp"
#include "news/error.hpp"

namespace gazette::ingest {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

struct Url {
  std::string host;
  std::string port = "80";
  std::string target = "/";
};

Url ParseUrl(const std::string& url) {
  constexpr std::string_view kScheme = "http://";
  if (!url.starts_with(kScheme))
    throw Error(ErrorKind::kInvalid, fmt::format("feed {}: only http:// URLs are polled", url));
  Url parsed;
  const auto rest = std::string_view(url).substr(kScheme.size());
  const auto slash = rest.find('/');
  auto authority = rest.substr(0, slash);
  if (slash != std::string_view::npos) parsed.target = std::string(rest.substr(slash));
  std::size_t colon = std::string_view::npos;
  if (authority.starts_with('[')) {  // [::1]:8080
    const auto close = authority.find(']');
    if (close != std::string_view::npos && close + 1 < authority.size() && authority[close + 1] == ':') colon = close + 1;
    parsed.host = std::string(authority.substr(1, close == std::string_view::npos ? 0 : close - 1));
  } else {
    colon = authority.rfind(':');
    parsed.host = std::string(authority.substr(0, colon));
  }
  if (colon != std::string_view::npos) parsed.port = std::string(authority.substr(colon + 1));
  if (parsed.host.empty() || parsed.port.empty()) throw Error(ErrorKind::kInvalid, fmt::format("feed {}: no host", url));
  return parsed;
}

}  // namespace

PollReport FeedPoller::PollAll() {
  PollReport total;
  for (const auto& source : ingester_.settings().sources)
    for (const auto& url : source.feeds) {
      try {
        const auto report = Poll(source, url);
        total.fetched += report.fetched;
        total.not_modified += report.not_modified;
        total.failed += report.failed;
      } catch (const std::exception& e) {
        ++total.failed;
        spdlog::error("ingest {}: polling {}: {}", source.name, url, e.what());
      }
    }
  return total;
}

PollReport FeedPoller::Poll(const SourceSettings& source, const std::string& url) {
  const auto where = ParseUrl(url);
  Validators known;
  {
    std::lock_guard lock(mutex_);
    known = validators_[url];
  }

  boost::asio::io_context io;
  tcp::resolver resolver(io);
  beast::tcp_stream stream(io);
  http::response_parser<http::string_body> parser;
  parser.body_limit(ingester_.settings().max_bytes);
  try {
    stream.expires_after(std::chrono::seconds(30));
    stream.connect(resolver.resolve(where.host, where.port));
    http::request<http::empty_body> request(http::verb::get, where.target, 11);
    request.set(http::field::host, where.port == "80" ? where.host : where.host + ":" + where.port);
    request.set(http::field::user_agent, "Gazette feed poller");
    request.set(http::field::accept, "application/rss+xml, application/atom+xml, application/xml, text/xml, */*");
    if (!known.etag.empty()) request.set(http::field::if_none_match, known.etag);
    if (!known.last_modified.empty()) request.set(http::field::if_modified_since, known.last_modified);
    http::write(stream, request);
    beast::flat_buffer buffer;
    http::read(stream, buffer, parser);
  } catch (const boost::system::system_error& e) {
    throw Error(ErrorKind::kUnavailable, fmt::format("feed {}: {}", url, e.code().message()));
  }
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);

  const auto& response = parser.get();
  PollReport report;
  if (response.result() == http::status::not_modified) {
    ++report.not_modified;
    spdlog::debug("ingest {}: {} not modified", source.name, url);
    return report;
  }
  if (response.result() != http::status::ok)
    throw Error(ErrorKind::kUnavailable, fmt::format("feed {}: the server answered {}", url, response.result_int()));

  try {
    const auto file = ingester_.Ingest(source, response.body());
    ++report.fetched;
    spdlog::info("ingest {}: feed {} ({}): {} applied, {} unchanged, {} refused", source.name, url,
                 news::WireFormatName(file.format), file.applied, file.stale, file.refused);
  } catch (const ParseError& e) {
    ++report.failed;
    std::string kept;
    try {
      if (auto path = QuarantineBytes(source, "feed", response.body(), e)) kept = path->filename().string();
    } catch (const std::exception& failure) {
      spdlog::error("ingest {}: cannot keep feed {} in quarantine: {}", source.name, url, failure.what());
    }
    spdlog::error("ingest {}: feed {} quarantined{} ({}): {}", source.name, url, kept.empty() ? "" : " as " + kept,
                  ParseProblemName(e.problem()), e.what());
  }
  // Store errors propagate before this: the validators are kept only once the feed was handled,
  // so a feed that failed is fetched in full next time.
  Validators fresh;
  if (auto etag = response.find(http::field::etag); etag != response.end()) fresh.etag = std::string(etag->value());
  if (auto modified = response.find(http::field::last_modified); modified != response.end())
    fresh.last_modified = std::string(modified->value());
  std::lock_guard lock(mutex_);
  validators_[url] = fresh;
  return report;
}

}  // namespace gazette::ingest
