// The user pool's administration use cases and the demo users.
#include <stdexcept>

#include "services/identity/application/user_events.hpp"
#include "services/identity/application/user_pool.hpp"
#include "services/identity/application/user_pool_internal.hpp"

namespace hotel::identity::application {

using Kind = UserPoolError::Kind;
using detail::user_not_found;

const std::vector<DemoUser>& demo_users() {
  static const std::vector<DemoUser> users{
      {"admin@hotel.test", "Admin#2026demo", "Ada", "Admin", domain::Group::kAdmin},
      {"manager1@hotel.test", "Manager#2026demo", "Max", "Manager", domain::Group::kHotelManager},
      {"manager2@hotel.test", "Manager#2026demo", "Mia", "Manager", domain::Group::kHotelManager},
      {"customer@hotel.test", "Customer#2026demo", "Carl", "Customer", std::nullopt},
  };
  return users;
}

PoolResult<domain::User> UserPool::admin_create_user(const AdminCreateUser& request) {
  auto prepared = new_user(request.email, request.password, request.attributes, request.confirmed);
  if (!prepared) return core::fail(prepared.error());
  domain::StoredUser& stored = prepared.value();
  if (request.group) domain::add_group(stored.user.groups, *request.group);
  return store_.write([&](storage::UnitOfWork& work) -> PoolResult<domain::User> {
    if (!work.users().insert(stored)) return detail::email_taken();
    if (request.confirmed) {
      work.publish(signed_up_event(stored.user, request.traceparent));
    } else {
      send_code(work, stored.user, domain::CodePurpose::kSignUp, request.traceparent);
    }
    return stored.user;
  });
}

storage::UserPage UserPool::list_users(const storage::UserQuery& query) const {
  return store_.read([&](storage::UnitOfWork& work) { return work.users().list(query); });
}

PoolResult<domain::User> UserPool::set_enabled(std::string_view user_id, bool enabled) {
  return store_.write([&](storage::UnitOfWork& work) -> PoolResult<domain::User> {
    auto stored = work.users().find_by_id(user_id);
    if (!stored) return user_not_found();
    domain::User& user = stored->user;
    const auto now = now_ms(clock_);
    if (user.enabled != enabled) {
      user.enabled = enabled;
      user.updated_at = now;
      work.users().update(user);
    }
    if (!enabled) work.tokens().revoke_user(user.id, now);
    return std::move(user);
  });
}

PoolResult<domain::User> UserPool::add_to_group(std::string_view user_id, domain::Group group) {
  return change_groups(user_id, group, true);
}

PoolResult<domain::User> UserPool::remove_from_group(std::string_view user_id,
                                                     domain::Group group) {
  return change_groups(user_id, group, false);
}

PoolResult<domain::User> UserPool::change_groups(std::string_view user_id, domain::Group group,
                                                 bool add) {
  return store_.write([&](storage::UnitOfWork& work) -> PoolResult<domain::User> {
    auto stored = work.users().find_by_id(user_id);
    if (!stored) return user_not_found();
    domain::User& user = stored->user;
    const bool changed =
        add ? domain::add_group(user.groups, group) : domain::remove_group(user.groups, group);
    if (changed) {
      user.updated_at = now_ms(clock_);
      work.users().update(user);
    }
    return std::move(user);
  });
}

int UserPool::seed_demo_users() {
  int created = 0;
  for (const auto& demo : demo_users()) {
    const auto result =
        admin_create_user({.email = demo.email,
                           .password = demo.password,
                           .attributes = {demo.given_name, demo.family_name, "", ""},
                           .group = demo.group,
                           .confirmed = true,
                           .traceparent = {}});
    if (result.ok()) {
      ++created;
    } else if (result.error().kind != Kind::kEmailTaken) {
      throw std::runtime_error("demo user " + std::string(demo.email) + ": " +
                               result.error().message);
    }
  }
  return created;
}

}  // namespace hotel::identity::application
