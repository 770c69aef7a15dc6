// Small helpers the SQLite repositories share: binding values by position, running a statement,
// and reading times (INTEGER milliseconds since the epoch) back.
#pragma once

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "services/identity/domain/user.hpp"

namespace hotel::identity::storage::rows {

struct Null {};

inline std::int64_t to_millis(domain::TimePoint time) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
}
inline domain::TimePoint from_millis(std::int64_t millis) {
  return domain::TimePoint(
      std::chrono::duration_cast<domain::TimePoint::duration>(std::chrono::milliseconds(millis)));
}

inline void bind_one(SQLite::Statement& statement, int index, std::string_view text) {
  statement.bind(index, std::string(text));
}
// Without this overload a string literal would bind as `true` (pointer to bool).
inline void bind_one(SQLite::Statement& statement, int index, const char* text) {
  statement.bind(index, text);
}
inline void bind_one(SQLite::Statement& statement, int index, bool flag) {
  statement.bind(index, flag ? 1 : 0);
}
inline void bind_one(SQLite::Statement& statement, int index, int number) {
  statement.bind(index, number);
}
inline void bind_one(SQLite::Statement& statement, int index, std::int64_t number) {
  statement.bind(index, number);
}
inline void bind_one(SQLite::Statement& statement, int index, domain::TimePoint time) {
  statement.bind(index, to_millis(time));
}
inline void bind_one(SQLite::Statement& statement, int index,
                     const std::optional<domain::TimePoint>& time) {
  if (time) {
    statement.bind(index, to_millis(*time));
  } else {
    statement.bind(index);
  }
}
inline void bind_one(SQLite::Statement& statement, int index, Null) { statement.bind(index); }

// Binds args to ?1, ?2, ... in order.
template <class... Args>
void bind_all(SQLite::Statement& statement, const Args&... args) {
  int index = 0;
  (bind_one(statement, ++index, args), ...);
}

// Runs a statement that returns no rows; returns the number of rows it changed.
template <class... Args>
int execute(SQLite::Database& db, const char* sql, const Args&... args) {
  SQLite::Statement statement(db, sql);
  bind_all(statement, args...);
  return statement.exec();
}

// Runs a query and maps each row with `read(statement)`.
template <class Read, class... Args>
auto select(SQLite::Database& db, const char* sql, Read read, const Args&... args) {
  SQLite::Statement statement(db, sql);
  bind_all(statement, args...);
  std::vector<decltype(read(statement))> rows;
  while (statement.executeStep()) rows.push_back(read(statement));
  return rows;
}

// The first row of a query, mapped, or nullopt.
template <class Read, class... Args>
auto select_one(SQLite::Database& db, const char* sql, Read read, const Args&... args)
    -> std::optional<decltype(read(std::declval<SQLite::Statement&>()))> {
  SQLite::Statement statement(db, sql);
  bind_all(statement, args...);
  if (!statement.executeStep()) return std::nullopt;
  return read(statement);
}

inline domain::TimePoint time_at(const SQLite::Statement& row, int column) {
  return from_millis(row.getColumn(column).getInt64());
}
inline std::optional<domain::TimePoint> optional_time_at(const SQLite::Statement& row, int column) {
  const SQLite::Column value = row.getColumn(column);
  if (value.isNull()) return std::nullopt;
  return from_millis(value.getInt64());
}
inline std::string text_at(const SQLite::Statement& row, int column) {
  return row.getColumn(column).getString();
}

}  // namespace hotel::identity::storage::rows
