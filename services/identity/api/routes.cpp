#include "services/identity/api/routes.hpp"

namespace hotel::identity::api {

void add_api_routes(http::Router& router, ApiContext& context) {
  add_well_known_routes(router, context);
  add_authorize_routes(router, context);
  add_login_routes(router, context);
  add_signup_routes(router, context);
  add_confirm_routes(router, context);
  add_password_reset_routes(router, context);
  add_logout_routes(router, context);
  add_token_routes(router, context);
  add_userinfo_routes(router, context);
  add_revoke_routes(router, context);
  add_users_admin_routes(router, context);
  add_users_me_routes(router, context);
  add_keys_admin_routes(router, context);
}

}  // namespace hotel::identity::api
