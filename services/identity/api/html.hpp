// The hosted UI's HTML: one page layout with inline CSS, no JavaScript, and small builders for
// forms. Every value interpolated into a page goes through escape(); the builders escape what
// they are given, so handlers never write raw markup around user input.
#pragma once

#include <string>
#include <string_view>

#include "chassis/http/message.hpp"

namespace hotel::identity::api {

// &, <, >, " and ' as character references: safe in text and in quoted attribute values.
std::string escape(std::string_view text);

// A complete page answered with `status` and headers that keep it out of caches and frames and
// stop it from loading anything but its own inline style (Content-Security-Policy).
http::Response html_page(int status, std::string_view title, std::string_view body_html);

struct Field {
  std::string_view label;
  std::string_view name;
  std::string_view type = "text";
  std::string_view value = {};
  std::string_view autocomplete = {};
  std::string_view hint = {};  // a line of help under the field
};
std::string field(const Field& spec);
std::string hidden(std::string_view name, std::string_view value);
// A message box: kind "error" or "info".
std::string message(std::string_view kind, std::string_view text);
// A POST form to `action` (a path plus query, escaped here) with its CSRF token.
std::string form(std::string_view action, std::string_view csrf_token, std::string_view fields_html,
                 std::string_view button);
std::string link(std::string_view href, std::string_view text);
std::string paragraph(std::string_view html);

}  // namespace hotel::identity::api
