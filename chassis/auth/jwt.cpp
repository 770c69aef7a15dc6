#include "chassis/auth/jwt.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "chassis/auth/base64url.hpp"

namespace hotel::auth {

namespace {

std::string decode_segment(std::string_view segment, std::string_view what) {
  auto bytes = base64url_decode(segment);
  if (!bytes) throw TokenError(std::string(what) + " is not base64url");
  return std::move(*bytes);
}

boost::json::object parse_object(std::string_view segment, std::string_view what) {
  const std::string text = decode_segment(segment, what);
  boost::system::error_code error;
  boost::json::value value = boost::json::parse(text, error);
  if (error || !value.is_object()) throw TokenError(std::string(what) + " is not a JSON object");
  return std::move(value.as_object());
}

}  // namespace

std::string sign_jwt(const boost::json::object& claims, const RsaPrivateKey& key,
                     std::string_view kid) {
  const boost::json::object header{{"alg", "RS256"}, {"typ", "JWT"}, {"kid", kid}};
  std::string token = base64url_encode(boost::json::serialize(header));
  token += '.';
  token += base64url_encode(boost::json::serialize(claims));
  const std::string signature = key.sign_rs256(token);
  token += '.';
  token += base64url_encode(signature);
  return token;
}

DecodedJwt decode_jwt(std::string_view token) {
  if (token.size() > kMaxTokenSize) throw TokenError("token too large");
  const std::size_t first = token.find('.');
  const std::size_t second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) {
    throw TokenError("a token has exactly three segments");
  }
  DecodedJwt decoded;
  decoded.header = parse_object(token.substr(0, first), "header");
  decoded.payload = parse_object(token.substr(first + 1, second - first - 1), "payload");
  decoded.signing_input = std::string(token.substr(0, second));
  decoded.signature = decode_segment(token.substr(second + 1), "signature");
  if (decoded.signature.empty()) throw TokenError("signature is empty");
  return decoded;
}

}  // namespace hotel::auth
