#include "services/identity/api/form.hpp"

#include <algorithm>
#include <cctype>

#include <boost/url/encoding_opts.hpp>
#include <boost/url/params_view.hpp>
#include <boost/url/parse_query.hpp>

namespace hotel::identity::api {

std::optional<Form> Form::parse(std::string_view encoded) {
  if (!boost::urls::parse_query(encoded)) return std::nullopt;
  Form form;
  const boost::urls::params_view params(encoded, boost::urls::encoding_opts(true));
  for (const auto param : params) {
    if (param.key.empty()) continue;
    form.fields_.emplace_back(param.key, param.value);
  }
  return form;
}

std::optional<std::string> Form::get(std::string_view name) const {
  for (const auto& [key, value] : fields_) {
    if (key == name) return value;
  }
  return std::nullopt;
}

std::string Form::value(std::string_view name) const { return get(name).value_or(""); }

bool Form::repeated(std::string_view name) const {
  return std::count_if(fields_.begin(), fields_.end(),
                       [&](const auto& field) { return field.first == name; }) > 1;
}

std::string Form::first_repeated() const {
  for (const auto& field : fields_) {
    if (repeated(field.first)) return field.first;
  }
  return {};
}

bool is_form_encoded(const http::Request& request) {
  std::string type = request.headers.get_or("Content-Type", "");
  std::transform(type.begin(), type.end(), type.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return type.starts_with("application/x-www-form-urlencoded");
}

std::string url_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (const char ch : text) {
    const auto byte = static_cast<unsigned char>(ch);
    if (std::isalnum(byte) != 0 || ch == '-' || ch == '.' || ch == '_' || ch == '~') {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[byte >> 4]);
      out.push_back(kHex[byte & 0x0F]);
    }
  }
  return out;
}

}  // namespace hotel::identity::api
