// The gateway for bench/gateway_vs_nginx.sh: the real gateway service (built-in route table,
// middleware chain, the chassis verifier trusting the test issuer) on a free port in front of
// one upstream endpoint for every service. Prints one JSON line with the port and a signed
// customer access token, then serves until SIGTERM or SIGINT.
// Usage: gateway_bench <upstream host:port> [access-log directory]
#include <csignal>
#include <iostream>

#include <boost/json.hpp>

#include "chassis/auth/middleware.hpp"
#include "chassis/auth/testing/tokens.hpp"
#include "chassis/discovery/endpoint.hpp"
#include "chassis/observe/logger.hpp"
#include "services/gateway/testing/gateway_harness.hpp"
#include "services/gateway/testing/test_issuer.hpp"

int main(int argc, char** argv) {
  using namespace hotel;
  if (argc != 2 && argc != 3) {
    std::cerr << "usage: gateway_bench <upstream host:port> [access-log directory]\n";
    return 2;
  }
  // With a directory, the access log is on (one line per request to <directory>/gateway.log,
  // as a deployed gateway writes it); without, only warnings, to stdout.
  const bool access_log = argc == 3;
  if (access_log) {
    observe::configure_logging(
        {.level = observe::Level::kInfo, .to_stdout = false, .directory = argv[2]});
  } else {
    observe::configure_logging({.level = observe::Level::kWarn});
  }
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);  // before any thread starts

  const http::Endpoint upstream = discovery::parse_endpoint(argv[1]);
  gateway::testing::HarnessOptions options;
  for (const char* service :
       {"identity", "hotels", "search", "booking", "payment", "notification"}) {
    options.upstreams[service] = {upstream};
  }
  options.env = gateway::testing::without_rate_limits();
  options.auth = auth::auth_middleware(gateway::testing::test_issuer_verifier());
  options.access_log = access_log;
  gateway::testing::GatewayHarness gateway(std::move(options));

  auth::testing::TokenFactory tokens(core::SystemClock::instance());
  tokens.lifetime = std::chrono::hours(6);
  boost::json::object line{{"msg", "listening"},
                           {"service", "gateway"},
                           {"port", gateway.port()},
                           {"token", tokens.sign(tokens.access_claims("bench-customer"))}};
  std::cout << boost::json::serialize(line) << std::endl;

  int received = 0;
  sigwait(&signals, &received);
  return 0;
}
