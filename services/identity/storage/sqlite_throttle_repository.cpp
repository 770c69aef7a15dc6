#include "services/identity/storage/sqlite_throttle_repository.hpp"

#include <charconv>

#include "services/identity/domain/words.hpp"
#include "services/identity/storage/queries.hpp"
#include "services/identity/storage/sqlite_rows.hpp"

namespace hotel::identity::storage {
namespace {

std::vector<domain::TimePoint> parse_attempts(std::string_view text) {
  std::vector<domain::TimePoint> attempts;
  for (const auto& word : domain::split_words(text)) {
    std::int64_t millis = 0;
    const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), millis);
    if (error == std::errc() && end == word.data() + word.size()) {
      attempts.push_back(rows::from_millis(millis));
    }
  }
  return attempts;
}

std::string format_attempts(const std::vector<domain::TimePoint>& attempts) {
  std::vector<std::string> words;
  words.reserve(attempts.size());
  for (const auto at : attempts) words.push_back(std::to_string(rows::to_millis(at)));
  return domain::join_words(words);
}

}  // namespace

domain::AttemptLog SqliteThrottleRepository::load(std::string_view key) {
  const auto text = rows::select_one(
      db_, queries::kSelectAttempts,
      [](const SQLite::Statement& row) { return rows::text_at(row, 0); }, key);
  return domain::AttemptLog(text ? parse_attempts(*text) : std::vector<domain::TimePoint>{});
}

void SqliteThrottleRepository::save(std::string_view key, const domain::AttemptLog& log) {
  if (log.empty()) {
    rows::execute(db_, queries::kDeleteAttempts, key);
    return;
  }
  rows::execute(db_, queries::kUpsertAttempts, key, format_attempts(log.attempts()),
                log.attempts().back());
}

int SqliteThrottleRepository::purge(domain::TimePoint before) {
  return rows::execute(db_, queries::kPurgeAttempts, before);
}

}  // namespace hotel::identity::storage
