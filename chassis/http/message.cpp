#include "chassis/http/message.hpp"

#include <algorithm>
#include <array>
#include <boost/url/params_view.hpp>
#include <boost/url/parse_query.hpp>
#include <cctype>
#include <functional>
#include <limits>
#include <stdexcept>

#include "chassis/http/swar.hpp"
#include "chassis/http/token_chars.hpp"

namespace hotel::http {
namespace {

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

// Whether `text` starts inside `within` (std::less: a total order even for unrelated pointers).
bool starts_inside(std::string_view text, std::string_view within) {
  const std::less<const char*> before;
  return !text.empty() && !before(text.data(), within.data()) &&
         before(text.data(), within.data() + within.size());
}

}  // namespace

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

std::optional<std::string_view> Headers::find(std::string_view name) const {
  for (const Entry& entry : entries_) {
    if (ascii_iequals(name_of(entry), name)) return value_of(entry);
  }
  return std::nullopt;
}

std::optional<std::string> Headers::get(std::string_view name) const {
  const auto value = find(name);
  return value ? std::optional<std::string>(*value) : std::nullopt;
}

std::string Headers::get_or(std::string_view name, std::string_view fallback) const {
  return std::string(find(name).value_or(fallback));
}

void Headers::set(std::string_view name, std::string_view value) {
  remove(name);
  append(name, value, false);
}

void Headers::add(std::string_view name, std::string_view value) { append(name, value, false); }

void Headers::add_checked(std::string_view name, std::string_view value) {
  if (name.empty() || !std::all_of(name.begin(), name.end(), is_token_char)) {
    throw std::invalid_argument("Headers::add_checked: the field name is not a token");
  }
  if (!swar::is_safe(value)) {
    throw std::invalid_argument("Headers::add_checked: CR, LF or NUL in the field value");
  }
  append(name, value, true);
}

Headers::Taken Headers::take(std::string_view lines) {
  if (starts_inside(lines, text_)) throw std::invalid_argument("Headers::take of its own text");
  const std::uint32_t base = next_offset(lines.size());
  text_.append(lines);
  return {lines, base};
}

void Headers::add_taken(const Taken& taken, std::string_view name, std::string_view value) {
  const auto offset = [&](std::string_view part) {
    const std::less<const char*> before;
    if (before(part.data(), taken.source.data()) ||
        before(taken.source.data() + taken.source.size(), part.data()) ||
        static_cast<std::size_t>(part.data() - taken.source.data()) + part.size() >
            taken.source.size()) {
      throw std::invalid_argument("Headers::add_taken: a field outside the text taken");
    }
    return taken.base + static_cast<std::uint32_t>(part.data() - taken.source.data());
  };
  entries_.push_back({offset(name), static_cast<std::uint32_t>(name.size()), offset(value),
                      static_cast<std::uint32_t>(value.size()), true});
}

void Headers::add_all(const Headers& other) {
  // By index, and the text appended whole first: `other` may be this very object.
  const std::size_t count = other.entries_.size();
  const std::uint32_t base = next_offset(other.text_.size());
  text_.append(other.text_);
  entries_.reserve(entries_.size() + count);
  for (std::size_t at = 0; at < count; ++at) {
    Entry entry = other.entries_[at];
    entry.name_at += base;
    entry.value_at += base;
    entries_.push_back(entry);
  }
}

void Headers::remove(std::string_view name) {
  std::erase_if(entries_, [&](const Entry& entry) { return ascii_iequals(name_of(entry), name); });
}

void Headers::append(std::string_view name, std::string_view value, bool checked) {
  if (starts_inside(name, text_) || starts_inside(value, text_)) {
    // A view of this very text (add("B", *find("A"))) dies when the text grows: copy it first.
    const std::string copy = std::string(name) + std::string(value);
    append(std::string_view(copy).substr(0, name.size()),
           std::string_view(copy).substr(name.size()), checked);
    return;
  }
  const std::uint32_t at = next_offset(name.size() + value.size());
  text_.append(name).append(value);
  const auto name_size = static_cast<std::uint32_t>(name.size());
  entries_.push_back(
      {at, name_size, at + name_size, static_cast<std::uint32_t>(value.size()), checked});
}

std::uint32_t Headers::next_offset(std::size_t size) const {
  constexpr std::size_t kLimit = std::numeric_limits<std::uint32_t>::max();
  if (size > kLimit || text_.size() > kLimit - size) {
    throw std::length_error("header fields too large");
  }
  return static_cast<std::uint32_t>(text_.size());
}

std::chrono::milliseconds RequestContext::remaining() const {
  return remaining(std::chrono::steady_clock::now());
}

std::chrono::milliseconds RequestContext::remaining(
    std::chrono::steady_clock::time_point now) const {
  if (deadline == std::chrono::steady_clock::time_point::max()) {
    return std::chrono::milliseconds::max();
  }
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now);
  return std::max(left, std::chrono::milliseconds(0));
}

std::string RequestContext::traceparent() const { return "00-" + trace_id + "-" + span_id + "-01"; }

void Request::clear() {
  method = Method::kGet;
  method_text.clear();
  target.clear();
  path.clear();
  query.clear();
  headers.clear();
  // A large body's storage is given back: an idle keep-alive connection should not hold it.
  constexpr std::size_t kBodyKept = std::size_t{64} * 1024;
  if (body.capacity() > kBodyKept) {
    std::string().swap(body);
  } else {
    body.clear();
  }
  remote_address.clear();
  path_params.clear();
  route_name.clear();
  context.request_id.clear();
  context.trace_id.clear();
  context.span_id.clear();
  context.parent_span_id.clear();
  context.deadline = std::chrono::steady_clock::time_point::max();
  principal.reset();
  log_fields.clear();
  access_logged = true;
}

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

Response Response::text(int status, std::string body, std::string_view content_type) {
  Response response;
  response.status = status;
  response.headers.set("Content-Type", content_type);
  response.body = std::move(body);
  return response;
}

Response Response::empty(int status) {
  Response response;
  response.status = status;
  return response;
}

}  // namespace hotel::http
