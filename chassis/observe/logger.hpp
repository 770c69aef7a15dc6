// Structured logging: one JSON object per line, to stdout and (embedded mode) a file per service.
// Every line has ts, level, service, msg, and request_id, trace_id, span_id when a request
// context is given, then the caller's fields.
#pragma once

#include <concepts>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace hotel::http {
struct RequestContext;
}

namespace hotel::observe {

enum class Level { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3 };
Level parse_level(std::string_view text);  // throws std::invalid_argument

struct Field {
  using Value = std::variant<std::string, std::int64_t, double, bool>;
  Field(std::string k, std::string v) : key(std::move(k)), value(std::move(v)) {}
  Field(std::string k, std::string_view v) : key(std::move(k)), value(std::string(v)) {}
  Field(std::string k, const char* v) : key(std::move(k)), value(std::string(v)) {}
  Field(std::string k, bool v) : key(std::move(k)), value(v) {}
  Field(std::string k, double v) : key(std::move(k)), value(v) {}
  template <std::integral I>
  Field(std::string k, I v) : key(std::move(k)), value(static_cast<std::int64_t>(v)) {}
  std::string key;
  Value value;
};
using Fields = std::vector<Field>;

struct LogOptions {
  Level level = Level::kInfo;
  bool to_stdout = true;
  std::string directory;  // when set, each service also writes <directory>/<service>.log
};

// Process-wide outputs; call once at start (tests may call again). Lines already written to
// the outputs being replaced are flushed first.
void configure_logging(const LogOptions& options);

// Warnings and errors reach their outputs at once, each with what was written before it; debug
// and info lines (an access-log line per request) are written in batches, at the latest a
// quarter of a second later, and at exit. This writes out what is waiting now.
void flush_logs();

class Logger {
 public:
  explicit Logger(std::string service);
  ~Logger();
  Logger(const Logger&);
  Logger& operator=(const Logger&);

  const std::string& service() const { return service_; }
  bool enabled(Level level) const;
  void log(Level level, std::string_view msg, const Fields& fields = {},
           const http::RequestContext* context = nullptr) const;
  void debug(std::string_view msg, const Fields& fields = {},
             const http::RequestContext* context = nullptr) const {
    log(Level::kDebug, msg, fields, context);
  }
  void info(std::string_view msg, const Fields& fields = {},
            const http::RequestContext* context = nullptr) const {
    log(Level::kInfo, msg, fields, context);
  }
  void warn(std::string_view msg, const Fields& fields = {},
            const http::RequestContext* context = nullptr) const {
    log(Level::kWarn, msg, fields, context);
  }
  void error(std::string_view msg, const Fields& fields = {},
             const http::RequestContext* context = nullptr) const {
    log(Level::kError, msg, fields, context);
  }

  // The JSON line log() would write (without the newline); exposed for tests.
  std::string format(Level level, std::string_view msg, const Fields& fields,
                     const http::RequestContext* context) const;

 private:
  std::string service_;
  struct Sinks;
  std::shared_ptr<Sinks> sinks_;
};

}  // namespace hotel::observe
