#include "chassis/auth/middleware.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "chassis/auth/auth_error.hpp"
#include "chassis/http/errors.hpp"

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

bool in_any_group(const Principal& principal, const std::vector<std::string>& groups) {
  return std::any_of(groups.begin(), groups.end(),
                     [&](const std::string& group) { return principal.in_group(group); });
}

http::Task<http::Response> authorize(std::shared_ptr<Verifier> verifier, http::Request& request,
                                     const http::Route& route, const http::Handler& next) {
  std::optional<AuthReason> failure;
  request.principal = co_await authenticate(*verifier, request, failure);
  const http::Access& access = route.policy.access;
  if (access.kind == Kind::kPublic) co_return co_await next(request);
  if (!request.principal) {
    if (failure == AuthReason::kKeysUnavailable) {
      throw http::Unavailable(1, std::string(reason_description(*failure)));
    }
    co_return unauthorized(request, failure);
  }
  const Principal& principal = *request.principal;
  if (access.kind == Kind::kGroups && !in_any_group(principal, access.groups)) {
    throw http::Forbidden("this needs membership of a group allowed here");
  }
  if (access.kind == Kind::kService &&
      !(access.scope.empty() ? principal.is_service() : principal.has_scope(access.scope))) {
    throw http::Forbidden("this needs a service token with scope " + access.scope);
  }
  co_return co_await next(request);
}

}  // namespace

http::Middleware auth_middleware(std::shared_ptr<Verifier> verifier) {
  return [verifier = std::move(verifier)](http::Request& request, const http::Route& route,
                                          const http::Handler& next) {
    return authorize(verifier, request, route, next);
  };
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
  if (rest.find_first_of(" \t,") != std::string_view::npos) return std::string_view();
  return rest;
}

}  // namespace hotel::auth
