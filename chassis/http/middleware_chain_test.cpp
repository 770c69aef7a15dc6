#include "chassis/http/middleware_chain.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>
#include <stdexcept>
#include <string>

#include "chassis/http/errors.hpp"

namespace hotel::http {
namespace {

Response run(std::function<Task<Response>()> make) {
  boost::asio::io_context io;
  auto done = boost::asio::co_spawn(
      io, [&]() -> Task<Response> { co_return co_await make(); }, boost::asio::use_future);
  io.run();
  return done.get();
}

class MiddlewareChainTest : public ::testing::Test {
 protected:
  Route route_{Method::kGet, "/things", [this](Request&) -> Task<Response> {
                 trace_ += "handler ";
                 co_return Response::text(200, "done");
               }};
  std::string trace_;

  // A coroutine middleware, as the edge's: around next, with errors turned into answers.
  Middleware around(std::string name) {
    return [this, name](Request& request, const Route&, const Handler& next) -> Task<Response> {
      trace_ += name + "> ";
      Response response;
      try {
        response = co_await next(request);
      } catch (const HttpError& error) {
        response = Response::text(error.status(), error.what());
      }
      trace_ += "<" + name + " ";
      co_return response;
    };
  }

  // A plain middleware, as the rate limits: a check, then next's own task.
  Middleware check(std::string name, bool refuse = false) {
    return [this, name, refuse](Request& request, const Route&, const Handler& next) {
      trace_ += name + " ";
      if (refuse) throw TooManyRequests(1);
      return next(request);
    };
  }

  Response through(const std::vector<Middleware>& middleware) {
    Request request;
    return run([&]() -> Task<Response> {
      MiddlewareChain chain(middleware, route_);
      co_return co_await chain.start(request);
    });
  }
};

TEST_F(MiddlewareChainTest, RunsTheMiddlewareInOrderThenTheHandler) {
  const auto response = through({around("a"), check("b"), around("c"), check("d")});
  EXPECT_EQ(response.body, "done");
  EXPECT_EQ(trace_, "a> b c> d handler <c <a ");
}

TEST_F(MiddlewareChainTest, WithoutMiddlewareTheHandlerAnswers) {
  EXPECT_EQ(through({}).body, "done");
  EXPECT_EQ(trace_, "handler ");
}

TEST_F(MiddlewareChainTest, AMiddlewareMayAnswerWithoutGoingOn) {
  Middleware answer = [](Request&, const Route&, const Handler&) -> Task<Response> {
    co_return Response::text(204, "");
  };
  EXPECT_EQ(through({around("a"), answer, check("b")}).status, 204);
  EXPECT_EQ(trace_, "a> <a ");
}

TEST_F(MiddlewareChainTest, APlainMiddlewaresThrowReachesTheMiddlewareBeforeIt) {
  EXPECT_EQ(through({around("a"), check("b", true), check("c")}).status, 429);
  EXPECT_EQ(trace_, "a> b <a ");
}

TEST_F(MiddlewareChainTest, AThrowFromTheFirstMiddlewareReachesWhoStartedTheChain) {
  EXPECT_THROW(through({check("b", true)}), TooManyRequests);
}

}  // namespace
}  // namespace hotel::http
