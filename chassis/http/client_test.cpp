#include "chassis/http/client.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_future.hpp>

#include "chassis/core/runtime.hpp"
#include "chassis/http/testing/scripted_server.hpp"

namespace hotel::http {
namespace {

using std::chrono::milliseconds;
using testing::ScriptedServer;

Response echo(const Request& request) {
  Response response = Response::text(200, request.body.empty() ? "hello" : request.body);
  response.headers.set("X-Method", std::string(method_name(request.method)));
  return response;
}

class HttpClientTest : public ::testing::Test {
 protected:
  HttpClientTest() { runtime_.start(); }

  // Runs one call on the runtime and waits for it.
  Response call(HttpClient& client, const Endpoint& endpoint, Request request,
                CallOptions options = {}) {
    return boost::asio::co_spawn(runtime_.io(), client.send(endpoint, std::move(request), options),
                                 boost::asio::use_future)
        .get();
  }

  // The kind of ClientError the call failed with.
  ClientError::Kind failure(HttpClient& client, const Endpoint& endpoint, Request request,
                            CallOptions options = {}) {
    try {
      call(client, endpoint, std::move(request), options);
    } catch (const ClientError& error) {
      return error.kind();
    }
    ADD_FAILURE() << "the call did not fail";
    return ClientError::Kind::kClosed;
  }

  static Request get(std::string target) {
    Request request;
    request.target = std::move(target);
    return request;
  }

  core::Runtime runtime_{2, 1};
  ScriptedServer server_{echo};
};

TEST_F(HttpClientTest, GetRoundTrip) {
  HttpClient client(runtime_);
  const Response response = call(client, server_.endpoint(), get("/v1/hotels?city=Oslo"));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "hello");
  EXPECT_EQ(response.headers.get("x-method"), "GET");
  ASSERT_EQ(server_.requests().size(), 1u);
  EXPECT_EQ(server_.requests()[0].target, "/v1/hotels?city=Oslo");
  EXPECT_EQ(server_.requests()[0].headers.get("Host"), server_.endpoint().str());
}

TEST_F(HttpClientTest, PostRoundTripWithHeadersAndBody) {
  HttpClient client(runtime_);
  Request request = get("/v1/bookings");
  request.method = Method::kPost;
  request.headers.set("Content-Type", "application/json");
  request.headers.set("Idempotency-Key", "k-1");
  request.body = R"({"rooms":1})";
  const Response response = call(client, server_.endpoint(), request);
  EXPECT_EQ(response.body, R"({"rooms":1})");
  EXPECT_EQ(response.headers.get("X-Method"), "POST");
  const Request seen = server_.requests().at(0);
  EXPECT_EQ(seen.headers.get("Idempotency-Key"), "k-1");
  EXPECT_EQ(seen.headers.get("Content-Length"), "11");
}

TEST_F(HttpClientTest, SendCopyLeavesTheRequestAndNeedsItOnlyUntilItReturns) {
  HttpClient client(runtime_);
  auto request = std::make_unique<Request>(get("/v1/bookings"));
  request->method = Method::kPost;
  request->headers.set("Idempotency-Key", "k-2");
  request->body = R"({"rooms":2})";
  auto call = client.send_copy(server_.endpoint(), *request);
  EXPECT_EQ(request->body, R"({"rooms":2})");  // copied, not moved
  request.reset();                             // gone before the call runs
  const Response response =
      boost::asio::co_spawn(runtime_.io(), std::move(call), boost::asio::use_future).get();
  EXPECT_EQ(response.body, R"({"rooms":2})");
  EXPECT_EQ(server_.requests().at(0).headers.get("Idempotency-Key"), "k-2");
}

TEST_F(HttpClientTest, ReusesKeepAliveConnections) {
  HttpClient client(runtime_);
  for (int i = 0; i < 4; ++i) call(client, server_.endpoint(), get("/ping"));
  EXPECT_EQ(server_.connections(), 1u);
  EXPECT_EQ(server_.requests().size(), 4u);
  EXPECT_EQ(client.idle_connections(), 1u);
}

// A caller off the event loops (a worker) has its calls made on the loops in turn, each with its
// own pool; the client then goes while its connections are idle on both loops.
TEST_F(HttpClientTest, CallsFromAWorkerUseTheLoopsInTurnAndTheirPools) {
  boost::asio::thread_pool workers(1);
  {
    HttpClient client(runtime_);
    for (int i = 0; i < 4; ++i) {
      const Response response =
          boost::asio::co_spawn(workers, client.send(server_.endpoint(), get("/ping")),
                                boost::asio::use_future)
              .get();
      EXPECT_EQ(response.status, 200);
    }
    EXPECT_EQ(server_.connections(), 2u);  // one per loop, each used twice
    EXPECT_EQ(server_.requests().size(), 4u);
    EXPECT_EQ(client.idle_connections(), 2u);
  }
  // The loops still run and serve other calls after closing the client's connections.
  HttpClient other(runtime_);
  EXPECT_EQ(call(other, server_.endpoint(), get("/after")).status, 200);
  workers.join();
}

TEST_F(HttpClientTest, ServerClosingAPooledConnectionIsRetriedOnAFreshOne) {
  HttpClient client(runtime_);
  call(client, server_.endpoint(), get("/first"));
  ASSERT_EQ(client.idle_connections(), 1u);
  server_.close_connections();
  const Response response = call(client, server_.endpoint(), get("/second"));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(server_.connections(), 2u);
  EXPECT_EQ(server_.requests().back().target, "/second");
}

TEST_F(HttpClientTest, ConnectionClosedByServerIsNotPooled) {
  server_.set_handler([](const Request&) {
    Response response = Response::text(200, "bye");
    response.headers.set("Connection", "close");
    return response;
  });
  HttpClient client(runtime_);
  EXPECT_EQ(call(client, server_.endpoint(), get("/")).body, "bye");
  EXPECT_EQ(client.idle_connections(), 0u);
}

TEST_F(HttpClientTest, UnansweredRequestTimesOut) {
  server_.set_handler([](const Request&) { return std::nullopt; });
  ClientOptions options;
  options.request_timeout = milliseconds(60'000);
  HttpClient client(runtime_, options);
  const auto started = std::chrono::steady_clock::now();
  CallOptions call_options;
  call_options.timeout = milliseconds(200);
  EXPECT_EQ(failure(client, server_.endpoint(), get("/slow"), call_options),
            ClientError::Kind::kTimeout);
  // The call's own timeout applied, not the client's default of a minute.
  EXPECT_LT(std::chrono::steady_clock::now() - started, milliseconds(30'000));
  EXPECT_EQ(client.idle_connections(), 0u);
}

TEST_F(HttpClientTest, ClosedPortIsAConnectError) {
  const Endpoint closed = testing::closed_endpoint();
  HttpClient client(runtime_);
  EXPECT_EQ(failure(client, closed, get("/")), ClientError::Kind::kConnect);
}

TEST_F(HttpClientTest, OversizeBodyIsAProtocolError) {
  server_.set_handler([](const Request&) { return Response::text(200, std::string(4096, 'x')); });
  ClientOptions options;
  options.max_response_body = 1024;
  HttpClient client(runtime_, options);
  EXPECT_EQ(failure(client, server_.endpoint(), get("/big")), ClientError::Kind::kProtocol);
  EXPECT_EQ(client.idle_connections(), 0u);
}

TEST_F(HttpClientTest, ForwardsRequestContext) {
  RequestContext context;
  context.request_id = "req-42";
  context.trace_id = "4bf92f3577b34da6a3ce929d0e0e4736";
  context.span_id = "00f067aa0ba902b7";
  context.deadline = std::chrono::steady_clock::now() + milliseconds(5'000);
  HttpClient client(runtime_);
  CallOptions options;
  options.context = &context;
  call(client, server_.endpoint(), get("/"), options);

  const Request seen = server_.requests().at(0);
  EXPECT_EQ(seen.headers.get("X-Request-Id"), "req-42");
  const std::string traceparent = seen.headers.get_or("traceparent", "");
  ASSERT_EQ(traceparent.size(), 55u) << traceparent;
  EXPECT_EQ(traceparent.substr(0, 36), "00-4bf92f3577b34da6a3ce929d0e0e4736-");
  const std::string span = traceparent.substr(36, 16);
  EXPECT_EQ(span.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(span, context.span_id);
  EXPECT_EQ(traceparent.substr(52), "-01");
  const int remaining_ms = std::stoi(seen.headers.get_or(kRemainingTimeHeader, "-1"));
  EXPECT_GT(remaining_ms, 0);
  EXPECT_LE(remaining_ms, 5'000);
}

TEST_F(HttpClientTest, ExhaustedDeadlineFailsWithoutConnecting) {
  RequestContext context;
  context.deadline = std::chrono::steady_clock::now() - milliseconds(1);
  HttpClient client(runtime_);
  CallOptions options;
  options.context = &context;
  EXPECT_EQ(failure(client, server_.endpoint(), get("/"), options), ClientError::Kind::kTimeout);
  EXPECT_EQ(server_.connections(), 0u);
}

}  // namespace
}  // namespace hotel::http
