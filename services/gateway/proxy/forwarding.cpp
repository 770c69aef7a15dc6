#include "services/gateway/proxy/forwarding.hpp"

#include <algorithm>
#include <array>

namespace hotel::gateway::proxy {
namespace {

using http::ascii_iequals;

bool istarts_with(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && ascii_iequals(text.substr(0, prefix.size()), prefix);
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

// Calls `visit(item)` for the comma-separated items of a field value, trimmed, empty ones
// dropped.
template <class Visit>
void each_item(std::string_view value, Visit visit) {
  while (!value.empty()) {
    const auto comma = value.find(',');
    const auto item = trim(value.substr(0, comma));
    if (!item.empty()) visit(item);
    if (comma == std::string_view::npos) break;
    value.remove_prefix(comma + 1);
  }
}

std::vector<std::string_view> items(std::string_view value) {
  std::vector<std::string_view> out;
  each_item(value, [&](std::string_view item) { out.push_back(item); });
  return out;
}

}  // namespace

// Told apart by length first: most names a request carries have none of these lengths.
bool is_hop_by_hop(std::string_view name) {
  switch (name.size()) {
    case 2:
      return ascii_iequals(name, "TE");
    case 7:
      return ascii_iequals(name, "Trailer") || ascii_iequals(name, "Upgrade");
    case 10:
      return ascii_iequals(name, "Connection") || ascii_iequals(name, "Keep-Alive");
    case 17:
      if (ascii_iequals(name, "Transfer-Encoding")) return true;
      break;
    default:
      break;
  }
  return istarts_with(name, "Proxy-");
}

namespace {

// The field names the Connection fields list, joined by commas: "Connection: close, X-Secret"
// names X-Secret (and a field named Close) for this hop only. "keep-alive", the usual item,
// names only Keep-Alive, which is hop-by-hop anyway: it is left out, so that the usual answer
// lists nothing and no field is looked for in the list.
std::string connection_items(const http::Headers& headers) {
  std::string joined;
  for (const auto& [name, value] : headers.fields()) {
    if (!ascii_iequals(name, "Connection")) continue;
    each_item(value, [&](std::string_view item) {
      if (ascii_iequals(item, "keep-alive")) return;
      if (!joined.empty()) joined.push_back(',');
      joined.append(item);
    });
  }
  return joined;
}

bool is_listed(std::string_view list, std::string_view name) {
  while (!list.empty()) {
    const auto comma = list.find(',');
    if (ascii_iequals(trim(list.substr(0, comma)), name)) return true;
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return false;
}

// Whether a field stays with this hop: hop-by-hop, named by Connection, or Content-Length (the
// writer of the next message sets its own).
bool stays_with_hop(std::string_view name, std::string_view connection) {
  return is_hop_by_hop(name) || (name.size() == 14 && ascii_iequals(name, "Content-Length")) ||
         (!connection.empty() && is_listed(connection, name));
}

// Fields the gateway sets itself on the way up: Host, Expect, X-Forwarded-For, -Proto, -Host
// and Forwarded. Expect: the gateway read the whole body already; an upstream's "100 Continue"
// would be taken for its answer.
bool is_set_by_gateway(std::string_view name) {
  switch (name.size()) {
    case 4:
      return ascii_iequals(name, "Host");
    case 6:
      return ascii_iequals(name, "Expect");
    case 9:
      return ascii_iequals(name, "Forwarded");
    case 15:
      return ascii_iequals(name, "X-Forwarded-For");
    case 16:
      return ascii_iequals(name, "X-Forwarded-Host");
    case 17:
      return ascii_iequals(name, "X-Forwarded-Proto");
    default:
      return false;
  }
}

}  // namespace

namespace {

bool names_software(std::string_view name) {
  return (name.size() == 6 && ascii_iequals(name, "Server")) ||
         (name.size() == 12 && ascii_iequals(name, "X-Powered-By"));
}

}  // namespace

void strip_for_client(http::Headers& headers) {
  const std::string connection = connection_items(headers);
  headers.remove_if([&](std::string_view name) {
    return stays_with_hop(name, connection) || names_software(name);
  });
}

bool TrustedProxies::trusts(std::string_view address) const {
  return std::find(addresses_.begin(), addresses_.end(), address) != addresses_.end();
}

namespace {

bool said_https(const http::Request& request) {
  const auto proto = request.headers.find("X-Forwarded-Proto");
  if (!proto) return false;
  const auto first = items(*proto);
  return !first.empty() && ascii_iequals(first.front(), "https");
}

}  // namespace

bool came_over_tls(const http::Request& request, const TrustedProxies& trusted) {
  return trusted.trusts(request.remote_address) && said_https(request);
}

std::string ClientInfo::forwarded_for() const {
  if (chain.empty()) return std::string(peer);
  std::string joined;
  joined.reserve(chain.size() + 2 + peer.size());
  joined.append(chain).append(", ").append(peer);
  return joined;
}

ClientInfo client_info(const http::Request& request, const TrustedProxies& trusted) {
  ClientInfo client;
  client.address = request.remote_address;
  client.peer = request.remote_address;
  client.proto = "http";
  client.host = request.headers.find("Host").value_or(std::string_view());
  if (!trusted.trusts(request.remote_address)) return client;
  if (auto chain = request.headers.find("X-Forwarded-For")) {
    // The nearest address no trusted proxy claims is the client.
    const auto hops = items(*chain);
    for (auto it = hops.rbegin(); it != hops.rend(); ++it) {
      client.address = *it;
      if (!trusted.trusts(*it)) break;
    }
    if (!hops.empty()) client.chain = trim(*chain);
  }
  if (said_https(request)) client.proto = "https";
  if (auto host = request.headers.find("X-Forwarded-Host"); host && !trim(*host).empty()) {
    client.host = trim(*host);
  }
  return client;
}

http::Headers upstream_headers(const http::Headers& incoming, const ClientInfo& client) {
  const std::string connection = connection_items(incoming);
  http::Headers headers;
  headers.reserve(incoming.size() + 3, incoming.text_size() + client.chain.size() +
                                           client.peer.size() + client.proto.size() +
                                           client.host.size() + 64);
  headers.add_all(incoming);  // keeps a parser's marks: not checked again when written
  headers.remove_if([&](std::string_view name) {
    return stays_with_hop(name, connection) || is_set_by_gateway(name);
  });
  headers.add("X-Forwarded-For", client.forwarded_for());
  headers.add("X-Forwarded-Proto", client.proto);
  if (!client.host.empty()) headers.add("X-Forwarded-Host", client.host);
  return headers;
}

}  // namespace hotel::gateway::proxy
