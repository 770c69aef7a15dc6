// The identity service's HTTP routes, one small family per file.
#pragma once

#include "chassis/http/router.hpp"
#include "services/identity/api/api_context.hpp"

namespace hotel::identity::api {

// Every route below.
void add_api_routes(http::Router& router, ApiContext& context);

void add_well_known_routes(http::Router& router, ApiContext& context);      // well_known.cpp
void add_authorize_routes(http::Router& router, ApiContext& context);       // authorize.cpp
void add_login_routes(http::Router& router, ApiContext& context);           // login.cpp
void add_signup_routes(http::Router& router, ApiContext& context);          // signup.cpp
void add_confirm_routes(http::Router& router, ApiContext& context);         // confirm.cpp
void add_password_reset_routes(http::Router& router, ApiContext& context);  // password_reset.cpp
void add_logout_routes(http::Router& router, ApiContext& context);          // logout.cpp
void add_token_routes(http::Router& router, ApiContext& context);           // token.cpp
void add_userinfo_routes(http::Router& router, ApiContext& context);        // userinfo.cpp
void add_revoke_routes(http::Router& router, ApiContext& context);          // revoke.cpp
void add_users_admin_routes(http::Router& router, ApiContext& context);     // users_admin.cpp
void add_users_me_routes(http::Router& router, ApiContext& context);        // users_me.cpp
void add_keys_admin_routes(http::Router& router, ApiContext& context);      // keys_admin.cpp

}  // namespace hotel::identity::api
