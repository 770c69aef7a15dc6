#include "chassis/http/router.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <unordered_map>

#include <boost/container/small_vector.hpp>

namespace hotel::http {
namespace {

enum class SegmentKind { kLiteral, kCapture, kRest };

struct Segment {
  SegmentKind kind;
  std::string text;  // literal text or capture name
};

// A path's segments; the usual path has few, kept without a heap allocation.
using Parts = boost::container::small_vector<std::string_view, 16>;

Parts split_path(std::string_view path) {
  Parts parts;
  std::size_t start = 0;
  if (!path.empty() && path.front() == '/') start = 1;
  while (start <= path.size()) {
    auto end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    parts.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

std::vector<Segment> parse_pattern(const std::string& pattern) {
  if (pattern.empty() || pattern.front() != '/') {
    throw std::invalid_argument("route pattern must start with '/': " + pattern);
  }
  std::vector<Segment> segments;
  auto parts = split_path(pattern);
  for (std::size_t i = 0; i < parts.size(); ++i) {
    auto part = parts[i];
    if (part.size() >= 2 && part.front() == '{' && part.back() == '}') {
      auto name = part.substr(1, part.size() - 2);
      if (name.size() > 3 && name.ends_with("...")) {
        if (i + 1 != parts.size()) {
          throw std::invalid_argument("a rest capture must be last: " + pattern);
        }
        segments.push_back({SegmentKind::kRest, std::string(name.substr(0, name.size() - 3))});
      } else {
        segments.push_back({SegmentKind::kCapture, std::string(name)});
      }
    } else {
      segments.push_back({SegmentKind::kLiteral, std::string(part)});
    }
  }
  return segments;
}

struct CompiledRoute {
  Route route;
  std::vector<Segment> segments;
  bool captures = false;  // whether a match has parameters to fill in
};

// Matches and scores a route against a path. The score has one base-3 digit per segment
// position (literal 2, capture 1, rest or absent 0), most significant first, so that comparing
// scores compares specificity segment by segment: "/v1/hotels/search" beats "/v1/hotels/{id}".
constexpr std::size_t kScoredSegments = 32;
// 3^n: a score's absent digits (zeros) appended at once.
constexpr auto kPowersOfThree = [] {
  std::array<std::uint64_t, kScoredSegments + 1> powers{};
  powers[0] = 1;
  for (std::size_t n = 1; n < powers.size(); ++n) powers[n] = powers[n - 1] * 3;
  return powers;
}();

bool match_route(const CompiledRoute& compiled, const Parts& parts,
                 std::map<std::string, std::string, std::less<>>* params, std::uint64_t* score) {
  const auto& segments = compiled.segments;
  std::uint64_t value = 0;
  std::size_t digits = 0;
  auto push = [&](std::uint64_t digit) {
    if (digits < kScoredSegments) {
      value = value * 3 + digit;
      ++digits;
    }
  };
  std::size_t i = 0;
  auto finish = [&](bool matched) {
    if (matched && score != nullptr) *score = value * kPowersOfThree[kScoredSegments - digits];
    return matched;
  };
  for (; i < segments.size(); ++i) {
    const auto& segment = segments[i];
    if (segment.kind == SegmentKind::kRest) {
      if (i >= parts.size()) return false;
      std::size_t length = 0;
      for (std::size_t j = i; j < parts.size(); ++j) length += parts[j].size() + (j > i ? 1 : 0);
      if (length == 0) return false;
      if (params != nullptr) {
        std::string rest;
        rest.reserve(length);
        for (std::size_t j = i; j < parts.size(); ++j) {
          if (j > i) rest += '/';
          rest += parts[j];
        }
        (*params)[segment.text] = std::move(rest);
      }
      push(0);
      return finish(true);
    }
    if (i >= parts.size()) return false;
    if (segment.kind == SegmentKind::kLiteral) {
      if (parts[i] != segment.text) return false;
      push(2);
    } else {
      if (parts[i].empty()) return false;
      if (params != nullptr) (*params)[segment.text] = std::string(parts[i]);
      push(1);
    }
  }
  return finish(i == parts.size());
}

}  // namespace

// Routes by their leading literal segments, so that a match looks only at the routes that can
// match the path's first two segments; indices ascend, so that ties go to the route added first.
struct RouteIndex {
  // Looked up by a view of the path, without making a string of it.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
      return std::hash<std::string_view>{}(text);
    }
  };
  using Lists = std::unordered_map<std::string, std::vector<std::size_t>, Hash, std::equal_to<>>;
  Lists by_two;                  // "v1/hotels": both literal
  Lists by_one;                  // first literal only
  std::vector<std::size_t> any;  // first not literal

  void add(std::size_t index, const std::vector<Segment>& segments) {
    const bool first = !segments.empty() && segments[0].kind == SegmentKind::kLiteral;
    const bool second = first && segments.size() > 1 && segments[1].kind == SegmentKind::kLiteral;
    if (second) {
      by_two[segments[0].text + "/" + segments[1].text].push_back(index);
    } else if (first) {
      by_one[segments[0].text].push_back(index);
    } else {
      any.push_back(index);
    }
  }

  // Calls `visit(index)` for every route that may match `parts`, in ascending order.
  template <class Visit>
  void candidates(const Parts& parts, Visit visit) const {
    static const std::vector<std::size_t> kNone;
    const std::vector<std::size_t>* lists[3] = {&kNone, &kNone, &any};
    if (auto found = by_one.find(parts[0]); found != by_one.end()) lists[0] = &found->second;
    if (parts.size() > 1) {
      // The first two segments are adjacent in the path, one '/' apart: "v1/hotels" as it is.
      const std::string_view key(parts[0].data(), parts[0].size() + 1 + parts[1].size());
      if (auto found = by_two.find(key); found != by_two.end()) lists[1] = &found->second;
    }
    std::size_t at[3] = {0, 0, 0};
    for (;;) {
      int next = -1;
      for (int l = 0; l < 3; ++l) {
        if (at[l] < lists[l]->size() &&
            (next < 0 || (*lists[l])[at[l]] < (*lists[next])[at[next]])) {
          next = l;
        }
      }
      if (next < 0) return;
      visit((*lists[next])[at[next]++]);
    }
  }
};

constexpr std::size_t kMethodCount = static_cast<std::size_t>(Method::kOther) + 1;

struct Router::Impl {
  std::vector<CompiledRoute> compiled;
  std::vector<Route> routes;
  RouteIndex index;  // every route: the methods a path allows (405)
  // The routes that serve each method: its own and, for HEAD, GET's too; a request looks only
  // at the routes of its method.
  std::array<RouteIndex, kMethodCount> by_method;
};

Router::Router() : impl_(std::make_unique<Impl>()) {}
Router::~Router() = default;
Router::Router(Router&&) noexcept = default;
Router& Router::operator=(Router&&) noexcept = default;

Router& Router::add(Method method, std::string pattern, Handler handler, RoutePolicy policy) {
  auto segments = parse_pattern(pattern);
  for (const auto& existing : impl_->compiled) {
    if (existing.route.method == method && existing.route.pattern == pattern) {
      throw std::invalid_argument("duplicate route: " + std::string(method_name(method)) + " " +
                                  pattern);
    }
  }
  Route route{method, std::move(pattern), std::move(handler), std::move(policy)};
  const std::size_t at = impl_->compiled.size();
  impl_->index.add(at, segments);
  impl_->by_method[static_cast<std::size_t>(method)].add(at, segments);
  if (method == Method::kGet)
    impl_->by_method[static_cast<std::size_t>(Method::kHead)].add(at, segments);
  const bool captures = std::any_of(segments.begin(), segments.end(), [](const Segment& segment) {
    return segment.kind != SegmentKind::kLiteral;
  });
  impl_->routes.push_back(route);
  impl_->compiled.push_back({std::move(route), std::move(segments), captures});
  return *this;
}

Router::Match Router::match(Method method, std::string_view path) const {
  Match result;
  auto parts = split_path(path);
  std::uint64_t best_score = 0;
  std::uint32_t allowed = 0;  // a bit per method (Method's value) of the routes the path matches
  // HEAD is served by the GET route when no HEAD route exists.
  auto wanted = [&](Method route_method) {
    return route_method == method || (method == Method::kHead && route_method == Method::kGet);
  };
  const CompiledRoute* best = nullptr;
  // Routes of the wanted method first; the methods the path allows are looked for only when
  // none matched (a 405 names them).
  impl_->by_method[static_cast<std::size_t>(method)].candidates(parts, [&](std::size_t index) {
    const CompiledRoute& compiled = impl_->compiled[index];
    std::uint64_t score = 0;
    if (!match_route(compiled, parts, nullptr, &score)) return;
    // An exact HEAD route beats GET at the same specificity.
    score = score * 2 + (compiled.route.method == method ? 1 : 0);
    if (best == nullptr || score > best_score) {
      best_score = score;
      best = &compiled;
    }
  });
  if (best != nullptr) {
    result.route = &best->route;
    if (best->captures) match_route(*best, parts, &result.params, nullptr);
    return result;
  }
  impl_->index.candidates(parts, [&](std::size_t index) {
    const CompiledRoute& compiled = impl_->compiled[index];
    if (!wanted(compiled.route.method) && match_route(compiled, parts, nullptr, nullptr)) {
      allowed |= 1U << static_cast<unsigned>(compiled.route.method);
    }
  });
  std::vector<std::string_view> names;
  for (unsigned m = 0; m <= static_cast<unsigned>(Method::kOther); ++m) {
    if ((allowed & (1U << m)) != 0) names.push_back(method_name(static_cast<Method>(m)));
  }
  std::sort(names.begin(), names.end());
  for (const auto name : names) {
    if (!result.allowed.empty()) result.allowed += ", ";
    result.allowed += name;
  }
  return result;
}

const std::vector<Route>& Router::routes() const { return impl_->routes; }

}  // namespace hotel::http
