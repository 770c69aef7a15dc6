#include "services/identity/api/authorize_params.hpp"

namespace hotel::identity::api {
namespace {

using Params = std::vector<std::pair<std::string, std::string>>;

std::string encode(const Params& params) {
  std::string query;
  for (const auto& [name, value] : params) {
    if (value.empty()) continue;
    if (!query.empty()) query += '&';
    query += url_encode(name) + "=" + url_encode(value);
  }
  return query;
}

}  // namespace

AuthorizeParams AuthorizeParams::from(const Form& form) {
  return {.response_type = form.value("response_type"),
          .client_id = form.value("client_id"),
          .redirect_uri = form.value("redirect_uri"),
          .scope = form.value("scope"),
          .state = form.value("state"),
          .nonce = form.value("nonce"),
          .code_challenge = form.value("code_challenge"),
          .code_challenge_method = form.value("code_challenge_method"),
          .prompt = form.value("prompt")};
}

std::string AuthorizeParams::query() const {
  return encode({{"response_type", response_type},
                 {"client_id", client_id},
                 {"redirect_uri", redirect_uri},
                 {"scope", scope},
                 {"state", state},
                 {"nonce", nonce},
                 {"code_challenge", code_challenge},
                 {"code_challenge_method", code_challenge_method}});
}

std::string AuthorizeParams::link(std::string_view path, const Params& extra) const {
  std::string query = this->query();
  const std::string more = encode(extra);
  if (!more.empty()) query += (query.empty() ? "" : "&") + more;
  return std::string(path) + (query.empty() ? "" : "?" + query);
}

std::string redirect_uri_with(std::string_view uri, const Params& params, bool fragment) {
  const std::string encoded = encode(params);
  if (fragment) return std::string(uri) + "#" + encoded;
  const char separator = uri.find('?') == std::string_view::npos ? '?' : '&';
  return std::string(uri) + separator + encoded;
}

}  // namespace hotel::identity::api
