#include "chassis/http/message.hpp"

#include <algorithm>
#include <array>
#include <boost/url/params_view.hpp>
#include <boost/url/parse_query.hpp>
#include <cctype>

namespace hotel::http {
namespace {

// ASCII only, as field names are; no locale lookup per character (fields are compared often).
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr std::array<std::pair<Method, std::string_view>, 7> kMethodNames{{
    {Method::kGet, "GET"},
    {Method::kHead, "HEAD"},
    {Method::kPost, "POST"},
    {Method::kPut, "PUT"},
    {Method::kPatch, "PATCH"},
    {Method::kDelete, "DELETE"},
    {Method::kOptions, "OPTIONS"},
}};

const std::string kEmpty;

}  // namespace

bool ascii_iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return lower(x) == lower(y); });
}

std::string_view method_name(Method method) {
  for (const auto& [m, name] : kMethodNames) {
    if (m == method) return name;
  }
  return "OTHER";
}

Method parse_method(std::string_view name) {
  for (const auto& [m, text] : kMethodNames) {
    if (text == name) return m;
  }
  return Method::kOther;
}

const std::string* Headers::find(std::string_view name) const {
  for (const auto& [k, v] : fields_) {
    if (ascii_iequals(k, name)) return &v;
  }
  return nullptr;
}

std::optional<std::string> Headers::get(std::string_view name) const {
  const std::string* value = find(name);
  return value != nullptr ? std::optional<std::string>(*value) : std::nullopt;
}

std::string Headers::get_or(std::string_view name, std::string_view fallback) const {
  const std::string* value = find(name);
  return value != nullptr ? *value : std::string(fallback);
}

bool Headers::has(std::string_view name) const { return find(name) != nullptr; }

void Headers::set(std::string name, std::string value) {
  remove(name);
  fields_.emplace_back(std::move(name), std::move(value));
}

void Headers::add(std::string name, std::string value) {
  fields_.emplace_back(std::move(name), std::move(value));
}

void Headers::remove(std::string_view name) {
  std::erase_if(fields_, [&](const auto& field) { return ascii_iequals(field.first, name); });
}

std::chrono::milliseconds RequestContext::remaining() const {
  if (deadline == std::chrono::steady_clock::time_point::max()) {
    return std::chrono::milliseconds::max();
  }
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline - std::chrono::steady_clock::now());
  return std::max(left, std::chrono::milliseconds(0));
}

std::string RequestContext::traceparent() const { return "00-" + trace_id + "-" + span_id + "-01"; }

std::optional<std::string> Request::query_param(std::string_view name) const {
  if (!boost::urls::parse_query(query)) return std::nullopt;
  // Form encoding: '+' is a space in query values.
  boost::urls::params_view params(query, boost::urls::encoding_opts(true));
  for (auto param : params) {
    if (param.key == name) return std::string(param.value);
  }
  return std::nullopt;
}

const std::string& Request::param(std::string_view name) const {
  auto it = path_params.find(name);
  return it == path_params.end() ? kEmpty : it->second;
}

Response Response::json(int status, std::string body) {
  return text(status, std::move(body), "application/json");
}

Response Response::text(int status, std::string body, std::string content_type) {
  Response response;
  response.status = status;
  response.headers.set("Content-Type", std::move(content_type));
  response.body = std::move(body);
  return response;
}

Response Response::empty(int status) {
  Response response;
  response.status = status;
  return response;
}

}  // namespace hotel::http
