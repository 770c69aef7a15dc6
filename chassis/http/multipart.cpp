#include "chassis/http/multipart.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

#include "chassis/http/errors.hpp"

namespace hotel::http {
namespace {

constexpr std::string_view kCrlf = "\r\n";

[[noreturn]] void malformed(const std::string& why) {
  throw BadRequest("body", "malformed multipart body: " + why, "invalid_multipart");
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool is_tchar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
         std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool is_token(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_tchar);
}

struct Parameter {
  std::string name;  // lower case
  std::string value;
};

// Parses `; name=value` pairs (values are tokens or quoted strings). nullopt when malformed or
// when a parameter repeats.
std::optional<std::vector<Parameter>> parse_parameters(std::string_view text) {
  std::vector<Parameter> parameters;
  std::size_t i = 0;
  const auto skip_space = [&] {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
  };
  for (;;) {
    skip_space();
    if (i == text.size()) return parameters;
    if (text[i] != ';') return std::nullopt;
    ++i;
    skip_space();
    const auto name_start = i;
    while (i < text.size() && is_tchar(text[i])) ++i;
    Parameter parameter{lower(text.substr(name_start, i - name_start)), {}};
    if (parameter.name.empty() || i == text.size() || text[i] != '=') return std::nullopt;
    ++i;
    if (i < text.size() && text[i] == '"') {
      ++i;
      bool closed = false;
      while (i < text.size()) {
        const char c = text[i++];
        if (c == '"') {
          closed = true;
          break;
        }
        if (c == '\\') {
          if (i == text.size()) return std::nullopt;
          parameter.value += text[i++];
          continue;
        }
        if (c == '\r' || c == '\n') return std::nullopt;
        parameter.value += c;
      }
      if (!closed) return std::nullopt;
    } else {
      const auto value_start = i;
      while (i < text.size() && is_tchar(text[i])) ++i;
      parameter.value = std::string(text.substr(value_start, i - value_start));
      if (parameter.value.empty()) return std::nullopt;
    }
    for (const auto& seen : parameters) {
      if (seen.name == parameter.name) return std::nullopt;
    }
    parameters.push_back(std::move(parameter));
  }
}

const std::string* find_parameter(const std::vector<Parameter>& parameters, std::string_view name) {
  for (const auto& parameter : parameters) {
    if (parameter.name == name) return &parameter.value;
  }
  return nullptr;
}

bool is_bchar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
         std::string_view("'()+_,-./:=? ").find(c) != std::string_view::npos;
}

// Reads the header block at `rest` (which ends with the empty line) into `part`.
void parse_part_headers(std::string_view block, MultipartPart& part) {
  while (!block.empty()) {
    const auto end = block.find(kCrlf);
    const auto line = block.substr(0, end);
    block.remove_prefix(end + kCrlf.size());
    if (line.find('\n') != std::string_view::npos || line.find('\r') != std::string_view::npos) {
      malformed("header lines must end in CRLF");
    }
    if (line.front() == ' ' || line.front() == '\t') malformed("folded header line");
    const auto colon = line.find(':');
    if (colon == std::string_view::npos || !is_token(line.substr(0, colon))) {
      malformed("invalid header line");
    }
    part.headers.add(std::string(line.substr(0, colon)), std::string(trim(line.substr(colon + 1))));
  }
  const auto disposition = part.headers.get("Content-Disposition");
  if (!disposition) malformed("a part has no Content-Disposition");
  const auto semicolon = disposition->find(';');
  if (lower(trim(std::string_view(*disposition).substr(0, semicolon))) != "form-data") {
    malformed("Content-Disposition must be form-data");
  }
  const auto parameters = parse_parameters(semicolon == std::string::npos
                                               ? std::string_view()
                                               : std::string_view(*disposition).substr(semicolon));
  if (!parameters) malformed("invalid Content-Disposition parameters");
  const auto* name = find_parameter(*parameters, "name");
  if (name == nullptr || name->empty()) malformed("a part has no name");
  part.name = *name;
  if (const auto* filename = find_parameter(*parameters, "filename")) part.filename = *filename;
  part.content_type = part.headers.get_or("Content-Type", "");
  if (const auto encoding = part.headers.get("Content-Transfer-Encoding")) {
    const auto value = lower(*encoding);
    if (value != "binary" && value != "8bit" && value != "7bit") {
      malformed("Content-Transfer-Encoding '" + *encoding + "' is not supported");
    }
  }
}

}  // namespace

std::string multipart_boundary(std::string_view content_type) {
  const auto semicolon = content_type.find(';');
  if (lower(trim(content_type.substr(0, semicolon))) != "multipart/form-data") {
    throw UnsupportedMediaType("expected multipart/form-data, got '" + std::string(content_type) +
                               "'");
  }
  const auto parameters = parse_parameters(
      semicolon == std::string_view::npos ? std::string_view() : content_type.substr(semicolon));
  if (!parameters) throw BadRequest("Content-Type", "invalid parameters");
  const auto* boundary = find_parameter(*parameters, "boundary");
  if (boundary == nullptr) throw BadRequest("Content-Type", "the boundary parameter is required");
  if (boundary->empty() || boundary->size() > 70 || boundary->back() == ' ' ||
      !std::all_of(boundary->begin(), boundary->end(), is_bchar)) {
    throw BadRequest("Content-Type", "invalid boundary");
  }
  return *boundary;
}

std::vector<MultipartPart> parse_multipart(std::string_view body, std::string_view boundary,
                                           const MultipartLimits& limits) {
  const std::string delimiter = "--" + std::string(boundary);
  const std::string separator = std::string(kCrlf) + delimiter;
  if (body.substr(0, delimiter.size()) != delimiter) {
    malformed("the body must start with the boundary");
  }
  std::size_t pos = delimiter.size();
  std::vector<MultipartPart> parts;
  for (;;) {
    // `pos` is just past a delimiter: "--" closes, CRLF opens a part.
    if (body.substr(pos, 2) == "--") return parts;
    if (body.substr(pos, kCrlf.size()) != kCrlf) {
      malformed(pos >= body.size() ? "truncated: no close delimiter" : "invalid delimiter line");
    }
    pos += kCrlf.size();
    if (parts.size() == limits.max_parts) {
      malformed("more than " + std::to_string(limits.max_parts) + " parts");
    }
    MultipartPart part;
    if (body.substr(pos, kCrlf.size()) == kCrlf) {
      parse_part_headers({}, part);  // no headers: reports the missing Content-Disposition
    }
    const auto header_end = body.find("\r\n\r\n", pos);
    if (header_end == std::string_view::npos) malformed("truncated part header");
    if (header_end + 2 - pos > limits.max_header_bytes) malformed("part header too large");
    parse_part_headers(body.substr(pos, header_end + 2 - pos), part);
    pos = header_end + 4;
    const auto body_end = body.find(separator, pos);
    if (body_end == std::string_view::npos) {
      if (body.size() - pos > limits.max_part_bytes) throw PayloadTooLarge("a part is too large");
      malformed("truncated: no delimiter after a part");
    }
    if (body_end - pos > limits.max_part_bytes) throw PayloadTooLarge("a part is too large");
    part.body = body.substr(pos, body_end - pos);
    parts.push_back(std::move(part));
    pos = body_end + separator.size();
  }
}

}  // namespace hotel::http
