// OAuth client authentication at the token and revocation endpoints (RFC 6749 section 2.3.1):
// HTTP Basic with the form-encoded client id and secret, or the client_id and client_secret
// form fields; never both. A public client sends only its client_id.
#pragma once

#include <string>
#include <variant>

#include "chassis/http/router.hpp"
#include "services/identity/api/api_context.hpp"
#include "services/identity/api/form.hpp"

namespace hotel::identity::api {

struct ClientAuth {
  std::string client_id;
  std::string secret;
  bool basic = false;  // sent with HTTP Basic
};

// The credentials, or the invalid_request / invalid_client response refusing them.
std::variant<ClientAuth, http::Response> read_client_auth(const http::Request& request,
                                                          const Form& form);

// 401 invalid_client, with a Basic challenge when the client tried Basic.
http::Response invalid_client(const ClientAuth& auth);

// The client, authenticated for `grant`; else 401 invalid_client, or 400 unauthorized_client
// when it may not use the grant.
http::Task<std::variant<domain::OAuthClient, http::Response>> authenticate_client(
    ApiContext& context, const ClientAuth& credentials, domain::GrantType grant);

// The checks every form-encoded OAuth endpoint makes first: the content type, a parseable body,
// no repeated parameter. The form, or the invalid_request response.
std::variant<Form, http::Response> read_oauth_form(const http::Request& request);

}  // namespace hotel::identity::api
