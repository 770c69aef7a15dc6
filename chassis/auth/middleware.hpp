// The auth middleware: verifies the bearer token and enforces the matched route's Access rule.
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "chassis/auth/principal.hpp"
#include "chassis/auth/verifier.hpp"
#include "chassis/http/server.hpp"

namespace hotel::observe {
class Logger;
class Registry;
}  // namespace hotel::observe

namespace hotel::auth {

// The token is taken only from "Authorization: Bearer <token>" (never from the query string).
//   kPublic   proceeds; a valid token sets request.principal, an invalid one is ignored.
//   kSignedIn 401 unless the token is valid (with error="invalid_token" when one was given);
//             503 when the issuer's keys cannot be fetched.
//   kGroups   as kSignedIn, then 403 unless the principal is in one of the route's groups.
//   kService  as kSignedIn, then 403 unless the token has the route's scope (or, when the route
//             names no scope, is a client-credentials token).
// request.principal is whatever this middleware verified, null otherwise.
// Every refusal (401, 403, 503) is logged at info ("auth refused": reason, status, route,
// method, remote address; never token content) and counted in auth_refusals_total{reason}.
// Reasons: missing_token, a verifier reason (reason_name: expired, bad_signature, malformed,
// …), not_in_group, missing_scope. A bad token on a public route is not a refusal.
// The logger and registry outlive the middleware.
http::Middleware auth_middleware(std::shared_ptr<Verifier> verifier, const observe::Logger& logger,
                                 observe::Registry& metrics);
// Refusals neither logged nor counted (tests, benchmarks).
http::Middleware auth_middleware(std::shared_ptr<Verifier> verifier);

// For handlers: the verified caller. Throws http::Unauthorized when the request has none.
const Principal& require_principal(const http::Request& request);

// The token of an Authorization header value "Bearer <token>" (scheme case-insensitive);
// nullopt for any other scheme. An empty result means "Bearer" with no usable token.
std::optional<std::string_view> bearer_token(std::string_view authorization);

}  // namespace hotel::auth
