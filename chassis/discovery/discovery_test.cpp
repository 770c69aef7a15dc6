#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <thread>

#include "chassis/discovery/endpoint.hpp"
#include "chassis/discovery/in_process_resolver.hpp"
#include "chassis/discovery/static_resolver.hpp"

namespace hotel::discovery {
namespace {

using ::testing::HasSubstr;

std::string error_of(std::string_view text) {
  try {
    parse_endpoint(text);
  } catch (const std::invalid_argument& e) {
    return e.what();
  }
  return "no error";
}

TEST(ParseEndpoint, HostAndPort) {
  EXPECT_EQ(parse_endpoint("127.0.0.1:8081"), (http::Endpoint{"127.0.0.1", 8081}));
  EXPECT_EQ(parse_endpoint("booking.internal:80"), (http::Endpoint{"booking.internal", 80}));
  EXPECT_EQ(parse_endpoint("[::1]:8081"), (http::Endpoint{"::1", 8081}));
  EXPECT_EQ(parse_endpoint("[fe80::1:2]:65535"), (http::Endpoint{"fe80::1:2", 65535}));
}

TEST(Endpoint, TextIsHostColonPortWithIpv6Bracketed) {
  EXPECT_EQ((http::Endpoint{"127.0.0.1", 8081}).str(), "127.0.0.1:8081");
  EXPECT_EQ((http::Endpoint{"booking.internal", 80}).str(), "booking.internal:80");
  EXPECT_EQ((http::Endpoint{"fe80::1:2", 65535}).str(), "[fe80::1:2]:65535");
  EXPECT_EQ((http::Endpoint{"", 0}).str(), ":0");
  for (const char* text : {"127.0.0.1:8081", "[::1]:1", "booking.internal:80"}) {
    EXPECT_EQ(parse_endpoint(text).str(), text);
  }
  const http::Endpoint longest{std::string(40, 'a'), 65535};
  std::string out(longest.host.size() + http::Endpoint::kAuthorityExtra, '#');
  out.resize(longest.write(out.data()));
  EXPECT_EQ(out, std::string(40, 'a') + ":65535");
  const http::Endpoint v6{"fe80:" + std::string(35, '1'), 65535};
  std::string bracketed(v6.host.size() + http::Endpoint::kAuthorityExtra, '#');
  EXPECT_EQ(v6.write(bracketed.data()), bracketed.size()) << "the room asked for, to the byte";
  EXPECT_EQ(bracketed, "[" + v6.host + "]:65535");
}

TEST(ParseEndpoint, RejectsMalformedWithAReason) {
  EXPECT_THAT(error_of("localhost"), HasSubstr("expected host:port"));
  EXPECT_THAT(error_of(":8080"), HasSubstr("host name"));
  EXPECT_THAT(error_of("::1:8080"), HasSubstr("IPv6 in brackets"));
  EXPECT_THAT(error_of("[]:8080"), HasSubstr("host name"));
  EXPECT_THAT(error_of("[zz]:8080"), HasSubstr("IPv6"));
  EXPECT_THAT(error_of("a b:1"), HasSubstr("host name"));
  for (const auto* port : {"h:", "h:0", "h:65536", "h:80a", "h:-1", "h:+80"}) {
    EXPECT_THAT(error_of(port), HasSubstr("port must be a number from 1 to 65535")) << port;
  }
}

TEST(ParseEndpoint, Lists) {
  EXPECT_EQ(parse_endpoint_list(" 127.0.0.1:8081 , [::1]:8091,"),
            (std::vector<http::Endpoint>{{"127.0.0.1", 8081}, {"::1", 8091}}));
  EXPECT_TRUE(parse_endpoint_list("").empty());
}

TEST(StaticResolverTest, ResolvesFromConfig) {
  const auto resolver = StaticResolver::from_config(
      {{"booking", "127.0.0.1:8083,127.0.0.1:8093"}, {"search", "127.0.0.1:8082"}});
  EXPECT_EQ(resolver.resolve("booking"),
            (std::vector<http::Endpoint>{{"127.0.0.1", 8083}, {"127.0.0.1", 8093}}));
  EXPECT_EQ(resolver.resolve("search").size(), 1u);
  EXPECT_TRUE(resolver.resolve("payment").empty());
}

TEST(StaticResolverTest, ResolveIntoReplacesWhatTheListHeld) {
  const auto resolver = StaticResolver::from_config({{"booking", "127.0.0.1:8083,127.0.0.1:8093"}});
  std::vector<http::Endpoint> out{{"stale", 1}};
  resolver.resolve_into("booking", out);
  EXPECT_EQ(out, (std::vector<http::Endpoint>{{"127.0.0.1", 8083}, {"127.0.0.1", 8093}}));
  resolver.resolve_into("payment", out);
  EXPECT_TRUE(out.empty());
}

TEST(StaticResolverTest, ErrorsNameEveryBadService) {
  try {
    StaticResolver::from_config({{"booking", "127.0.0.1:80a"}, {"hotels", "h:1"}, {"search", "x"}});
    FAIL() << "no error";
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(),
                 "service 'booking': invalid endpoint '127.0.0.1:80a': the port must be a number "
                 "from 1 to 65535\n"
                 "service 'search': invalid endpoint 'x': expected host:port");
  }
}

TEST(InProcessResolverTest, RegisterAndDeregister) {
  InProcessResolver resolver;
  EXPECT_TRUE(resolver.resolve("hotels").empty());
  resolver.register_endpoint("hotels", {"127.0.0.1", 40001});
  resolver.register_endpoint("hotels", {"127.0.0.1", 40001});
  resolver.register_endpoint("hotels", {"127.0.0.1", 40002});
  EXPECT_EQ(resolver.resolve("hotels").size(), 2u);
  resolver.deregister("hotels", {"127.0.0.1", 40001});
  EXPECT_EQ(resolver.resolve("hotels"), (std::vector<http::Endpoint>{{"127.0.0.1", 40002}}));
  resolver.deregister("hotels", {"127.0.0.1", 40002});
  resolver.deregister("nobody", {"127.0.0.1", 1});
  EXPECT_TRUE(resolver.resolve("hotels").empty());

  std::vector<http::Endpoint> out{{"stale", 1}, {"stale", 2}};
  resolver.register_endpoint("hotels", {"127.0.0.1", 40003});
  resolver.resolve_into("hotels", out);
  EXPECT_EQ(out, (std::vector<http::Endpoint>{{"127.0.0.1", 40003}}));
  resolver.resolve_into("nobody", out);
  EXPECT_TRUE(out.empty());
}

TEST(InProcessResolverTest, ConcurrentRegistrationAndLookup) {
  InProcessResolver resolver;
  constexpr int kThreads = 4;
  constexpr int kPorts = 500;
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int port = 1; port <= kPorts; ++port) {
        resolver.register_endpoint("svc" + std::to_string(t),
                                   {"127.0.0.1", static_cast<std::uint16_t>(port)});
        (void)resolver.resolve("svc0");
      }
    });
  }
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) {
    EXPECT_EQ(resolver.resolve("svc" + std::to_string(t)).size(), static_cast<std::size_t>(kPorts));
  }
}

}  // namespace
}  // namespace hotel::discovery
