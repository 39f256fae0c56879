#include "http/trusted_proxies.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "news/error.hpp"

namespace gazette::http {
namespace asio = boost::asio;
namespace {

// An IPv4 peer on an IPv6 socket shows as ::ffff:a.b.c.d; compare and report it as IPv4.
asio::ip::address Plain(const asio::ip::address& address) {
  if (address.is_v6() && address.to_v6().is_v4_mapped())
    return asio::ip::make_address_v4(asio::ip::v4_mapped, address.to_v6());
  return address;
}

std::optional<asio::ip::address> ParseAddress(std::string_view text) {
  boost::system::error_code ec;
  auto address = asio::ip::make_address(text, ec);
  if (ec) return std::nullopt;
  return Plain(address);
}

// Whether the first `bits` bits of two IPv6 addresses are equal.
bool SamePrefix(const asio::ip::address_v6::bytes_type& a, const asio::ip::address_v6::bytes_type& b, int bits) {
  for (std::size_t i = 0; bits > 0; ++i, bits -= 8) {
    const int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((a[i] & mask) != (b[i] & mask)) return false;
  }
  return true;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

}  // namespace

TrustedProxies::TrustedProxies(const std::vector<std::string>& entries) {
  for (const auto& entry : entries) {
    boost::system::error_code ec;
    const auto slash = entry.find('/');
    if (slash == std::string::npos) {
      if (auto address = ParseAddress(entry)) {
        if (address->is_v4()) v4_.emplace_back(address->to_v4(), 32);
        else v6_.emplace_back(address->to_v6(), 128);
        continue;
      }
    } else if (auto v4 = asio::ip::make_network_v4(entry, ec); !ec) {
      v4_.push_back(v4.canonical());
      continue;
    } else if (auto v6 = asio::ip::make_network_v6(entry, ec); !ec) {
      v6_.push_back(v6.canonical());
      continue;
    }
    throw Error(ErrorKind::kInvalid,
                "trusted proxy \"" + entry + "\" is neither an address nor a network such as 10.0.0.0/8");
  }
}

bool TrustedProxies::Trusts(const asio::ip::address& raw) const {
  const auto address = Plain(raw);
  if (address.is_v4()) {
    const auto value = address.to_v4().to_uint();
    return std::any_of(v4_.begin(), v4_.end(), [&](const asio::ip::network_v4& network) {
      return (value & network.netmask().to_uint()) == network.network().to_uint();
    });
  }
  const auto bytes = address.to_v6().to_bytes();
  return std::any_of(v6_.begin(), v6_.end(), [&](const asio::ip::network_v6& network) {
    return SamePrefix(bytes, network.network().to_bytes(), network.prefix_length());
  });
}

std::string TrustedProxies::ClientAddress(std::string_view peer, std::string_view forwarded_for) const {
  auto client = ParseAddress(peer);
  if (!client) return std::string(peer);
  // Right to left: each hop appended the address it received the request from.
  while (Trusts(*client) && !forwarded_for.empty()) {
    const auto comma = forwarded_for.rfind(',');
    const auto entry = Trim(comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1));
    forwarded_for = comma == std::string_view::npos ? std::string_view() : forwarded_for.substr(0, comma);
    auto hop = ParseAddress(entry);
    if (!hop) break;
    client = hop;
  }
  return client->to_string();
}

}  // namespace gazette::http
