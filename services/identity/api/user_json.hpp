// The user as the /v1/users endpoints show it, and the user pool's errors as HTTP errors.
#pragma once

#include <boost/json/object.hpp>

#include "services/identity/application/user_pool.hpp"

namespace hotel::identity::api {

// {sub, email, given_name, family_name, address, phone_number, status, enabled, email_verified,
//  groups, created_at, updated_at}. Never the password hash.
boost::json::object user_json(const domain::User& user);

// Throws the http error for a user pool error: 400 naming the field (weak_password for the
// policy), 409 email_taken, 404 user_not_found.
[[noreturn]] void throw_pool_error(const application::UserPoolError& error);

// The value, or throw_pool_error.
template <class T>
T value_or_throw(application::PoolResult<T> result) {
  if (!result) throw_pool_error(result.error());
  return std::move(result.value());
}

}  // namespace hotel::identity::api
