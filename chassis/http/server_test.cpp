#include "chassis/http/server.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <boost/json.hpp>
#include <future>
#include <random>
#include <thread>

#include "chassis/core/runtime.hpp"
#include "chassis/http/errors.hpp"
#include "chassis/http/json.hpp"
#include "chassis/http/testing/test_server.hpp"

namespace hotel::http {
namespace {

using testing::fetch;
using testing::raw_exchange;
using testing::raw_status;
using testing::TestServer;

Router demo_router(core::Runtime** runtime_slot = nullptr) {
  Router router;
  router.get("/ok",
             [](Request&) -> Task<Response> { co_return Response::json(200, R"({"ok":true})"); });
  router.get("/v1/items/{id}", [](Request& r) -> Task<Response> {
    co_return Response::json(200, "{\"id\":\"" + r.param("id") + "\",\"q\":\"" +
                                      r.query_param("q").value_or("") + "\"}");
  });
  router.post(
      "/v1/echo",
      [](Request& r) -> Task<Response> {
        auto object = parse_json_object(r);
        co_return json_response(201, object);
      },
      RoutePolicy{.body_limit = 1024});
  router.get("/bad", [](Request&) -> Task<Response> {
    throw BadRequest("city", "must not be empty");
    co_return Response::empty(200);
  });
  router.get("/boom", [](Request&) -> Task<Response> {
    throw std::runtime_error("secret internal detail /var/lib/db");
    co_return Response::empty(200);
  });
  router.get("/context", [](Request& r) -> Task<Response> {
    boost::json::object o{{"request_id", r.context.request_id},
                          {"trace_id", r.context.trace_id},
                          {"parent", r.context.parent_span_id},
                          {"remaining_ms", r.context.remaining().count()}};
    co_return json_response(200, o);
  });
  (void)runtime_slot;
  return router;
}

TEST(Server, ServesJsonWithParamsAndQuery) {
  TestServer ts(demo_router());
  auto res = fetch(ts.port(), "GET", "/v1/items/abc?q=caf%C3%A9");
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.body, "{\"id\":\"abc\",\"q\":\"caf\xC3\xA9\"}");
  EXPECT_EQ(res.header("Content-Type"), "application/json");
  EXPECT_FALSE(res.header("X-Request-Id").empty());
}

TEST(Server, UnknownPathIs404ProblemAndWrongMethodIs405WithAllow) {
  TestServer ts(demo_router());
  auto missing = fetch(ts.port(), "GET", "/nope");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.header("Content-Type"), "application/problem+json");
  auto body = boost::json::parse(missing.body).as_object();
  EXPECT_EQ(body["status"].as_int64(), 404);
  EXPECT_EQ(body["instance"].as_string(), "/nope");
  auto wrong = fetch(ts.port(), "DELETE", "/ok");
  EXPECT_EQ(wrong.status, 405);
  EXPECT_EQ(wrong.header("Allow"), "GET");
}

TEST(Server, TypedErrorsBecomeProblemsNamingTheField) {
  TestServer ts(demo_router());
  auto res = fetch(ts.port(), "GET", "/bad");
  EXPECT_EQ(res.status, 400);
  auto body = boost::json::parse(res.body).as_object();
  EXPECT_EQ(body["field"].as_string(), "city");
  EXPECT_EQ(body["code"].as_string(), "invalid_field");
}

TEST(Server, UnexpectedExceptionsAre500WithoutLeakingDetails) {
  TestServer ts(demo_router());
  auto res = fetch(ts.port(), "GET", "/boom");
  EXPECT_EQ(res.status, 500);
  EXPECT_EQ(res.body.find("secret"), std::string::npos);
  EXPECT_EQ(fetch(ts.port(), "GET", "/ok").status, 200);
}

TEST(Server, JsonBodyValidation) {
  TestServer ts(demo_router());
  std::vector<std::pair<std::string, std::string>> json{{"Content-Type", "application/json"}};
  EXPECT_EQ(fetch(ts.port(), "POST", "/v1/echo", R"({"a":1})", json).status, 201);
  EXPECT_EQ(fetch(ts.port(), "POST", "/v1/echo", R"({"a":)", json).status, 400);
  EXPECT_EQ(fetch(ts.port(), "POST", "/v1/echo", "[1,2]", json).status, 400);
  EXPECT_EQ(fetch(ts.port(), "POST", "/v1/echo", "{\"a\":\"\xff\xfe\"}", json).status, 400);
  EXPECT_EQ(
      fetch(ts.port(), "POST", "/v1/echo", R"({"a":1})", {{"Content-Type", "text/plain"}}).status,
      415);
  auto big = fetch(ts.port(), "POST", "/v1/echo", std::string(5000, ' '), json);
  EXPECT_EQ(big.status, 413);
}

TEST(Server, KeepAliveServesPipelinedRequestsOnOneConnection) {
  TestServer ts(demo_router());
  std::string two =
      "GET /ok HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /v1/items/7 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  auto out = raw_exchange(ts.port(), two);
  EXPECT_NE(out.find(R"({"ok":true})"), std::string::npos);
  EXPECT_NE(out.find(R"("id":"7")"), std::string::npos);
}

// One connection, messages for both parsers back to back (chassis/http/message_parser.hpp): a
// usual head with a Content-Length body (the fast path), a chunked body and a folded field
// (Beast), then a usual head again; each is answered in order.
TEST(Server, PipelinedMessagesForBothParsersAreAnsweredInOrder) {
  TestServer ts(demo_router());
  const std::string messages =
      "POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 9\r\n\r\n{\"n\":\"a\"}"
      "POST /v1/echo HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n4\r\n{\"n\"\r\n5\r\n:\"b\"}\r\n0\r\n\r\n"
      "GET /v1/items/c HTTP/1.1\r\nHost: x\r\nX-Folded: one\r\n two\r\n\r\n"
      "GET /v1/items/d HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  const std::string out = raw_exchange(ts.port(), messages);
  const std::size_t a = out.find(R"("n":"a")");
  const std::size_t b = out.find(R"("n":"b")");
  const std::size_t c = out.find(R"("id":"c")");
  const std::size_t d = out.find(R"("id":"d")");
  ASSERT_NE(a, std::string::npos) << out;
  ASSERT_NE(b, std::string::npos) << out;
  ASSERT_NE(c, std::string::npos) << out;
  ASSERT_NE(d, std::string::npos) << out;
  EXPECT_LT(a, b);
  EXPECT_LT(b, c);
  EXPECT_LT(c, d);
}

TEST(Server, AbsoluteFormTargetIsAccepted) {
  TestServer ts(demo_router());
  auto out = raw_exchange(ts.port(),
                          "GET http://example.test:8080/v1/items/z?q=1 HTTP/1.1\r\nHost: "
                          "example.test\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(raw_status(out), 200);
  EXPECT_NE(out.find(R"("id":"z")"), std::string::npos);
}

TEST(Server, HeadReturnsHeadersOnly) {
  TestServer ts(demo_router());
  auto out = raw_exchange(ts.port(), "HEAD /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(raw_status(out), 200);
  EXPECT_NE(out.find("Content-Length: 11"), std::string::npos);
  EXPECT_EQ(out.find("{\"ok\""), std::string::npos);
}

TEST(Server, CorrelationIdsAreKeptOrCreated) {
  TestServer ts(demo_router());
  auto res = fetch(ts.port(), "GET", "/context", {},
                   {{"X-Request-Id", "req-42"},
                    {"traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"},
                    {"X-Request-Timeout-Ms", "1500"}});
  auto body = boost::json::parse(res.body).as_object();
  EXPECT_EQ(res.header("X-Request-Id"), "req-42");
  EXPECT_EQ(body["trace_id"].as_string(), "0af7651916cd43dd8448eb211c80319c");
  EXPECT_EQ(body["parent"].as_string(), "b7ad6b7169203331");
  EXPECT_LE(body["remaining_ms"].as_int64(), 1500);

  auto fresh = fetch(ts.port(), "GET", "/context", {},
                     {{"X-Request-Id", "bad id with spaces"}, {"traceparent", "garbage"}});
  auto fresh_body = boost::json::parse(fresh.body).as_object();
  EXPECT_EQ(fresh_body["request_id"].as_string().size(), 32U);
  EXPECT_EQ(fresh_body["trace_id"].as_string().size(), 32U);
}

TEST(Server, NothingOfARequestCarriesOverToTheNextOnItsConnection) {
  // The server empties one request object per connection between requests: the second
  // request (no ids, no deadline) must get fresh ids, not the first's.
  TestServer ts(demo_router());
  const std::string out =
      raw_exchange(ts.port(),
                   "GET /context HTTP/1.1\r\nHost: x\r\nX-Request-Id: first-request\r\n"
                   "traceparent: 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\r\n"
                   "X-Request-Timeout-Ms: 1500\r\n\r\n"
                   "GET /context HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const std::size_t second = out.find("HTTP/1.1 200", 1);
  ASSERT_NE(second, std::string::npos) << out;
  const std::string first_answer = out.substr(0, second);
  const std::string second_answer = out.substr(second);
  EXPECT_NE(first_answer.find("first-request"), std::string::npos);
  EXPECT_NE(first_answer.find("0af7651916cd43dd8448eb211c80319c"), std::string::npos);
  EXPECT_EQ(second_answer.find("first-request"), std::string::npos) << second_answer;
  EXPECT_EQ(second_answer.find("0af7651916cd43dd8448eb211c80319c"), std::string::npos);
  EXPECT_EQ(second_answer.find("b7ad6b7169203331"), std::string::npos);
  const auto body = boost::json::parse(second_answer.substr(second_answer.find("\r\n\r\n") + 4));
  EXPECT_EQ(body.at("request_id").as_string().size(), 32U);
  EXPECT_EQ(body.at("parent").as_string(), "");
  EXPECT_GT(body.at("remaining_ms").as_int64(), 1500);  // no deadline: the route's own
}

TEST(Server, MiddlewareWrapsHandlersInOrder) {
  std::vector<Middleware> chain;
  chain.push_back([](Request& r, const Route&, const Handler& next) -> Task<Response> {
    r.headers.set("X-Seen", "outer");
    auto response = co_await next(r);
    response.headers.set("X-Order", "outer-last");
    co_return response;
  });
  chain.push_back([](Request& r, const Route& route, const Handler& next) -> Task<Response> {
    if (route.pattern == "/bad") throw Forbidden("blocked by middleware");
    EXPECT_EQ(r.headers.get_or("X-Seen", ""), "outer");
    co_return co_await next(r);
  });
  TestServer ts(demo_router(), std::move(chain));
  auto ok = fetch(ts.port(), "GET", "/ok");
  EXPECT_EQ(ok.status, 200);
  EXPECT_EQ(ok.header("X-Order"), "outer-last");
  EXPECT_EQ(fetch(ts.port(), "GET", "/bad").status, 403);
}

TEST(Server, BlockingWorkRunsOnWorkersAndPropagatesErrors) {
  core::Runtime* runtime = nullptr;
  Router router;
  router.get("/work", [&runtime](Request&) -> Task<Response> {
    auto io_thread = std::this_thread::get_id();
    auto worker_thread = co_await runtime->call([] { return std::this_thread::get_id(); });
    EXPECT_NE(io_thread, worker_thread);
    co_await runtime->call([] { throw BadRequest("x", "from worker"); });
    co_return Response::empty(200);
  });
  TestServer ts(std::move(router));
  runtime = &ts.runtime();
  auto res = fetch(ts.port(), "GET", "/work");
  EXPECT_EQ(res.status, 400);
  EXPECT_NE(res.body.find("from worker"), std::string::npos);
}

TEST(Server, DrainWaitsForInFlightRequests) {
  std::promise<void> entered;
  std::promise<void> release;
  auto release_future = release.get_future().share();
  core::Runtime* runtime = nullptr;
  Router router;
  router.get("/slow", [&](Request&) -> Task<Response> {
    entered.set_value();
    co_await runtime->call([&] { release_future.wait(); });
    co_return Response::json(200, "{}");
  });
  TestServer ts(std::move(router));
  runtime = &ts.runtime();
  auto client = std::async(std::launch::async, [&] { return fetch(ts.port(), "GET", "/slow"); });
  entered.get_future().wait();
  EXPECT_EQ(ts.server().in_flight(), 1U);
  EXPECT_FALSE(ts.server().drain(std::chrono::milliseconds(100)));
  release.set_value();
  EXPECT_TRUE(ts.server().drain(std::chrono::milliseconds(5000)));
  EXPECT_EQ(client.get().status, 200);
  EXPECT_THROW(fetch(ts.port(), "GET", "/slow"), std::exception);
}

}  // namespace
}  // namespace hotel::http
