// Router with path parameters ("/v1/hotels/{id}") and a policy per route.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <boost/asio/awaitable.hpp>

#include "chassis/http/message.hpp"

namespace hotel::http {

template <class T>
using Task = boost::asio::awaitable<T>;

using Handler = std::function<Task<Response>(Request&)>;

// Who may call a route. Checked by the auth middleware (and again in the owning service).
struct Access {
  enum class Kind { kPublic, kSignedIn, kGroups, kService };
  Kind kind = Kind::kPublic;
  std::vector<std::string> groups;  // kGroups: any of these
  std::string scope;                // kService: required scope of a client-credentials token

  static Access anyone() { return {}; }
  static Access signed_in() { return {Kind::kSignedIn, {}, {}}; }
  static Access groups_any(std::vector<std::string> groups) {
    return {Kind::kGroups, std::move(groups), {}};
  }
  // A client-credentials (service) token carrying `scope`.
  static Access service(std::string scope) { return {Kind::kService, {}, std::move(scope)}; }
};

struct RoutePolicy {
  Access access;
  std::string rate_class = "default";
  std::size_t body_limit = 1 << 20;  // bytes
  std::chrono::milliseconds timeout{30'000};
};

struct Route {
  Method method;
  std::string pattern;
  Handler handler;
  RoutePolicy policy;
};

class Router {
 public:
  Router();
  ~Router();
  Router(Router&&) noexcept;
  Router& operator=(Router&&) noexcept;

  Router& add(Method method, std::string pattern, Handler handler, RoutePolicy policy = {});
  Router& get(std::string pattern, Handler handler, RoutePolicy policy = {}) {
    return add(Method::kGet, std::move(pattern), std::move(handler), std::move(policy));
  }
  Router& post(std::string pattern, Handler handler, RoutePolicy policy = {}) {
    return add(Method::kPost, std::move(pattern), std::move(handler), std::move(policy));
  }
  Router& put(std::string pattern, Handler handler, RoutePolicy policy = {}) {
    return add(Method::kPut, std::move(pattern), std::move(handler), std::move(policy));
  }
  Router& del(std::string pattern, Handler handler, RoutePolicy policy = {}) {
    return add(Method::kDelete, std::move(pattern), std::move(handler), std::move(policy));
  }

  struct Match {
    const Route* route = nullptr;  // null when nothing matched
    std::map<std::string, std::string, std::less<>> params;
    std::string allowed;  // for 405: methods the path accepts
  };
  // Matches a decoded path. A route's segments match literally or capture "{name}"; a final
  // "{name...}" captures the rest of the path. Literal segments win over captures.
  Match match(Method method, std::string_view path) const;

  const std::vector<Route>& routes() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace hotel::http
