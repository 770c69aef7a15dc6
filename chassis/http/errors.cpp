#include "chassis/http/errors.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace hotel::http {

HttpError::HttpError(int status, std::string code, std::string title, std::string detail,
                     std::string field, std::optional<int> retry_after_s)
    : std::runtime_error(detail),
      status_(status),
      code_(std::move(code)),
      title_(std::move(title)),
      detail_(std::move(detail)),
      field_(std::move(field)),
      retry_after_s_(retry_after_s) {}

BadRequest::BadRequest(const std::string& field, const std::string& why, std::string code)
    : HttpError(400, std::move(code), "Bad Request", field.empty() ? why : field + ": " + why,
                field) {}
Unauthorized::Unauthorized(std::string detail)
    : HttpError(401, "unauthorized", "Unauthorized", std::move(detail)) {}
Forbidden::Forbidden(std::string detail)
    : HttpError(403, "forbidden", "Forbidden", std::move(detail)) {}
NotFound::NotFound(std::string detail)
    : HttpError(404, "not_found", "Not Found", std::move(detail)) {}
MethodNotAllowed::MethodNotAllowed(std::string allow_list)
    : HttpError(405, "method_not_allowed", "Method Not Allowed",
                "this resource accepts " + allow_list),
      allow(std::move(allow_list)) {}
Conflict::Conflict(std::string detail, std::string code)
    : HttpError(409, std::move(code), "Conflict", std::move(detail)) {}
PreconditionFailed::PreconditionFailed(std::string detail)
    : HttpError(412, "precondition_failed", "Precondition Failed", std::move(detail)) {}
PreconditionRequired::PreconditionRequired(std::string detail, std::string field)
    : HttpError(428, "precondition_required", "Precondition Required", std::move(detail),
                std::move(field)) {}
PayloadTooLarge::PayloadTooLarge(std::string detail)
    : HttpError(413, "payload_too_large", "Payload Too Large", std::move(detail), "body") {}
UnsupportedMediaType::UnsupportedMediaType(std::string detail)
    : HttpError(415, "unsupported_media_type", "Unsupported Media Type", std::move(detail),
                "Content-Type") {}
TooManyRequests::TooManyRequests(int retry_after_s, std::string detail)
    : HttpError(429, "rate_limited", "Too Many Requests", std::move(detail), {}, retry_after_s) {}
Unavailable::Unavailable(int retry_after_s, std::string detail, std::string code)
    : HttpError(503, std::move(code), "Service Unavailable", std::move(detail), {}, retry_after_s) {
}
GatewayTimeout::GatewayTimeout(std::string detail)
    : HttpError(504, "timeout", "Gateway Timeout", std::move(detail)) {}

namespace {

Response make_problem(int status, const std::string& code, const std::string& title,
                      const std::string& detail, const std::string& field,
                      const std::string& instance, const std::string& request_id) {
  boost::json::object body;
  body["type"] = "https://hotel.example/problems/" + code;
  body["title"] = title;
  body["status"] = status;
  body["detail"] = detail;
  body["code"] = code;
  if (!field.empty()) body["field"] = field;
  if (!instance.empty()) body["instance"] = instance;
  if (!request_id.empty()) body["request_id"] = request_id;
  Response response =
      Response::text(status, boost::json::serialize(body), "application/problem+json");
  return response;
}

}  // namespace

Response problem_response(const HttpError& error, const std::string& instance,
                          const std::string& request_id) {
  Response response = make_problem(error.status(), error.code(), error.title(), error.detail(),
                                   error.field(), instance, request_id);
  if (error.retry_after_s()) {
    response.headers.set("Retry-After", std::to_string(std::max(1, *error.retry_after_s())));
  }
  if (const auto* not_allowed = dynamic_cast<const MethodNotAllowed*>(&error)) {
    response.headers.set("Allow", not_allowed->allow);
  }
  if (error.status() == 401) {
    response.headers.set("WWW-Authenticate", "Bearer");
  }
  return response;
}

Response problem_response(int status, const std::string& code, const std::string& title,
                          const std::string& detail, const std::string& instance,
                          const std::string& request_id) {
  return make_problem(status, code, title, detail, {}, instance, request_id);
}

}  // namespace hotel::http
