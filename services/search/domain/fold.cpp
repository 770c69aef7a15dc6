#include "services/search/domain/fold.hpp"

#include "services/search/domain/fold_table.hpp"

namespace hotel::search::domain {
namespace {

constexpr char32_t kInvalid = 0xFFFFFFFF;

// Decodes one UTF-8 sequence at text[i], advancing i; kInvalid for a malformed one.
char32_t decode(std::string_view text, std::size_t& i) {
  const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) {
    ++i;
    return lead;
  }
  int length = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, cp = lead & 0x1F, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, cp = lead & 0x0F, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, cp = lead & 0x07, min = 0x10000;
  } else {
    ++i;
    return kInvalid;
  }
  if (i + length > text.size()) {
    i = text.size();
    return kInvalid;
  }
  for (int k = 1; k < length; ++k) {
    const unsigned char next = byte(i + k);
    if ((next & 0xC0) != 0x80) {
      i += k;
      return kInvalid;
    }
    cp = (cp << 6) | (next & 0x3F);
  }
  i += length;
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return kInvalid;
  return cp;
}

void encode(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_combining_mark(char32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE20 && cp <= 0xFE2F);
}

// Greek and Cyrillic capitals to small letters; other code points unchanged.
char32_t lower_other(char32_t cp) {
  if (cp >= 0x0391 && cp <= 0x03A9 && cp != 0x03A2) return cp + 0x20;
  if (cp >= 0x0410 && cp <= 0x042F) return cp + 0x20;
  if (cp >= 0x0400 && cp <= 0x040F) return cp + 0x50;
  return cp;
}

void fold_one(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    out += static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp);
    return;
  }
  if (is_combining_mark(cp)) return;
  const char* mapped = nullptr;
  if (cp >= kFoldLatinFirst && cp < kFoldLatinEnd) {
    mapped = kFold00C0[cp - kFoldLatinFirst];
  } else if (cp >= kFoldAdditionalFirst && cp < kFoldAdditionalEnd) {
    mapped = kFold1E00[cp - kFoldAdditionalFirst];
  }
  if (mapped != nullptr && *mapped != '\0') {
    out += mapped;
    return;
  }
  encode(lower_other(cp), out);
}

// Letters and digits make words; ASCII punctuation, spaces and the non-ASCII punctuation and
// symbols below separate them. Other non-ASCII code points count as letters.
bool is_separator(char32_t cp) {
  if (cp < 0x80) {
    const bool alnum =
        (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    return !alnum;
  }
  return (cp >= 0x80 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 ||  // Latin-1 symbols
         (cp >= 0x02B9 && cp <= 0x02DF) ||                          // modifier apostrophes
         (cp >= 0x2000 && cp <= 0x206F) ||                          // general punctuation
         (cp >= 0x3000 && cp <= 0x3003) || cp == 0xFEFF;
}

std::vector<std::string> split_words(std::string_view text, bool folded) {
  std::vector<std::string> words;
  std::string word;
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = decode(text, i);
    if (cp == kInvalid) continue;
    if (is_separator(cp)) {
      if (!word.empty()) words.push_back(std::move(word));
      word.clear();
    } else if (folded) {
      fold_one(cp, word);
    } else {
      encode(cp, word);
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

}  // namespace

std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const char32_t cp = decode(text, i);
    if (cp != kInvalid) fold_one(cp, out);
  }
  return out;
}

std::vector<std::string> folded_words(std::string_view text) { return split_words(text, true); }

std::vector<std::string> words(std::string_view text) { return split_words(text, false); }

std::vector<std::string> city_keys(std::string_view city) {
  const auto parts = folded_words(city);
  std::vector<std::string> keys;
  keys.reserve(parts.size());
  std::string key;
  for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
    key = key.empty() ? *it : std::string(*it).append(" ").append(key);
    keys.push_back(key);
  }
  return {keys.rbegin(), keys.rend()};
}

std::string city_prefix_key(std::string_view prefix) {
  std::string key;
  for (const auto& word : folded_words(prefix)) {
    if (!key.empty()) key += ' ';
    key += word;
  }
  return key;
}

KeyRange prefix_range(std::string_view key) {
  // 0xFF never occurs in UTF-8, so it sorts after every continuation of `key`.
  return {std::string(key), std::string(key) + '\xFF'};
}

}  // namespace hotel::search::domain
