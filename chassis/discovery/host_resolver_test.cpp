#include "chassis/discovery/host_resolver.hpp"

#include <gtest/gtest.h>

namespace hotel::discovery {
namespace {

TEST(HostResolver, ConfiguredBeatsLocalBeatsFallback) {
  HostResolver resolver({{"search", {{"10.0.0.1", 9000}}}}, {{"search", {"127.0.0.1", 8083}},
                                                             {"hotels", {"127.0.0.1", 8082}},
                                                             {"booking", {"127.0.0.1", 0}}});
  EXPECT_EQ(resolver.resolve("hotels"), (std::vector<http::Endpoint>{{"127.0.0.1", 8082}}));
  resolver.register_local("hotels", {"127.0.0.1", 41000});
  resolver.register_local("search", {"127.0.0.1", 41001});
  EXPECT_EQ(resolver.resolve("hotels"), (std::vector<http::Endpoint>{{"127.0.0.1", 41000}}));
  EXPECT_EQ(resolver.resolve("search"), (std::vector<http::Endpoint>{{"10.0.0.1", 9000}}));
  // A service configured on port 0 (any free port) elsewhere cannot be guessed.
  EXPECT_TRUE(resolver.resolve("booking").empty());
  EXPECT_TRUE(resolver.resolve("unknown").empty());
  resolver.deregister_local("hotels", {"127.0.0.1", 41000});
  EXPECT_EQ(resolver.resolve("hotels"), (std::vector<http::Endpoint>{{"127.0.0.1", 8082}}));
}

TEST(HostResolver, ResolveIntoReplacesWhatTheListHeld) {
  HostResolver resolver({{"search", {{"10.0.0.1", 9000}, {"10.0.0.2", 9000}}}},
                        {{"hotels", {"127.0.0.1", 8082}}, {"booking", {"127.0.0.1", 0}}});
  std::vector<http::Endpoint> out{{"stale", 1}, {"stale", 2}, {"stale", 3}};
  resolver.resolve_into("search", out);
  EXPECT_EQ(out, (std::vector<http::Endpoint>{{"10.0.0.1", 9000}, {"10.0.0.2", 9000}}));
  resolver.resolve_into("hotels", out);
  EXPECT_EQ(out, (std::vector<http::Endpoint>{{"127.0.0.1", 8082}}));
  resolver.register_local("hotels", {"127.0.0.1", 41000});
  resolver.resolve_into("hotels", out);
  EXPECT_EQ(out, (std::vector<http::Endpoint>{{"127.0.0.1", 41000}}));
  resolver.resolve_into("booking", out);
  EXPECT_TRUE(out.empty());
  out.assign(2, {"stale", 1});
  resolver.resolve_into("unknown", out);
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace hotel::discovery
