#include "chassis/auth/curl_jwks_source.hpp"

#include <memory>
#include <mutex>
#include <stdexcept>

#include <curl/curl.h>

#include "chassis/core/runtime.hpp"

namespace hotel::auth {

namespace {

struct EasyDeleter {
  void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};

struct Body {
  std::string text;
  std::size_t limit = 0;
  bool too_large = false;
};

std::size_t append_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* body = static_cast<Body*>(user);
  const std::size_t bytes = size * count;
  if (body->text.size() + bytes > body->limit) {
    body->too_large = true;
    return 0;  // aborts the transfer
  }
  body->text.append(data, bytes);
  return bytes;
}

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
      throw std::runtime_error("curl_global_init failed");
    }
  });
}

// Blocking: runs on the worker pool.
std::string get(const std::string& url, const CurlJwksOptions& options) {
  init_curl_once();
  const std::unique_ptr<CURL, EasyDeleter> easy(curl_easy_init());
  if (!easy) throw std::runtime_error("curl_easy_init failed");
  Body body{.limit = options.max_body};
  char error[CURL_ERROR_SIZE] = {};
  CURL* handle = easy.get();
  curl_easy_setopt(handle, CURLOPT_URL, url.c_str());
  curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout.count()));
  curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, append_body);
  curl_easy_setopt(handle, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(handle, CURLOPT_USERAGENT, "hotel-auth/1");
  const CURLcode code = curl_easy_perform(handle);
  if (body.too_large) throw std::runtime_error("JWKS from " + url + " is too large");
  if (code != CURLE_OK) {
    throw std::runtime_error("JWKS fetch from " + url +
                             " failed: " + (error[0] != '\0' ? error : curl_easy_strerror(code)));
  }
  long status = 0;
  curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &status);
  if (status != 200) {
    throw std::runtime_error("JWKS fetch from " + url + " answered " + std::to_string(status));
  }
  return std::move(body.text);
}

}  // namespace

CurlJwksSource::CurlJwksSource(core::Runtime& runtime, std::string url, CurlJwksOptions options)
    : runtime_(runtime), url_(std::move(url)), options_(options) {
  if (!url_.starts_with("https://") && !url_.starts_with("http://")) {
    throw std::invalid_argument("JWKS URL must be http:// or https://: " + url_);
  }
}

http::Task<Jwks> CurlJwksSource::fetch() {
  std::string body = co_await runtime_.call([this] { return get(url_, options_); });
  co_return Jwks::parse(body);
}

}  // namespace hotel::auth
