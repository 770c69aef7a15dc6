#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <fstream>
#include <string>

#include "chassis/auth/principal.hpp"
#include "chassis/http/server.hpp"
#include "chassis/http/testing/test_server.hpp"
#include "chassis/observe/logger.hpp"
#include "chassis/store/testing/temp_dir.hpp"

namespace hotel::http {
namespace {

TEST(ServerAccessLog, CarriesFieldsAddedByMiddlewareAndHandlers) {
  store::testing::TempDir directory;
  observe::configure_logging(
      {.level = observe::Level::kInfo, .to_stdout = false, .directory = directory.path().string()});
  {
    Router router;
    router.get("/v1/things", [](Request& request) -> Task<Response> {
      request.log_fields.emplace_back("upstream", "things");
      co_return Response::text(200, "ok");
    });
    Middleware tag = [](Request& request, const Route&, const Handler& next) -> Task<Response> {
      request.log_fields.emplace_back("user", "u-1");
      auto caller = std::make_shared<auth::Principal>();
      caller->sub = "sub-7";
      request.principal = std::move(caller);  // as the auth middleware sets it
      co_return co_await next(request);
    };
    testing::TestServer server(std::move(router), {tag});
    EXPECT_EQ(testing::fetch(server.port(), "GET", "/v1/things").status, 200);
  }
  observe::configure_logging(observe::LogOptions{});
  std::ifstream in(directory.path() / "test.log");
  std::string line;
  boost::json::object access;
  while (std::getline(in, line)) {
    auto entry = boost::json::parse(line).as_object();
    if (entry.at("msg") == "request") access = entry;
  }
  ASSERT_FALSE(access.empty());
  EXPECT_EQ(access.at("route"), "/v1/things");
  EXPECT_EQ(access.at("status"), 200);
  EXPECT_EQ(access.at("user"), "u-1");
  EXPECT_EQ(access.at("sub"), "sub-7");
  EXPECT_EQ(access.at("upstream"), "things");
}

}  // namespace
}  // namespace hotel::http
