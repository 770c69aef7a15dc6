// Token verifications per second: from the verified-token cache, and the full path (decode,
// header and issuer checks, RS256 signature, claims). Also the cost of signing a token.
#include <benchmark/benchmark.h>

#include <memory>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include "chassis/auth/jwt.hpp"
#include "chassis/auth/testing/tokens.hpp"
#include "chassis/auth/verifier.hpp"

namespace hotel::auth {
namespace {

using testing::TokenFactory;

const core::Clock& clock() { return core::SystemClock::instance(); }

std::unique_ptr<Verifier> make_verifier(std::size_t cache_size) {
  VerifierOptions options;
  options.issuers.push_back({std::string(testing::kIssuer),
                             std::make_shared<StaticJwksSource>(
                                 testing::jwks_of({{testing::kKid, &testing::issuer_key()}})),
                             {std::string(testing::kClientId)}});
  options.cache_size = cache_size;
  return std::make_unique<Verifier>(std::move(options), clock());
}

// A customer's access token as Cognito shapes it (about 900 bytes).
std::string customer_token() {
  const TokenFactory tokens(clock());
  return tokens.sign(tokens.access_claims("customer-0001", {"Customers"}));
}

// Runs the benchmark loop inside one coroutine on a single-threaded io_context, the way a
// connection's coroutine awaits the verifier.
void verify_loop(benchmark::State& state, Verifier& verifier, const std::string& token) {
  boost::asio::io_context io;
  boost::asio::co_spawn(
      io,
      [&]() -> boost::asio::awaitable<void> {
        for (auto _ : state) {
          auto principal = co_await verifier.verify(token);
          benchmark::DoNotOptimize(principal);
        }
      },
      boost::asio::detached);
  io.run();
  state.SetItemsProcessed(state.iterations());
  state.counters["token_bytes"] =
      benchmark::Counter(static_cast<double>(token.size()), benchmark::Counter::kAvgThreads);
}

void BM_VerifyCached(benchmark::State& state) {
  static const auto verifier = make_verifier(10'000);
  verify_loop(state, *verifier, customer_token());
}
BENCHMARK(BM_VerifyCached)->Threads(1)->Threads(2)->UseRealTime();

void BM_VerifyUncached(benchmark::State& state) {
  static const auto verifier = make_verifier(0);
  verify_loop(state, *verifier, customer_token());
}
BENCHMARK(BM_VerifyUncached)->Threads(1)->Threads(2)->UseRealTime();

void BM_SignRs256(benchmark::State& state) {
  const TokenFactory tokens(clock());
  const auto claims = tokens.access_claims("customer-0001", {"Customers"});
  for (auto _ : state) {
    benchmark::DoNotOptimize(sign_jwt(claims, testing::issuer_key(), testing::kKid));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SignRs256);

}  // namespace
}  // namespace hotel::auth

BENCHMARK_MAIN();
