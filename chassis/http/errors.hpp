// Typed errors thrown at the boundary and turned into RFC 9457 problem+json in one place
// (problem_response). Inside the domain, expected outcomes are results, not exceptions.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include "chassis/http/message.hpp"

namespace hotel::http {

class HttpError : public std::runtime_error {
 public:
  HttpError(int status, std::string code, std::string title, std::string detail,
            std::string field = {}, std::optional<int> retry_after_s = std::nullopt);
  int status() const { return status_; }
  const std::string& code() const { return code_; }
  const std::string& title() const { return title_; }
  const std::string& detail() const { return detail_; }
  const std::string& field() const { return field_; }
  std::optional<int> retry_after_s() const { return retry_after_s_; }

 private:
  int status_;
  std::string code_;
  std::string title_;
  std::string detail_;
  std::string field_;
  std::optional<int> retry_after_s_;
};

struct BadRequest : HttpError {
  // `field` names the offending input (a JSON pointer-ish path like "rooms[2].count", a query
  // parameter or a header), `why` says what is wrong with it.
  BadRequest(const std::string& field, const std::string& why, std::string code = "invalid_field");
};
struct Unauthorized : HttpError {
  explicit Unauthorized(std::string detail = "a valid bearer token is required");
};
struct Forbidden : HttpError {
  explicit Forbidden(std::string detail = "not allowed for this principal");
};
struct NotFound : HttpError {
  explicit NotFound(std::string detail = "no such resource");
};
struct MethodNotAllowed : HttpError {
  explicit MethodNotAllowed(std::string allow);
  std::string allow;
};
struct Conflict : HttpError {
  explicit Conflict(std::string detail, std::string code = "conflict");
};
struct PreconditionFailed : HttpError {
  explicit PreconditionFailed(std::string detail = "the resource changed since it was read");
};
// 428: the request must be conditional (If-Match) and is not.
struct PreconditionRequired : HttpError {
  explicit PreconditionRequired(std::string detail, std::string field = "If-Match");
};
struct PayloadTooLarge : HttpError {
  explicit PayloadTooLarge(std::string detail = "request body too large");
};
struct UnsupportedMediaType : HttpError {
  explicit UnsupportedMediaType(std::string detail);
};
struct TooManyRequests : HttpError {
  explicit TooManyRequests(int retry_after_s, std::string detail = "rate limit exceeded");
};
struct Unavailable : HttpError {
  explicit Unavailable(int retry_after_s, std::string detail = "temporarily unavailable",
                       std::string code = "unavailable");
};
struct GatewayTimeout : HttpError {
  explicit GatewayTimeout(std::string detail = "the request ran out of time");
};

// The one place errors become responses. `instance` is the request path.
Response problem_response(const HttpError& error, const std::string& instance,
                          const std::string& request_id);
Response problem_response(int status, const std::string& code, const std::string& title,
                          const std::string& detail, const std::string& instance,
                          const std::string& request_id);

}  // namespace hotel::http
