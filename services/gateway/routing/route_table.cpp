#include "services/gateway/routing/route_table.hpp"

#include <algorithm>
#include <array>
#include <boost/json.hpp>
#include <fstream>
#include <sstream>

namespace hotel::gateway::routing {
namespace {

namespace json = boost::json;
using http::Method;

constexpr std::array<std::string_view, 4> kInternalRoots{"/v1/events", "/v1/admin", "/metrics",
                                                         "/health"};
// Paths the gateway answers itself.
constexpr std::array<std::string_view, 3> kGatewayRoots{"/hotel", "/openapi.json", "/"};
constexpr std::array<std::string_view, 8> kKnownFields{"path",       "service",     "methods",
                                                       "access",     "rate_class",  "body_limit",
                                                       "timeout_ms", "max_attempts"};
constexpr std::size_t kMaxBodyLimit = 64u << 20;
constexpr std::int64_t kMaxTimeoutMs = 300'000;

bool under(std::string_view path, std::string_view root) {
  if (root == "/") return path == "/";
  return path == root || (path.starts_with(root) && path[root.size()] == '/');
}

class RuleReader {
 public:
  RuleReader(const json::object& entry, std::size_t index, const TableVocabulary& vocabulary)
      : entry_(entry), where_("routes[" + std::to_string(index) + "]."), vocabulary_(vocabulary) {}

  RouteRule read() {
    for (const auto& field : entry_) {
      if (std::find(kKnownFields.begin(), kKnownFields.end(), field.key()) == kKnownFields.end()) {
        fail(std::string(field.key()), "unknown field");
      }
    }
    RouteRule rule;
    rule.path = path();
    rule.service = one_of("service", vocabulary_.services, std::nullopt);
    rule.methods = methods();
    rule.policy.access = access();
    rule.policy.rate_class = one_of("rate_class", vocabulary_.rate_classes, "default");
    rule.policy.body_limit = static_cast<std::size_t>(
        number("body_limit", static_cast<std::int64_t>(rule.policy.body_limit), 0,
               static_cast<std::int64_t>(kMaxBodyLimit)));
    rule.policy.timeout = std::chrono::milliseconds(number("timeout_ms", 10'000, 1, kMaxTimeoutMs));
    rule.max_attempts = static_cast<int>(number("max_attempts", 3, 1, kMaxAttemptsLimit));
    return rule;
  }

 private:
  [[noreturn]] void fail(const std::string& field, const std::string& why) const {
    throw RouteTableError(where_ + field + ": " + why);
  }

  const json::value* find(std::string_view field) const { return entry_.if_contains(field); }

  std::string string_field(std::string_view field) const {
    const auto* value = find(field);
    if (value == nullptr) fail(std::string(field), "required");
    if (!value->is_string()) fail(std::string(field), "must be a string");
    return std::string(value->as_string());
  }

  std::string path() const {
    std::string path = string_field("path");
    if (!path.starts_with('/')) fail("path", "must start with '/'");
    if (path.find_first_of("?#%\\ \t") != std::string::npos) {
      fail("path", "must not contain '?', '#', '%', '\\' or spaces");
    }
    const auto stars = path.find('*');
    if (stars != std::string::npos && (stars + 2 != path.size() || !path.ends_with("/**"))) {
      fail("path", "'**' may only end the path, as \"/**\"");
    }
    if (path.find("...}") != std::string::npos) fail("path", "use \"/**\" for a prefix");
    const std::string_view prefix =
        path.ends_with("/**") ? std::string_view(path).substr(0, path.size() - 3) : path;
    if (prefix.empty()) fail("path", "\"/**\" would route every path, internal ones included");
    if (prefix.find("/./") != std::string::npos || prefix.find("/../") != std::string::npos ||
        prefix.ends_with("/.") || prefix.ends_with("/..")) {
      fail("path", "must not contain '.' or '..' segments");
    }
    for (auto root : kInternalRoots) {
      if (under(prefix, root) || (path.ends_with("/**") && under(root, prefix))) {
        fail("path", "covers " + std::string(root) + ", which is internal and never proxied");
      }
    }
    for (auto root : kGatewayRoots) {
      if (under(prefix, root) || (root != "/" && path.ends_with("/**") && under(root, prefix))) {
        fail("path", "covers " + std::string(root) + ", which the gateway serves itself");
      }
    }
    return path;
  }

  std::string one_of(std::string_view field, const std::vector<std::string>& allowed,
                     std::optional<std::string> fallback) const {
    if (find(field) == nullptr && fallback) return *fallback;
    std::string value = string_field(field);
    if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
      std::string list;
      for (const auto& name : allowed) list += (list.empty() ? "" : ", ") + name;
      fail(std::string(field), "'" + value + "' is not one of " + list);
    }
    return value;
  }

  std::vector<Method> methods() const {
    const auto* value = find("methods");
    if (value == nullptr) {
      return {Method::kGet, Method::kPost, Method::kPut, Method::kPatch, Method::kDelete};
    }
    if (!value->is_array() || value->as_array().empty()) {
      fail("methods", "must be a non-empty list of method names");
    }
    std::vector<Method> methods;
    for (const auto& item : value->as_array()) {
      const Method method =
          item.is_string() ? http::parse_method(item.as_string()) : Method::kOther;
      if (method == Method::kOther || method == Method::kOptions) {
        fail("methods", "each must be one of GET, HEAD, POST, PUT, PATCH, DELETE");
      }
      if (std::find(methods.begin(), methods.end(), method) != methods.end()) {
        fail("methods", "lists " + std::string(http::method_name(method)) + " twice");
      }
      methods.push_back(method);
    }
    return methods;
  }

  http::Access access() const {
    const auto* value = find("access");
    if (value == nullptr) return http::Access::signed_in();
    if (value->is_string()) {
      if (value->as_string() == "public") return http::Access::anyone();
      if (value->as_string() == "signed_in") return http::Access::signed_in();
    } else if (value->is_array() && !value->as_array().empty()) {
      std::vector<std::string> groups;
      for (const auto& item : value->as_array()) {
        if (!item.is_string() || item.as_string().empty()) break;
        groups.emplace_back(item.as_string());
      }
      if (groups.size() == value->as_array().size()) return http::Access::groups_any(groups);
    }
    fail("access", "must be \"public\", \"signed_in\" or a non-empty list of group names");
  }

  std::int64_t number(std::string_view field, std::int64_t fallback, std::int64_t min,
                      std::int64_t max) const {
    const auto* value = find(field);
    if (value == nullptr) return fallback;
    if (!value->is_int64() || value->as_int64() < min || value->as_int64() > max) {
      fail(std::string(field),
           "must be an integer from " + std::to_string(min) + " to " + std::to_string(max));
    }
    return value->as_int64();
  }

  const json::object& entry_;
  std::string where_;
  const TableVocabulary& vocabulary_;
};

}  // namespace

std::string_view RouteRule::prefix() const {
  std::string_view view(path);
  if (is_prefix()) view.remove_suffix(3);
  return view;
}

std::vector<std::string> RouteRule::patterns() const {
  if (!is_prefix()) return {path};
  const std::string base(prefix());
  return {base, base + "/{rest...}"};
}

std::set<std::string> RouteTable::services() const {
  std::set<std::string> names;
  for (const auto& rule : rules) names.insert(rule.service);
  return names;
}

RouteTable parse_route_table(std::string_view text, const TableVocabulary& vocabulary) {
  boost::system::error_code ec;
  json::value root = json::parse(text, ec);
  if (ec) throw RouteTableError("not valid JSON: " + ec.message());
  const auto* routes = root.is_object() ? root.as_object().if_contains("routes") : nullptr;
  if (routes == nullptr || !routes->is_array() || root.as_object().size() != 1) {
    throw RouteTableError("must be an object with one field, \"routes\", a list");
  }
  RouteTable table;
  http::Router shape;  // catches malformed patterns and duplicate (method, pattern) pairs
  const auto& list = routes->as_array();
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (!list[i].is_object()) {
      throw RouteTableError("routes[" + std::to_string(i) + "]: must be an object");
    }
    RouteRule rule = RuleReader(list[i].as_object(), i, vocabulary).read();
    try {
      for (const auto& pattern : rule.patterns()) {
        for (auto method : rule.methods) shape.add(method, pattern, {});
      }
    } catch (const std::invalid_argument& error) {
      throw RouteTableError("routes[" + std::to_string(i) + "].path: " + error.what());
    }
    table.rules.push_back(std::move(rule));
  }
  if (table.rules.empty()) throw RouteTableError("routes: must not be empty");
  return table;
}

RouteTable load_route_table(const std::string& file, const TableVocabulary& vocabulary) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw RouteTableError("cannot read route table " + file);
  std::ostringstream text;
  text << in.rdbuf();
  try {
    return parse_route_table(text.str(), vocabulary);
  } catch (const RouteTableError& error) {
    throw RouteTableError("route table " + file + ": " + error.what());
  }
}

bool is_internal_path(std::string_view path) {
  return std::any_of(kInternalRoots.begin(), kInternalRoots.end(),
                     [&](std::string_view root) { return under(path, root); });
}

}  // namespace hotel::gateway::routing
