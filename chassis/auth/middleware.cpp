#include "chassis/auth/middleware.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <string>

#include "chassis/auth/auth_error.hpp"
#include "chassis/http/errors.hpp"
#include "chassis/observe/logger.hpp"
#include "chassis/observe/metrics.hpp"

namespace hotel::auth {

namespace {

using Kind = http::Access::Kind;

// The value of the request's Authorization field, seen in place (a token is ~1 KB).
std::optional<std::string_view> authorization_of(const http::Request& request) {
  constexpr std::string_view kName = "authorization";
  for (const auto& [name, value] : request.headers.fields()) {
    if (name.size() == kName.size() &&
        std::equal(name.begin(), name.end(), kName.begin(), [](char a, char b) {
          return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
        })) {
      return value;
    }
  }
  return std::nullopt;
}

// 401 with an RFC 6750 challenge; error="invalid_token" when a token was given.
http::Response unauthorized(const http::Request& request, std::optional<AuthReason> failure) {
  if (!failure) {
    return http::problem_response(http::Unauthorized(), request.path, request.context.request_id);
  }
  const std::string description(reason_description(*failure));
  http::Response response = http::problem_response(http::Unauthorized(description), request.path,
                                                   request.context.request_id);
  response.headers.set("WWW-Authenticate",
                       "Bearer error=\"invalid_token\", error_description=\"" + description + "\"");
  return response;
}

constexpr std::string_view kMissingToken = "missing_token";
constexpr std::string_view kNotInGroup = "not_in_group";
constexpr std::string_view kMissingScope = "missing_scope";

// Where refusals are told: a log line and a counter per reason. Both optional.
class Refusals {
 public:
  Refusals() = default;
  Refusals(const observe::Logger& logger, observe::Registry& metrics) : logger_(&logger) {
    // Every reason's series from the start, so that a rate over it is defined before the first.
    std::vector<std::string_view> reasons{kMissingToken, kNotInGroup, kMissingScope};
    for (int r = 0; r <= static_cast<int>(AuthReason::kInvalidClaims); ++r) {
      reasons.push_back(reason_name(static_cast<AuthReason>(r)));
    }
    for (auto reason : reasons) {
      counters_.emplace(
          reason, &metrics.counter("auth_refusals_total", "Requests refused by the auth middleware",
                                   {{"reason", std::string(reason)}}));
    }
  }

  void note(const http::Request& request, std::string_view reason, int status) const {
    if (auto found = counters_.find(reason); found != counters_.end()) found->second->inc();
    if (logger_ == nullptr || !logger_->enabled(observe::Level::kInfo)) return;
    logger_->info("auth refused",
                  {{"reason", std::string(reason)},
                   {"status", status},
                   {"route", request.route_name},
                   {"method", std::string(http::method_name(request.method))},
                   {"remote", request.remote_address}},
                  &request.context);
  }

 private:
  const observe::Logger* logger_ = nullptr;
  std::map<std::string_view, observe::Counter*> counters_;
};

bool in_any_group(const Principal& principal, const std::vector<std::string>& groups) {
  return std::any_of(groups.begin(), groups.end(),
                     [&](const std::string& group) { return principal.in_group(group); });
}

// An answer ready now, as the task a middleware returns.
http::Task<http::Response> answer(http::Response response) { co_return response; }

// A refusal thrown when the task is awaited, as from a coroutine's body.
template <class Error>
http::Task<http::Response> refuse(Error error) {
  throw error;
  co_return http::Response{};
}

// The route's Access rule applied to request.principal (null: no valid token; `failure` says why
// when a token was given). Not a coroutine: an admitted request goes on to `next` directly.
http::Task<http::Response> admit(const Refusals& refusals, http::Request& request,
                                 const http::Route& route, const http::Handler& next,
                                 std::optional<AuthReason> failure) {
  const http::Access& access = route.policy.access;
  if (access.kind == Kind::kPublic) return next(request);
  if (!request.principal) {
    if (failure == AuthReason::kKeysUnavailable) {
      refusals.note(request, reason_name(*failure), 503);
      return refuse(http::Unavailable(1, std::string(reason_description(*failure))));
    }
    refusals.note(request, failure ? reason_name(*failure) : kMissingToken, 401);
    return answer(unauthorized(request, failure));
  }
  const Principal& principal = *request.principal;
  if (access.kind == Kind::kGroups && !in_any_group(principal, access.groups)) {
    refusals.note(request, kNotInGroup, 403);
    return refuse(http::Forbidden("this needs membership of a group allowed here"));
  }
  if (access.kind == Kind::kService &&
      !(access.scope.empty() ? principal.is_service() : principal.has_scope(access.scope))) {
    refusals.note(request, kMissingScope, 403);
    return refuse(http::Forbidden("this needs a service token with scope " + access.scope));
  }
  return next(request);
}

// A token the verifier's cache does not hold: verified (the issuer's keys may be fetched), then
// admitted or refused.
http::Task<http::Response> verify_and_admit(const std::shared_ptr<Verifier>& verifier,
                                            const Refusals& refusals, http::Request& request,
                                            const http::Route& route, const http::Handler& next,
                                            std::string token) {
  std::optional<AuthReason> failure;
  try {
    request.principal = co_await verifier->verify(std::move(token));
    if (const auto authorization = authorization_of(request)) {
      verifier->remember(request.admitted, *authorization, request.principal);
    }
  } catch (const AuthError& error) {
    failure = error.reason();
  }
  co_return co_await admit(refusals, request, route, next, failure);
}

// request.principal from the request's bearer token (none without an Authorization field or
// with another scheme), then the route's rule. A token seen before costs no coroutine; the
// token the connection's last request was admitted with costs a compare (Verifier::recall).
http::Task<http::Response> authorize(const std::shared_ptr<Verifier>& verifier,
                                     const Refusals& refusals, http::Request& request,
                                     const http::Route& route, const http::Handler& next) {
  request.principal = nullptr;
  const auto authorization = authorization_of(request);
  if (!authorization) return admit(refusals, request, route, next, std::nullopt);
  request.principal = verifier->recall(request.admitted, *authorization);
  if (request.principal) return admit(refusals, request, route, next, std::nullopt);
  const auto token = bearer_token(*authorization);
  if (!token) return admit(refusals, request, route, next, std::nullopt);
  if (token->empty()) return admit(refusals, request, route, next, AuthReason::kMalformed);
  request.principal = verifier->cached(*token);
  if (request.principal) {
    verifier->remember(request.admitted, *authorization, request.principal);
    return admit(refusals, request, route, next, std::nullopt);
  }
  return verify_and_admit(verifier, refusals, request, route, next, std::string(*token));
}

http::Middleware make_middleware(std::shared_ptr<Verifier> verifier,
                                 std::shared_ptr<const Refusals> refusals) {
  return [verifier = std::move(verifier), refusals = std::move(refusals)](
             http::Request& request, const http::Route& route, const http::Handler& next) {
    return authorize(verifier, *refusals, request, route, next);
  };
}

}  // namespace

http::Middleware auth_middleware(std::shared_ptr<Verifier> verifier, const observe::Logger& logger,
                                 observe::Registry& metrics) {
  return make_middleware(std::move(verifier), std::make_shared<const Refusals>(logger, metrics));
}

http::Middleware auth_middleware(std::shared_ptr<Verifier> verifier) {
  return make_middleware(std::move(verifier), std::make_shared<const Refusals>());
}

const Principal& require_principal(const http::Request& request) {
  if (!request.principal) throw http::Unauthorized();
  return *request.principal;
}

std::optional<std::string_view> bearer_token(std::string_view authorization) {
  constexpr std::string_view kScheme = "bearer";
  if (authorization.size() < kScheme.size()) return std::nullopt;
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(authorization[i])) != kScheme[i]) {
      return std::nullopt;
    }
  }
  std::string_view rest = authorization.substr(kScheme.size());
  if (!rest.empty() && rest.front() != ' ') return std::nullopt;  // e.g. "Bearerx"
  while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
  while (!rest.empty() && rest.back() == ' ') rest.remove_suffix(1);
  // One memchr per separator: find_first_of with a set calls memchr once per character of a
  // ~1 KiB token.
  for (const char separator : {' ', '\t', ','}) {
    if (std::memchr(rest.data(), separator, rest.size()) != nullptr) return std::string_view();
  }
  return rest;
}

}  // namespace hotel::auth
