// Accent- and case-insensitive text keys. fold() lower-cases and takes Latin letters to their
// ASCII base ("São Paulo" -> "sao paulo", "Ærøskøbing" -> "aeroskobing", "Łódź" -> "lodz"); other
// scripts keep their letters (Greek and Cyrillic capitals are lower-cased). City search matches a
// prefix of any word of the city's name, so a city is indexed under each word start.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace hotel::search::domain {

// Lower-case, Latin accents and ligatures spelled out, combining marks dropped. Bytes that are
// not valid UTF-8 are dropped.
std::string fold(std::string_view text);

// The folded words of `text`: runs of letters and digits (apostrophes, hyphens, spaces and other
// punctuation separate words).
std::vector<std::string> folded_words(std::string_view text);
// The same words as they are written (not folded).
std::vector<std::string> words(std::string_view text);

// The keys a city is found under: its folded words joined by one space, starting at each word
// ("Sant Julià de Lòria" -> "sant julia de loria", "julia de loria", "de loria", "loria").
std::vector<std::string> city_keys(std::string_view city);

// What a user's city prefix is compared with: its folded words joined by one space ("  SÃO
// pau" -> "sao pau"). Empty when it has no letters or digits.
std::string city_prefix_key(std::string_view prefix);

// The half-open key range [low, high) of every key starting with `key`.
struct KeyRange {
  std::string low;
  std::string high;
};
KeyRange prefix_range(std::string_view key);

}  // namespace hotel::search::domain
