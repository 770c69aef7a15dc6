// What the gateway changes in messages it relays: hop-by-hop fields go (both ways), the client's
// address, scheme and host travel as X-Forwarded-For / -Proto / -Host. X-Forwarded-* from the
// client are believed only when the peer is a configured trusted proxy.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "chassis/http/message.hpp"

namespace hotel::gateway::proxy {

// Connection, Keep-Alive, TE, Trailer, Transfer-Encoding, Upgrade and every Proxy-* field.
bool is_hop_by_hop(std::string_view name);

// An upstream's answer made ready for the client, in one pass: hop-by-hop fields, the fields
// the Connection field names, Content-Length (the server sets its own) and the fields that name
// the software behind the gateway (Server, X-Powered-By) dropped.
void strip_for_client(http::Headers& headers);

class TrustedProxies {
 public:
  TrustedProxies() = default;
  explicit TrustedProxies(std::vector<std::string> addresses) : addresses_(std::move(addresses)) {}
  bool trusts(std::string_view address) const;

 private:
  std::vector<std::string> addresses_;
};

// The client as the gateway believes it to be: views into the request it was told from (valid
// while the request and its fields are unchanged) or into literals.
struct ClientInfo {
  std::string_view address;  // for per-address rate limits
  std::string_view chain;    // X-Forwarded-For from a trusted proxy, trimmed; else empty
  std::string_view peer;     // the connection's peer address
  std::string_view proto;    // "http" or "https"
  std::string_view host;     // the Host the client asked for
  // X-Forwarded-For to send on: the chain so far plus the peer.
  std::string forwarded_for() const;
};

ClientInfo client_info(const http::Request& request, const TrustedProxies& trusted);
// Its views would outlive a temporary request.
ClientInfo client_info(const http::Request&& request, const TrustedProxies& trusted) = delete;

// Whether the client reached the gateway over TLS: a trusted proxy said so in X-Forwarded-Proto.
bool came_over_tls(const http::Request& request, const TrustedProxies& trusted);

// The headers of the copy sent upstream: hop-by-hop, Expect and Host removed (the client sets
// the upstream's), X-Forwarded-* set; Authorization and everything else kept.
http::Headers upstream_headers(const http::Headers& incoming, const ClientInfo& client);

}  // namespace hotel::gateway::proxy
