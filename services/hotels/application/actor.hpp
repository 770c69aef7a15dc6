// Who is asking, as the hotels service's use cases see it (built from the verified token).
#pragma once

#include <string>

namespace hotel::hotels::application {

struct Actor {
  std::string user_id;      // sub
  std::string email;        // the access token's username, which the identity service sets to it
  bool admin = false;       // in the Admin group
  bool manager = false;     // in the HotelManager group
  std::string traceparent;  // continues the request's trace through the events it causes
};

}  // namespace hotel::hotels::application
