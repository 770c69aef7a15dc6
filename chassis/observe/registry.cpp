// Registry half of metrics.hpp: series bookkeeping and the Prometheus text exposition.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>
#include <variant>

#include "chassis/observe/metrics.hpp"

namespace hotel::observe {
namespace {

enum class Kind { kCounter, kGauge, kHistogram };

constexpr std::string_view kind_name(Kind kind) {
  switch (kind) {
    case Kind::kCounter:
      return "counter";
    case Kind::kGauge:
      return "gauge";
    case Kind::kHistogram:
      return "histogram";
  }
  return "untyped";
}

using GaugeRead = std::shared_ptr<const std::function<double()>>;
using Series = std::variant<std::unique_ptr<Counter>, std::unique_ptr<Gauge>,
                            std::unique_ptr<Histogram>, GaugeRead>;

struct Family {
  Kind kind;
  std::string help;
  std::map<Labels, Series> series;
};

bool valid_name(std::string_view name, bool allow_colon) {
  auto head = [&](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
           (allow_colon && c == ':');
  };
  auto tail = [&](char c) { return head(c) || (c >= '0' && c <= '9'); };
  return !name.empty() && head(name.front()) && std::all_of(name.begin() + 1, name.end(), tail);
}

void check_names(const std::string& name, const Labels& labels, Kind kind) {
  if (!valid_name(name, true)) throw std::invalid_argument("invalid metric name '" + name + "'");
  for (const auto& [label, value] : labels) {
    if (!valid_name(label, false) || label.starts_with("__") ||
        (kind == Kind::kHistogram && label == "le")) {
      std::string what = "invalid label name '";
      what.append(label).append("' on metric '").append(name).append("'");
      throw std::invalid_argument(what);
    }
  }
}

std::string format_value(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  return fmt::format("{}", value);
}

// Escapes `\` and newline, and `"` too when `quote` (label values; HELP text keeps quotes).
std::string escape(std::string_view text, bool quote) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '"' && quote) {
      out += "\\\"";
    } else {
      out += c;
    }
  }
  return out;
}

// `{a="x",b="y"}` (plus `extra`, already formatted, last), or nothing when there are no labels.
std::string label_set(const Labels& labels, std::string_view extra = {}) {
  std::string body;
  for (const auto& [name, value] : labels) {
    body += fmt::format("{}{}=\"{}\"", body.empty() ? "" : ",", name, escape(value, true));
  }
  if (!extra.empty()) body += fmt::format("{}{}", body.empty() ? "" : ",", extra);
  return body.empty() ? body : "{" + body + "}";
}

// One series as render() reads it outside the registry lock: metric objects never move, and a
// gauge reader is shared so that re-registering it cannot pull it away mid-scrape.
using SeriesRef = std::variant<const Counter*, const Gauge*, const Histogram*, GaugeRead>;

SeriesRef ref_of(const Series& series) {
  return std::visit(
      [](const auto& held) -> SeriesRef {
        if constexpr (std::is_same_v<std::decay_t<decltype(held)>, GaugeRead>) {
          return held;
        } else {
          return held.get();
        }
      },
      series);
}

struct SeriesView {
  const std::string* name;
  const Family* family;
  const Labels* labels;
  SeriesRef ref;
};

void render_histogram(std::string& out, const std::string& name, const Labels& labels,
                      const Histogram& histogram) {
  const auto snap = histogram.snapshot();
  for (std::size_t i = 0; i < snap.cumulative.size(); ++i) {
    const double bound = i < snap.bounds.size() ? snap.bounds[i] : INFINITY;
    const auto le = fmt::format("le=\"{}\"", format_value(bound));
    out += fmt::format("{}_bucket{} {}\n", name, label_set(labels, le), snap.cumulative[i]);
  }
  out += fmt::format("{}_sum{} {}\n", name, label_set(labels), format_value(snap.sum));
  out += fmt::format("{}_count{} {}\n", name, label_set(labels), snap.count);
}

// The sample value of a counter, gauge or reader; nullopt when a reader throws, so that one
// broken reader does not fail the whole scrape.
std::optional<double> sample_value(const SeriesRef& ref) {
  if (const auto* counter = std::get_if<const Counter*>(&ref)) return (*counter)->value();
  if (const auto* gauge = std::get_if<const Gauge*>(&ref)) return (*gauge)->value();
  try {
    return (*std::get<GaugeRead>(ref))();
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

void render_series(std::string& out, const SeriesView& view) {
  const auto& name = *view.name;
  if (const auto* histogram = std::get_if<const Histogram*>(&view.ref)) {
    render_histogram(out, name, *view.labels, **histogram);
  } else if (const auto value = sample_value(view.ref)) {
    out += fmt::format("{}{} {}\n", name, label_set(*view.labels), format_value(*value));
  }
}

}  // namespace

struct Registry::Impl {
  std::mutex mutex;
  std::map<std::string, Family> families;

  Family& family(const std::string& name, const std::string& help, const Labels& labels,
                 Kind kind) {
    check_names(name, labels, kind);
    auto [it, created] = families.try_emplace(name, Family{kind, help, {}});
    if (!created && it->second.kind != kind) {
      throw std::logic_error(fmt::format("metric '{}' is a {}, not a {}", name,
                                         kind_name(it->second.kind), kind_name(kind)));
    }
    return it->second;
  }

  template <class T, class... Args>
  T& series(const std::string& name, const std::string& help, const Labels& labels, Kind kind,
            Args&&... args) {
    std::lock_guard lock(mutex);
    auto& all = family(name, help, labels, kind).series;
    auto it = all.find(labels);
    if (it == all.end()) {
      it = all.emplace(labels, std::make_unique<T>(std::forward<Args>(args)...)).first;
    }
    auto* existing = std::get_if<std::unique_ptr<T>>(&it->second);
    if (existing == nullptr) {
      throw std::logic_error("metric '" + name + "' series is a gauge callback");
    }
    return **existing;
  }
};

Registry::Registry() : impl_(std::make_unique<Impl>()) {}
Registry::~Registry() = default;

Counter& Registry::counter(const std::string& name, const std::string& help, const Labels& labels) {
  return impl_->series<Counter>(name, help, labels, Kind::kCounter);
}

Gauge& Registry::gauge(const std::string& name, const std::string& help, const Labels& labels) {
  return impl_->series<Gauge>(name, help, labels, Kind::kGauge);
}

Histogram& Registry::histogram(const std::string& name, const std::string& help,
                               const Labels& labels, std::vector<double> upper_bounds) {
  return impl_->series<Histogram>(name, help, labels, Kind::kHistogram, std::move(upper_bounds));
}

void Registry::gauge_callback(const std::string& name, const std::string& help,
                              const Labels& labels, std::function<double()> read) {
  std::lock_guard lock(impl_->mutex);
  auto& slot = impl_->family(name, help, labels, Kind::kGauge).series[labels];
  if (std::holds_alternative<std::unique_ptr<Gauge>>(slot)) {
    throw std::logic_error("metric '" + name + "' series is a plain gauge, not a callback");
  }
  slot = std::make_shared<const std::function<double()>>(std::move(read));
}

std::string Registry::render() const {
  // Collect under the lock, read values outside it: a gauge reader may take locks of its own
  // whose holders may, at the same time, be registering series here.
  std::vector<SeriesView> views;
  {
    std::lock_guard lock(impl_->mutex);
    for (const auto& [name, family] : impl_->families) {
      for (const auto& [labels, series] : family.series) {
        views.push_back({&name, &family, &labels, ref_of(series)});
      }
    }
  }
  std::string out;
  const Family* current = nullptr;
  for (const auto& view : views) {
    if (view.family != current) {
      current = view.family;
      out += fmt::format("# HELP {} {}\n", *view.name, escape(current->help, false));
      out += fmt::format("# TYPE {} {}\n", *view.name, kind_name(current->kind));
    }
    render_series(out, view);
  }
  return out;
}

}  // namespace hotel::observe
