// The API's common mapping: the caller as an Actor, domain errors as HTTP errors, a hotel as a
// response with its ETag.
#pragma once

#include "chassis/core/result.hpp"
#include "chassis/http/message.hpp"
#include "services/hotels/application/actor.hpp"
#include "services/hotels/domain/hotel.hpp"

namespace hotel::hotels::api {

// The verified caller (Unauthorized when there is none).
application::Actor actor_of(const http::Request& request);

[[noreturn]] void throw_error(const domain::Error& error);

template <class T>
T value_or_throw(core::Result<T, domain::Error> result) {
  if (!result) throw_error(result.error());
  return std::move(result.value());
}

// The hotel's snapshot as JSON, with `ETag: "<version>"`.
http::Response hotel_response(int status, const domain::Hotel& hotel);

}  // namespace hotel::hotels::api
