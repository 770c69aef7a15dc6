#include "chassis/observe/logger.hpp"

#include <spdlog/details/log_msg.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>

#include <fmt/chrono.h>
#include <algorithm>
#include <array>
#include <atomic>
#include <boost/json.hpp>
#include <charconv>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <map>
#include <mutex>
#include <stdexcept>
#include <stop_token>
#include <thread>
#include <utility>
#include <vector>

#include "chassis/http/message.hpp"
#include "chassis/observe/utf8.hpp"

namespace hotel::observe {
namespace {

using SinkList = std::vector<spdlog::sink_ptr>;

constexpr std::string_view kLevelNames[] = {"debug", "info", "warn", "error"};

spdlog::sink_ptr with_plain_pattern(spdlog::sink_ptr sink) {
  sink->set_pattern("%v");
  return sink;
}

// The process-wide outputs. Loggers cache their sink list and re-resolve it when `generation`
// moves, so configure_logging() also redirects loggers created before it.
class Outputs {
 public:
  static Outputs& instance() {
    static Outputs outputs;
    return outputs;
  }

  void configure(const LogOptions& options) {
    std::lock_guard lock(mutex_);
    flush_locked();
    options_ = options;
    files_.clear();
    level_.store(static_cast<int>(options.level));
    generation_.fetch_add(1);
  }

  void flush() {
    std::lock_guard lock(mutex_);
    flush_locked();
  }

  bool enabled(Level level) const { return static_cast<int>(level) >= level_.load(); }
  std::uint64_t generation() const { return generation_.load(); }

  // The sinks for `service`; opens <directory>/<service>.log on first use.
  std::shared_ptr<const SinkList> sinks_for(const std::string& service) {
    std::lock_guard lock(mutex_);
    auto sinks = std::make_shared<SinkList>();
    if (options_.to_stdout) sinks->push_back(stdout_sink_);
    if (!options_.directory.empty()) sinks->push_back(file_sink(service));
    return sinks;
  }

 private:
  // The flusher's period: how late a debug or info line may reach its output.
  static constexpr auto kFlushPeriod = std::chrono::milliseconds(250);

  Outputs() : stdout_sink_(with_plain_pattern(std::make_shared<spdlog::sinks::stdout_sink_mt>())) {
    configure(LogOptions{});
    flusher_ = std::jthread([this](const std::stop_token& stop) {
      // A sleep that a stop request ends at once: nothing else notifies the condition.
      std::mutex mutex;
      std::condition_variable_any stopped;
      std::unique_lock lock(mutex);
      while (!stopped.wait_for(lock, stop, kFlushPeriod, [&] { return stop.stop_requested(); })) {
        flush();
      }
    });
  }

  ~Outputs() {
    flusher_ = std::jthread();  // stopped and joined before the sinks go
    flush();
  }

  Outputs(const Outputs&) = delete;
  Outputs& operator=(const Outputs&) = delete;

  // The sinks in use (spdlog's _mt sinks lock themselves). A sink dropped by configure() was
  // flushed then; a line a logger still writes to it is flushed when its last holder lets go
  // (closing the file).
  void flush_locked() {
    stdout_sink_->flush();
    for (auto& [service, sink] : files_) sink->flush();
  }

  spdlog::sink_ptr file_sink(const std::string& service) {
    auto& sink = files_[service];
    if (!sink) {
      std::filesystem::create_directories(options_.directory);
      const auto path = std::filesystem::path(options_.directory) / (service + ".log");
      // Lines are written in batches (flush_logs()): a 64 KiB buffer makes one write of ~150
      // access-log lines instead of ~20 with stdio's own.
      auto buffer = std::make_shared<std::vector<char>>(std::size_t{64} << 10);
      spdlog::file_event_handlers handlers;
      handlers.after_open = [buffer](const spdlog::filename_t&, std::FILE* file) {
        std::setvbuf(file, buffer->data(), _IOFBF, buffer->size());
      };
      sink = with_plain_pattern(
          std::make_shared<spdlog::sinks::basic_file_sink_mt>(path.string(), false, handlers));
    }
    return sink;
  }

  std::mutex mutex_;
  LogOptions options_;
  spdlog::sink_ptr stdout_sink_;
  std::map<std::string, spdlog::sink_ptr> files_;
  std::atomic<int> level_{static_cast<int>(Level::kInfo)};
  std::atomic<std::uint64_t> generation_{0};
  std::jthread flusher_;  // last: stopped before the rest goes
};

// "2026-11-24T23:48:04.470Z". The date and time up to the second are formatted once per second
// and thread, then only the milliseconds.
std::string utc_timestamp(std::chrono::system_clock::time_point now) {
  struct Second {
    std::chrono::system_clock::time_point start = std::chrono::system_clock::time_point::min();
    std::string text;  // "2026-11-24T23:48:04"
  };
  thread_local Second second;
  const auto seconds = std::chrono::floor<std::chrono::seconds>(now);
  if (seconds != second.start) {
    second.start = seconds;
    second.text = fmt::format("{:%Y-%m-%dT%H:%M:%S}",
                              fmt::gmtime(std::chrono::system_clock::to_time_t(seconds)));
  }
  const auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now - seconds);
  return fmt::format("{}.{:03}Z", second.text, millis.count());
}

boost::json::value json_value(const Field::Value& value) {
  return std::visit(
      [](const auto& v) -> boost::json::value {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) {
          return boost::json::string(valid_utf8(v));
        } else if constexpr (std::is_same_v<T, double>) {
          // JSON has no NaN or infinities; write them as text rather than break the line.
          if (std::isfinite(v)) return v;
          return boost::json::string(std::isnan(v) ? "NaN" : (v > 0 ? "Infinity" : "-Infinity"));
        } else {
          return v;
        }
      },
      value);
}

// A field never hides one of the line's own keys; such a field is kept as "field.<key>".
bool is_reserved(std::string_view key) {
  static constexpr std::string_view kOwnKeys[] = {"ts",         "level",    "service", "msg",
                                                  "request_id", "trace_id", "span_id"};
  return std::find(std::begin(kOwnKeys), std::end(kOwnKeys), key) != std::end(kOwnKeys);
}

void put_id(boost::json::object& line, std::string_view key, const std::string& id) {
  if (!id.empty()) line[key] = valid_utf8(id);
}

// The line as a JSON object, then serialised: the general way, for lines whose fields repeat a
// key (the object keeps a key's first place and its last value).
std::string object_line(std::string_view ts, std::string_view level, std::string_view service,
                        std::string_view msg, const Fields& fields,
                        const http::RequestContext* context) {
  boost::json::object line(fields.size() + 7);  // no rehash on the way
  line["ts"] = ts;
  line["level"] = level;
  line["service"] = valid_utf8(service);
  line["msg"] = valid_utf8(msg);
  if (context != nullptr) {
    put_id(line, "request_id", context->request_id);
    put_id(line, "trace_id", context->trace_id);
    put_id(line, "span_id", context->span_id);
  }
  for (const auto& field : fields) {
    auto key = valid_utf8(field.key);
    line[is_reserved(key) ? "field." + key : key] = json_value(field.value);
  }
  return boost::json::serialize(line);
}

// Appends valid UTF-8 `text` as a JSON string, escaped as Boost.JSON's serialiser escapes it (",
// \, and control characters: \b \t \n \f \r or \u00xx).
void append_escaped(std::string& out, std::string_view text) {
  constexpr std::string_view kHex = "0123456789abcdef";
  out += '"';
  const char* run = text.data();
  const char* const end = text.data() + text.size();
  for (const char* at = run; at != end; ++at) {
    const auto c = static_cast<unsigned char>(*at);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(run, at);
    run = at + 1;
    out += '\\';
    switch (c) {
      case '"':
      case '\\':
        out += static_cast<char>(c);
        break;
      case '\b':
        out += 'b';
        break;
      case '\t':
        out += 't';
        break;
      case '\n':
        out += 'n';
        break;
      case '\f':
        out += 'f';
        break;
      case '\r':
        out += 'r';
        break;
      default:
        out += "u00";
        out += kHex[c >> 4];
        out += kHex[c & 0xfU];
    }
  }
  out.append(run, end);
  out += '"';
}

// Appends `text` as a JSON string, invalid UTF-8 replaced as valid_utf8 does (ASCII is valid).
void append_string(std::string& out, std::string_view text) {
  if (is_ascii(text)) {
    append_escaped(out, text);
  } else {
    append_escaped(out, valid_utf8(text));
  }
}

void append_value(std::string& out, const Field::Value& value) {
  std::visit(
      [&out](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) {
          append_string(out, v);
        } else if constexpr (std::is_same_v<T, bool>) {
          out += v ? "true" : "false";
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          std::array<char, 24> digits{};
          const auto result = std::to_chars(digits.data(), digits.data() + digits.size(), v);
          out.append(digits.data(), result.ptr);
        } else if (std::isfinite(v)) {
          // Boost.JSON's own number format, as the object way writes it.
          const boost::json::value number(v);
          boost::json::serializer serializer;
          serializer.reset(&number);
          std::array<char, 64> text{};
          out += serializer.read(text.data(), text.size());
        } else {
          out += std::isnan(v) ? "\"NaN\"" : (v > 0 ? "\"Infinity\"" : "\"-Infinity\"");
        }
      },
      value);
}

void append_member(std::string& out, std::string_view key) {
  out += ',';
  append_string(out, key);
  out += ':';
}

}  // namespace

Level parse_level(std::string_view text) {
  for (std::size_t i = 0; i < std::size(kLevelNames); ++i) {
    if (text == kLevelNames[i]) return static_cast<Level>(i);
  }
  if (text == "warning") return Level::kWarn;
  throw std::invalid_argument("unknown log level '" + std::string(text) +
                              "' (expected debug, info, warn or error)");
}

void configure_logging(const LogOptions& options) { Outputs::instance().configure(options); }

void flush_logs() { Outputs::instance().flush(); }

struct Logger::Sinks {
  std::mutex mutex;
  std::uint64_t generation = 0;
  std::shared_ptr<const SinkList> list;

  std::shared_ptr<const SinkList> current(const std::string& service) {
    auto& outputs = Outputs::instance();
    std::lock_guard lock(mutex);
    if (!list || generation != outputs.generation()) {
      generation = outputs.generation();
      list = outputs.sinks_for(service);
    }
    return list;
  }
};

Logger::Logger(std::string service)
    : service_(std::move(service)), sinks_(std::make_shared<Sinks>()) {}
Logger::~Logger() = default;
Logger::Logger(const Logger&) = default;
Logger& Logger::operator=(const Logger&) = default;

bool Logger::enabled(Level level) const { return Outputs::instance().enabled(level); }

// The line written directly into one string, in the object way's order and format (a test
// compares the two); the object way only when field keys repeat.
std::string Logger::format(Level level, std::string_view msg, const Fields& fields,
                           const http::RequestContext* context) const {
  const std::string ts = utc_timestamp(std::chrono::system_clock::now());
  const std::string_view level_name = kLevelNames[static_cast<int>(level)];
  std::vector<std::string> keys;
  keys.reserve(fields.size());
  for (const auto& field : fields) {
    std::string key = valid_utf8(field.key);
    if (is_reserved(key)) key.insert(0, "field.");
    if (std::find(keys.begin(), keys.end(), key) != keys.end()) {
      return object_line(ts, level_name, service_, msg, fields, context);
    }
    keys.push_back(std::move(key));
  }
  constexpr std::size_t kUsualLine = 320;
  std::string line;
  line.reserve(kUsualLine + msg.size());
  line += "{\"ts\":";
  append_string(line, ts);
  append_member(line, "level");
  append_string(line, level_name);
  append_member(line, "service");
  append_string(line, service_);
  append_member(line, "msg");
  append_string(line, msg);
  if (context != nullptr) {
    for (const auto& [key, id] :
         {std::pair<std::string_view, const std::string*>{"request_id", &context->request_id},
          {"trace_id", &context->trace_id},
          {"span_id", &context->span_id}}) {
      if (id->empty()) continue;
      append_member(line, key);
      append_string(line, *id);
    }
  }
  for (std::size_t i = 0; i < fields.size(); ++i) {
    append_member(line, keys[i]);
    append_value(line, fields[i].value);
  }
  line += '}';
  return line;
}

void Logger::log(Level level, std::string_view msg, const Fields& fields,
                 const http::RequestContext* context) const {
  if (!enabled(level)) return;
  const auto text = format(level, msg, fields, context);
  const spdlog::details::log_msg message(service_, spdlog::level::info, text);
  const bool at_once = level >= Level::kWarn;
  for (const auto& sink : *sinks_->current(service_)) {
    sink->log(message);
    if (at_once) sink->flush();
  }
}

}  // namespace hotel::observe
