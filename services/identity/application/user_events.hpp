// The events the user pool publishes, for the notification service and anyone who keeps users.
//   user.confirmation_requested  {email, given_name, code, purpose: "sign_up" | "reset_password"}
//   user.signed_up               {sub, email, given_name, family_name, groups}
// The subject is the user's sub. Note that the first carries a live code: the feed must be
// readable only by trusted services.
#pragma once

#include <string_view>

#include "chassis/events/outbox.hpp"
#include "services/identity/domain/codes.hpp"
#include "services/identity/domain/user.hpp"

namespace hotel::identity::application {

inline constexpr const char* kConfirmationRequested = "user.confirmation_requested";
inline constexpr const char* kSignedUp = "user.signed_up";

events::NewEvent confirmation_requested_event(const domain::User& user, std::string_view code,
                                              domain::CodePurpose purpose,
                                              std::string_view traceparent);
events::NewEvent signed_up_event(const domain::User& user, std::string_view traceparent);

}  // namespace hotel::identity::application
