#include "services/identity/domain/throttle.hpp"

#include <algorithm>

namespace hotel::identity::domain {

AttemptLog::AttemptLog(std::vector<TimePoint> attempts) : attempts_(std::move(attempts)) {
  std::sort(attempts_.begin(), attempts_.end());
}

std::optional<std::chrono::seconds> AttemptLog::locked_for(const ThrottleRule& rule,
                                                           TimePoint now) const {
  const auto max = static_cast<std::size_t>(std::max(rule.max_failures, 1));
  if (attempts_.size() < max) return std::nullopt;
  const TimePoint first = attempts_[attempts_.size() - max];
  const TimePoint last = attempts_.back();
  if (last - first > rule.window) return std::nullopt;
  const TimePoint until = last + rule.lockout;
  if (now >= until) return std::nullopt;
  const auto left = std::chrono::ceil<std::chrono::seconds>(until - now);
  return std::max(left, std::chrono::seconds(1));
}

void AttemptLog::record(const ThrottleRule& rule, TimePoint at) {
  attempts_.insert(std::upper_bound(attempts_.begin(), attempts_.end(), at), at);
  // An attempt older than window + lockout can neither join a new lock nor hold an old one.
  const TimePoint horizon = at - rule.window - rule.lockout;
  attempts_.erase(attempts_.begin(), std::upper_bound(attempts_.begin(), attempts_.end(), horizon));
  const auto max = static_cast<std::size_t>(std::max(rule.max_failures, 1));
  if (attempts_.size() > max) {
    attempts_.erase(attempts_.begin(), attempts_.end() - static_cast<std::ptrdiff_t>(max));
  }
}

bool AttemptLog::forgive(TimePoint at) {
  const auto it = std::find(attempts_.rbegin(), attempts_.rend(), at);
  if (it == attempts_.rend()) return false;
  attempts_.erase(std::next(it).base());
  return true;
}

}  // namespace hotel::identity::domain
