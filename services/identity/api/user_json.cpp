#include "services/identity/api/user_json.hpp"

#include <boost/json/array.hpp>

#include "chassis/events/envelope.hpp"
#include "chassis/http/errors.hpp"

namespace hotel::identity::api {

boost::json::object user_json(const domain::User& user) {
  boost::json::array groups;
  for (const auto group : user.groups) groups.emplace_back(domain::to_string(group));
  return {{"sub", user.id},
          {"email", user.email},
          {"given_name", user.attributes.given_name},
          {"family_name", user.attributes.family_name},
          {"address", user.attributes.address},
          {"phone_number", user.attributes.phone_number},
          {"status", domain::to_string(user.status())},
          {"enabled", user.enabled},
          {"email_verified", user.confirmed},
          {"groups", std::move(groups)},
          {"created_at", events::format_rfc3339(user.created_at)},
          {"updated_at", events::format_rfc3339(user.updated_at)}};
}

void throw_pool_error(const application::UserPoolError& error) {
  using Kind = application::UserPoolError::Kind;
  switch (error.kind) {
    case Kind::kInvalidField:
      throw http::BadRequest(error.field, error.message);
    case Kind::kWeakPassword:
      throw http::BadRequest(error.field.empty() ? "password" : error.field, error.message,
                             "weak_password");
    case Kind::kEmailTaken:
      throw http::Conflict(error.message, "email_taken");
    case Kind::kUserNotFound:
      throw http::NotFound("no such user");
    case Kind::kWrongPassword:
      throw http::BadRequest("current_password", "does not match", "wrong_password");
    case Kind::kInvalidCode:
    case Kind::kCodeExpired:
    case Kind::kTooManyAttempts:
      break;
  }
  throw http::BadRequest("code", error.message, "invalid_code");
}

}  // namespace hotel::identity::api
