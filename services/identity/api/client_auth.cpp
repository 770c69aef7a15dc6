#include "services/identity/api/client_auth.hpp"

#include <sodium.h>

#include <optional>
#include <string_view>

#include "chassis/core/runtime.hpp"
#include "services/identity/api/oauth_response.hpp"

namespace hotel::identity::api {
namespace {

std::optional<std::string> base64_decode(std::string_view text) {
  std::string out(text.size(), '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                        text.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    return std::nullopt;
  }
  out.resize(length);
  return out;
}

// A form-encoded component of the Basic credentials ("+" and %XX).
std::optional<std::string> form_decode(std::string_view text) {
  auto form = Form::parse("v=" + std::string(text));
  if (!form) return std::nullopt;
  return form->value("v");
}

bool starts_with_basic(std::string_view header) {
  if (header.size() < 6) return false;
  constexpr std::string_view kScheme = "basic ";
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    if ((header[i] | 0x20) != kScheme[i]) return false;
  }
  return true;
}

}  // namespace

std::variant<ClientAuth, http::Response> read_client_auth(const http::Request& request,
                                                          const Form& form) {
  const auto header = request.headers.get("Authorization");
  const bool in_form = form.get("client_id").has_value() || form.get("client_secret").has_value();
  if (header && starts_with_basic(*header)) {
    if (in_form && form.get("client_secret")) {
      return oauth_error(400, "invalid_request", "use one client authentication method only");
    }
    std::string_view encoded = *header;
    encoded.remove_prefix(6);
    const auto decoded = base64_decode(encoded);
    const auto colon = decoded ? decoded->find(':') : std::string::npos;
    if (colon == std::string::npos) {
      return invalid_client({.basic = true});
    }
    auto id = form_decode(decoded->substr(0, colon));
    auto secret = form_decode(decoded->substr(colon + 1));
    if (!id || !secret || id->empty()) return invalid_client({.basic = true});
    if (const auto named = form.get("client_id"); named && *named != *id) {
      return oauth_error(400, "invalid_request", "client_id does not match the Basic credentials");
    }
    return ClientAuth{std::move(*id), std::move(*secret), true};
  }
  const std::string client_id = form.value("client_id");
  if (client_id.empty()) {
    return oauth_error(400, "invalid_request",
                       "client authentication is required (HTTP Basic or client_id)");
  }
  return ClientAuth{client_id, form.value("client_secret"), false};
}

http::Response invalid_client(const ClientAuth& auth) {
  auto response = oauth_error(401, "invalid_client", "client authentication failed");
  if (auth.basic) response.headers.set("WWW-Authenticate", "Basic realm=\"hotel\"");
  return response;
}

http::Task<std::variant<domain::OAuthClient, http::Response>> authenticate_client(
    ApiContext& context, const ClientAuth& credentials, domain::GrantType grant) {
  auto client = co_await context.runtime.call([&] {
    return context.clients.authenticate(credentials.client_id, credentials.secret, grant);
  });
  if (client) co_return std::move(client.value());
  if (client.error() == domain::ClientProblem::kGrantNotAllowed) {
    co_return oauth_error(
        400, "unauthorized_client",
        "this client may not use the grant " + std::string(domain::to_string(grant)));
  }
  co_return invalid_client(credentials);
}

std::variant<Form, http::Response> read_oauth_form(const http::Request& request) {
  if (!is_form_encoded(request)) {
    return oauth_error(400, "invalid_request",
                       "the body must be application/x-www-form-urlencoded");
  }
  auto form = Form::parse(request.body);
  if (!form) return oauth_error(400, "invalid_request", "the body is not a valid form");
  if (const auto repeated = form->first_repeated(); !repeated.empty()) {
    return oauth_error(400, "invalid_request", "the parameter " + repeated + " is repeated");
  }
  return std::move(*form);
}

}  // namespace hotel::identity::api
