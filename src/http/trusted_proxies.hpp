#pragma once
// Which peers may say who the client is. Behind a load balancer every connection comes from it,
// and the visitor's address is in X-Forwarded-For; the comment rate limit, the address block
// list and the sign-in slow-down need the visitor's. See docs/http.md, "Client address".
#include <string>
#include <string_view>
#include <vector>

#include <boost/asio/ip/address.hpp>
#include <boost/asio/ip/network_v4.hpp>
#include <boost/asio/ip/network_v6.hpp>

namespace gazette::http {

class TrustedProxies {
 public:
  TrustedProxies() = default;  // Trusts nobody: the peer is the client.
  // Addresses or networks: "127.0.0.1", "10.0.0.0/8", "::1", "fd00::/8". Throws Error kInvalid
  // naming the first entry that is neither.
  explicit TrustedProxies(const std::vector<std::string>& entries);

  bool empty() const { return v4_.empty() && v6_.empty(); }
  bool Trusts(const boost::asio::ip::address& address) const;

  // The client's address. The peer's own, unless it is trusted: then the nearest address in
  // `forwarded_for` (the X-Forwarded-For values, joined by commas) that is not a trusted proxy,
  // read from the right, because every entry left of it is whatever the client chose to send.
  // An entry that is not an address ends the walk at the last address read.
  std::string ClientAddress(std::string_view peer, std::string_view forwarded_for) const;

 private:
  std::vector<boost::asio::ip::network_v4> v4_;
  std::vector<boost::asio::ip::network_v6> v6_;
};

}  // namespace gazette::http
