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

// The verified principal of the request's bearer token; null without a token. A bad token leaves
// its reason in `failure`.
http::Task<std::shared_ptr<const Principal>> authenticate(Verifier& verifier,
                                                          const http::Request& request,
                                                          std::optional<AuthReason>& failure) {
  const auto authorization = request.headers.get("Authorization");
  if (!authorization) co_return nullptr;
  const auto token = bearer_token(*authorization);
  if (!token) co_return nullptr;  // another scheme: not ours
  if (token->empty()) {
    failure = AuthReason::kMalformed;
    co_return nullptr;
  }
  try {
    co_return co_await verifier.verify(std::string(*token));
  } catch (const AuthError& error) {
    failure = error.reason();
  }
  co_return nullptr;
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

http::Task<http::Response> authorize(const std::shared_ptr<Verifier>& verifier,
                                     const Refusals& refusals, http::Request& request,
                                     const http::Route& route, const http::Handler& next) {
  std::optional<AuthReason> failure;
  request.principal = co_await authenticate(*verifier, request, failure);
  const http::Access& access = route.policy.access;
  if (access.kind == Kind::kPublic) co_return co_await next(request);
  if (!request.principal) {
    if (failure == AuthReason::kKeysUnavailable) {
      refusals.note(request, reason_name(*failure), 503);
      throw http::Unavailable(1, std::string(reason_description(*failure)));
    }
    refusals.note(request, failure ? reason_name(*failure) : kMissingToken, 401);
    co_return unauthorized(request, failure);
  }
  const Principal& principal = *request.principal;
  if (access.kind == Kind::kGroups && !in_any_group(principal, access.groups)) {
    refusals.note(request, kNotInGroup, 403);
    throw http::Forbidden("this needs membership of a group allowed here");
  }
  if (access.kind == Kind::kService &&
      !(access.scope.empty() ? principal.is_service() : principal.has_scope(access.scope))) {
    refusals.note(request, kMissingScope, 403);
    throw http::Forbidden("this needs a service token with scope " + access.scope);
  }
  co_return co_await next(request);
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
