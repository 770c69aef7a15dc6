#include "services/identity/application/user_events.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace hotel::identity::application {

events::NewEvent confirmation_requested_event(const domain::User& user, std::string_view code,
                                              domain::CodePurpose purpose,
                                              std::string_view traceparent) {
  boost::json::object data;
  data["email"] = user.email;
  data["given_name"] = user.attributes.given_name;
  data["code"] = code;
  data["purpose"] = domain::to_string(purpose);
  return {kConfirmationRequested, user.id, std::move(data), std::string(traceparent)};
}

events::NewEvent signed_up_event(const domain::User& user, std::string_view traceparent) {
  boost::json::array groups;
  for (const auto group : user.groups) groups.emplace_back(domain::to_string(group));
  boost::json::object data;
  data["sub"] = user.id;
  data["email"] = user.email;
  data["given_name"] = user.attributes.given_name;
  data["family_name"] = user.attributes.family_name;
  data["groups"] = std::move(groups);
  return {kSignedUp, user.id, std::move(data), std::string(traceparent)};
}

}  // namespace hotel::identity::application
