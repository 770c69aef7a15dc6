// One request's way through a server's middleware to the route's handler.
#pragma once

#include <cstddef>
#include <vector>

#include <boost/container/small_vector.hpp>

#include "chassis/http/server.hpp"

namespace hotel::http {

// Middleware i is called with a `next` that starts middleware i + 1 (past the last, the route's
// handler) in place: a middleware's coroutine awaits the next one's directly, with no coroutine
// frame between them, and a middleware that is a plain function returning next's task costs no
// frame at all. A middleware or handler that throws instead of returning a task throws out of
// start(), or out of the `next` that called it, where the middleware before it awaits.
// The chain lives in the frame of the coroutine that awaits start(); the middleware and the
// route outlive it.
class MiddlewareChain {
 public:
  MiddlewareChain(const std::vector<Middleware>& middleware, const Route& route);
  MiddlewareChain(const MiddlewareChain&) = delete;
  MiddlewareChain& operator=(const MiddlewareChain&) = delete;

  Task<Response> start(Request& request) { return start_at(request, 0); }

 private:
  // `next` captures one pointer (its link), so that std::function keeps it inline.
  struct Link {
    MiddlewareChain* chain = nullptr;
    std::size_t index = 0;  // what `next` starts
    Handler next;
  };

  Task<Response> start_at(Request& request, std::size_t index);

  const std::vector<Middleware>& middleware_;
  const Route& route_;
  // In place for the usual chain (no allocation per request); never resized after construction,
  // as each `next` points at its link.
  boost::container::small_vector<Link, 8> links_;
};

}  // namespace hotel::http
