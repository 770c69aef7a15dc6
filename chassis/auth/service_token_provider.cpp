#include "chassis/auth/service_token_provider.hpp"

#include <mutex>

#include <sodium.h>
#include <boost/json/parse.hpp>

#include "chassis/core/runtime.hpp"
#include "chassis/discovery/resolver.hpp"
#include "chassis/secrets/secrets_provider.hpp"

namespace hotel::auth {
namespace {

// RFC 6749 section 2.3.1: the id and secret are form-encoded before Basic's base64.
std::string form_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : text) {
    const auto byte = static_cast<unsigned char>(ch);
    const bool plain = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
                       (ch >= '0' && ch <= '9') || ch == '-' || ch == '.' || ch == '_' || ch == '~';
    if (plain) {
      out.push_back(ch);
    } else {
      out += {'%', kHex[byte >> 4], kHex[byte & 0x0F]};
    }
  }
  return out;
}

std::string base64(std::string_view bytes) {
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                    bytes.size(), sodium_base64_VARIANT_ORIGINAL);
  out.resize(out.size() - 1);  // the terminating NUL
  return out;
}

std::string text_field(const boost::json::object& object, std::string_view name) {
  const auto* value = object.if_contains(name);
  return value != nullptr && value->is_string() ? std::string(value->get_string()) : std::string();
}

http::Request token_request(const ServiceTokenOptions& options, std::string_view secret) {
  http::Request request;
  request.method = http::Method::kPost;
  request.target = options.token_path;
  request.headers.set("Content-Type", "application/x-www-form-urlencoded");
  request.headers.set("Accept", "application/json");
  request.headers.set("Authorization", "Basic " + base64(form_encode(options.client_id) + ":" +
                                                         form_encode(secret)));
  request.body = "grant_type=client_credentials";
  if (!options.scope.empty()) request.body += "&scope=" + form_encode(options.scope);
  return request;
}

struct IssuedToken {
  std::string token;
  std::chrono::seconds lifetime;
};

// The access token and its lifetime from the token endpoint's answer; throws ServiceTokenError.
IssuedToken parse_token_answer(const http::Response& response) {
  boost::system::error_code ec;
  const auto body = boost::json::parse(response.body, ec);
  const auto* object = !ec && body.is_object() ? &body.get_object() : nullptr;
  if (response.status != 200 || object == nullptr) {
    const std::string error = object != nullptr ? text_field(*object, "error") : std::string();
    throw ServiceTokenError("the token endpoint answered " + std::to_string(response.status) +
                            (error.empty() ? std::string() : " " + error));
  }
  std::string token = text_field(*object, "access_token");
  const auto* expires_in = object->if_contains("expires_in");
  if (token.empty() || expires_in == nullptr || !expires_in->is_int64() ||
      expires_in->get_int64() <= 0) {
    throw ServiceTokenError("the token endpoint's answer has no access_token or expires_in");
  }
  return {std::move(token), std::chrono::seconds(expires_in->get_int64())};
}

}  // namespace

std::string service_client_secret_name(std::string_view client_id) {
  return "identity-client-secret-" + std::string(client_id);
}

struct ServiceTokenProvider::State {
  std::mutex mutex;
  std::string authorization;  // "Bearer ..." or empty
  std::chrono::steady_clock::time_point renew_at;
};

ServiceTokenProvider::ServiceTokenProvider(core::Runtime& runtime, http::HttpClient& client,
                                           const discovery::Resolver& resolver,
                                           secrets::SecretsProvider& secrets,
                                           ServiceTokenOptions options, const core::Clock& clock)
    : runtime_(runtime),
      client_(client),
      resolver_(resolver),
      secrets_(secrets),
      options_(std::move(options)),
      clock_(clock),
      state_(std::make_unique<State>()) {}

ServiceTokenProvider::~ServiceTokenProvider() = default;

void ServiceTokenProvider::invalidate() {
  std::lock_guard lock(state_->mutex);
  state_->authorization.clear();
}

http::Task<std::string> ServiceTokenProvider::authorization() {
  {
    std::lock_guard lock(state_->mutex);
    if (!state_->authorization.empty() && clock_.steady_now() < state_->renew_at) {
      co_return state_->authorization;
    }
  }
  co_return co_await fetch();
}

http::Task<std::string> ServiceTokenProvider::fetch() {
  const std::string name = service_client_secret_name(options_.client_id);
  const auto secret = co_await runtime_.call([&] { return secrets_.get(name); });
  if (!secret) throw ServiceTokenError("the secrets store has no " + name);
  const auto endpoints = resolver_.resolve(options_.issuer_service);
  if (endpoints.empty()) {
    throw ServiceTokenError("no endpoint known for " + options_.issuer_service);
  }
  http::CallOptions call;
  call.timeout = options_.timeout;
  const auto sent_at = clock_.steady_now();
  const http::Response response =
      co_await client_.send(endpoints.front(), token_request(options_, *secret), call);
  const IssuedToken issued = parse_token_answer(response);
  const auto margin = std::min<std::chrono::seconds>(options_.renew_before, issued.lifetime / 2);
  std::lock_guard lock(state_->mutex);
  state_->authorization = "Bearer " + issued.token;
  state_->renew_at = sent_at + issued.lifetime - margin;
  co_return state_->authorization;
}

}  // namespace hotel::auth
