#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "chassis/auth/principal.hpp"
#include "chassis/http/message.hpp"

namespace hotel::http {
namespace {

// A member added to Request (or RequestContext) must be emptied by Request::clear, which the
// server calls between the requests of one connection, and set in Filled below; these sizes
// change with it and stop the build until both are done. (x86-64, libstdc++.) `admitted` is the
// one member clear() keeps: it belongs to the connection.
static_assert(sizeof(Request) == 584, "a Request member was added: clear it in Request::clear");
static_assert(sizeof(RequestContext) == 136, "a RequestContext member was added: clear it too");

Request filled() {
  Request request;
  request.method = Method::kPost;
  request.method_text = "POST";
  request.target = "/v1/a?b=c";
  request.path = "/v1/a";
  request.query = "b=c";
  request.headers.add("Authorization", "Bearer token");
  request.body = std::string(100, 'b');
  request.remote_address = "192.0.2.1";
  request.path_params["id"] = "42";
  request.route_name = "/v1/{id}";
  request.context.request_id = "request";
  request.context.trace_id = std::string(32, 'a');
  request.context.span_id = std::string(16, 'b');
  request.context.parent_span_id = std::string(16, 'c');
  request.context.deadline = std::chrono::steady_clock::now();
  request.principal = std::make_shared<auth::Principal>();
  request.log_fields.emplace_back("upstream", "booking");
  request.access_logged = false;
  request.admitted.authorization = "Bearer token";
  request.admitted.principal = std::make_shared<auth::Principal>();
  request.admitted.valid_until = std::chrono::system_clock::now();
  return request;
}

void expect_fresh(const Request& request) {
  const Request fresh;
  EXPECT_EQ(request.method, fresh.method);
  EXPECT_EQ(request.method_text, fresh.method_text);
  EXPECT_EQ(request.target, fresh.target);
  EXPECT_EQ(request.path, fresh.path);
  EXPECT_EQ(request.query, fresh.query);
  EXPECT_TRUE(request.headers.empty());
  EXPECT_EQ(request.headers.text_size(), 0U);
  EXPECT_EQ(request.body, fresh.body);
  EXPECT_EQ(request.remote_address, fresh.remote_address);
  EXPECT_EQ(request.path_params, fresh.path_params);
  EXPECT_EQ(request.route_name, fresh.route_name);
  EXPECT_EQ(request.context.request_id, fresh.context.request_id);
  EXPECT_EQ(request.context.trace_id, fresh.context.trace_id);
  EXPECT_EQ(request.context.span_id, fresh.context.span_id);
  EXPECT_EQ(request.context.parent_span_id, fresh.context.parent_span_id);
  EXPECT_EQ(request.context.deadline, fresh.context.deadline);
  EXPECT_EQ(request.principal, nullptr);
  EXPECT_EQ(request.log_fields, fresh.log_fields);
  EXPECT_EQ(request.access_logged, fresh.access_logged);
}

TEST(Request, ClearGivesAFreshRequestAndKeepsStorage) {
  Request request = filled();
  const auto* trace_storage = request.context.trace_id.data();
  request.clear();
  expect_fresh(request);
  // The ids' storage stays for the next request on the connection.
  request.context.trace_id.assign(32, 'd');
  EXPECT_EQ(request.context.trace_id.data(), trace_storage);
}

TEST(Request, ClearKeepsTheConnectionsAdmittedToken) {
  Request request = filled();
  const Request before = filled();
  request.clear();
  EXPECT_EQ(request.admitted.authorization, before.admitted.authorization);
  EXPECT_NE(request.admitted.principal, nullptr);
}

TEST(Request, ClearGivesBackALargeBody) {
  Request request = filled();
  request.body.assign(1 << 20, 'x');
  request.clear();
  expect_fresh(request);
  EXPECT_LE(request.body.capacity(), 64U * 1024);
}

}  // namespace
}  // namespace hotel::http
