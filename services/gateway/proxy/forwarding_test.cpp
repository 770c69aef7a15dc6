#include "services/gateway/proxy/forwarding.hpp"

#include <gtest/gtest.h>

namespace hotel::gateway::proxy {
namespace {

using FieldList = std::vector<std::pair<std::string, std::string>>;

http::Headers fields(const FieldList& list) {
  http::Headers headers;
  for (const auto& [name, value] : list) headers.add(name, value);
  return headers;
}

std::vector<std::string> names(const http::Headers& headers) {
  std::vector<std::string> out;
  for (const auto& [name, value] : headers.fields()) out.emplace_back(name);
  return out;
}

TEST(GatewayForwarding, HopByHopFieldsAreRecognised) {
  for (const char* name :
       {"Connection", "keep-alive", "TE", "Trailer", "Transfer-Encoding", "upgrade",
        "Proxy-Authorization", "Proxy-Authenticate", "Proxy-Connection"}) {
    EXPECT_TRUE(is_hop_by_hop(name)) << name;
  }
  // Names of the same lengths as the hop-by-hop ones, and names only starting alike.
  for (const char* name :
       {"Authorization", "Content-Type", "Tea", "X-Proxy", "TF", "Trailed", "Upgraded",
        "Connexion!", "Keep-Alivz", "Transfer-Encodinx", "Proxy", "Prox-Connection"}) {
    EXPECT_FALSE(is_hop_by_hop(name)) << name;
  }
}

TEST(GatewayForwarding, StripsHopByHopAndWhatConnectionNames) {
  http::Headers headers = fields({{"Connection", "keep-alive, X-Session-Secret"},
                                  {"Keep-Alive", "timeout=5"},
                                  {"x-session-secret", "s"},
                                  {"Transfer-Encoding", "chunked"},
                                  {"Content-Length", "12"},
                                  {"Upgrade", "websocket"},
                                  {"Proxy-Authorization", "Basic abc"},
                                  {"Authorization", "Bearer t"},
                                  {"Content-Type", "application/json"}});
  strip_for_client(headers);
  EXPECT_EQ(names(headers), (std::vector<std::string>{"Authorization", "Content-Type"}));
}

TEST(GatewayForwarding, EveryConnectionFieldNamesFieldsForThisHop) {
  http::Headers headers = fields({{"Connection", "close"},
                                  {"X-Other", "o"},
                                  {"close", "named by the option"},
                                  {"connection", " , X-OTHER ,keep-alive"},
                                  {"Keep-Alive", "timeout=5"},
                                  {"Date", "d"}});
  strip_for_client(headers);
  EXPECT_EQ(names(headers), (std::vector<std::string>{"Date"}));
}

TEST(GatewayForwarding, AnswersForTheClientNameNoSoftwareBehindTheGateway) {
  http::Headers headers = fields({{"Server", "nginx/1.22.1"},
                                  {"x-powered-by", "Express"},
                                  {"Connection", "keep-alive"},
                                  {"Date", "d"},
                                  {"Servers", "a field of another name"},
                                  {"Content-Type", "application/json"}});
  strip_for_client(headers);
  EXPECT_EQ(names(headers), (std::vector<std::string>{"Date", "Servers", "Content-Type"}));
}

http::Request from(std::string peer) {
  http::Request request;
  request.remote_address = std::move(peer);
  request.headers.add("Host", "hotel.example");
  request.headers.add("X-Forwarded-For", "6.6.6.6");
  request.headers.add("X-Forwarded-Proto", "https");
  request.headers.add("X-Forwarded-Host", "evil.example");
  return request;
}

TEST(GatewayForwarding, UntrustedPeersCannotClaimAnotherAddressOrTls) {
  const http::Request request = from("10.0.0.9");
  const auto client = client_info(request, TrustedProxies({"10.0.0.1"}));
  EXPECT_EQ(client.address, "10.0.0.9");
  EXPECT_EQ(client.forwarded_for(), "10.0.0.9");
  EXPECT_EQ(client.proto, "http");
  EXPECT_EQ(client.host, "hotel.example");
}

TEST(GatewayForwarding, TrustedProxiesAreBelieved) {
  http::Request request = from("10.0.0.1");
  request.headers.set("X-Forwarded-For", "203.0.113.7, 10.0.0.2");
  const auto client = client_info(request, TrustedProxies({"10.0.0.1", "10.0.0.2"}));
  EXPECT_EQ(client.address, "203.0.113.7") << "the nearest address no trusted proxy claims";
  EXPECT_EQ(client.forwarded_for(), "203.0.113.7, 10.0.0.2, 10.0.0.1");
  EXPECT_EQ(client.proto, "https");
  EXPECT_EQ(client.host, "evil.example");
}

TEST(GatewayForwarding, UpstreamHeadersCarryTheClientAndKeepAuthorization) {
  http::Headers incoming;
  incoming.add("Host", "hotel.example");
  incoming.add("Authorization", "Bearer token");
  incoming.add("X-Forwarded-For", "6.6.6.6");
  incoming.add("Forwarded", "for=6.6.6.6");
  incoming.add("Connection", "close");
  incoming.add("Idempotency-Key", "k-1");
  incoming.add("Expect", "100-continue");
  const auto headers =
      upstream_headers(incoming, ClientInfo{"1.2.3.4", "", "1.2.3.4", "http", "h"});
  EXPECT_FALSE(headers.has("Host")) << "the client names the upstream";
  EXPECT_FALSE(headers.has("Forwarded"));
  EXPECT_FALSE(headers.has("Connection"));
  EXPECT_FALSE(headers.has("Expect")) << "the body was read already";
  EXPECT_EQ(headers.get("Authorization"), "Bearer token");
  EXPECT_EQ(headers.get("Idempotency-Key"), "k-1");
  EXPECT_EQ(headers.get("X-Forwarded-For"), "1.2.3.4");
  EXPECT_EQ(headers.get("X-Forwarded-Proto"), "http");
  EXPECT_EQ(headers.get("X-Forwarded-Host"), "h");

  const auto relayed = upstream_headers(
      incoming, ClientInfo{"203.0.113.7", "203.0.113.7, 10.0.0.2", "10.0.0.1", "https", ""});
  EXPECT_EQ(relayed.get("X-Forwarded-For"), "203.0.113.7, 10.0.0.2, 10.0.0.1");
  EXPECT_EQ(relayed.get("X-Forwarded-Proto"), "https");
  EXPECT_FALSE(relayed.has("X-Forwarded-Host")) << "no host, no field";
}

}  // namespace
}  // namespace hotel::gateway::proxy
