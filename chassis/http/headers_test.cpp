#include <gtest/gtest.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "chassis/http/message.hpp"

namespace hotel::http {
namespace {

using FieldList = std::vector<std::pair<std::string, std::string>>;

FieldList list_of(const Headers& headers) {
  FieldList list;
  for (const auto& [name, value] : headers.fields()) list.emplace_back(name, value);
  return list;
}

TEST(Headers, KeepsArrivalOrderAndFindsNamesInAnyCase) {
  Headers headers;
  headers.add("Host", "example.test");
  headers.add("X-Tag", "a");
  headers.add("x-tag", "b");
  EXPECT_EQ(list_of(headers),
            (FieldList{{"Host", "example.test"}, {"X-Tag", "a"}, {"x-tag", "b"}}));
  EXPECT_EQ(headers.find("X-TAG"), "a");
  EXPECT_EQ(headers.get("host"), "example.test");
  EXPECT_EQ(headers.find("Missing"), std::nullopt);
  EXPECT_EQ(headers.get_or("Missing", "fallback"), "fallback");
  EXPECT_TRUE(headers.has("HOST"));
  EXPECT_EQ(headers.size(), 3U);
}

TEST(Headers, SetReplacesEveryFieldOfThatName) {
  Headers headers;
  headers.add("A", "1");
  headers.add("B", "2");
  headers.add("a", "3");
  headers.set("A", "4");
  EXPECT_EQ(list_of(headers), (FieldList{{"B", "2"}, {"A", "4"}}));
  headers.remove("b");
  EXPECT_EQ(list_of(headers), (FieldList{{"A", "4"}}));
  headers.remove_if([](std::string_view name) { return name == "A"; });
  EXPECT_TRUE(headers.empty());
}

TEST(Headers, EmptyNamesAndValuesAreFields) {
  Headers headers;
  headers.add("", "");
  headers.add("X", "");
  headers.add("", "v");
  EXPECT_EQ(list_of(headers), (FieldList{{"", ""}, {"X", ""}, {"", "v"}}));
  EXPECT_EQ(headers.find("X"), "");
}

TEST(Headers, AViewOfItsOwnTextCanBeAdded) {
  // The value views the text that grows while it is copied: it must be copied first.
  Headers headers;
  headers.add("Original", std::string(100, 'o'));
  for (int i = 0; i < 20; ++i) {
    const std::string_view value = *headers.find("Original");
    const std::string_view name = headers.field(0).name;
    headers.add(name.substr(0, 4), value);
  }
  ASSERT_EQ(headers.size(), 21U);
  for (const auto& [name, value] : headers.fields()) {
    EXPECT_EQ(value, std::string(100, 'o'));
    EXPECT_TRUE(name == "Original" || name == "Orig");
  }
}

TEST(Headers, TakenFieldsAreViewsOfOneCopyAndMarked) {
  const std::string head = "Authorization: Bearer t\r\nAccept: */*\r\n\r\n";
  const std::string_view lines(head);
  Headers parsed;
  parsed.add("X-Before", "b");
  const Headers::Taken taken = parsed.take(lines);
  parsed.add_taken(taken, lines.substr(0, 13), lines.substr(15, 8));
  parsed.add("X-Set-By-Code", "v");
  parsed.add_taken(taken, lines.substr(25, 6), lines.substr(33, 3));
  EXPECT_EQ(list_of(parsed), (FieldList{{"X-Before", "b"},
                                        {"Authorization", "Bearer t"},
                                        {"X-Set-By-Code", "v"},
                                        {"Accept", "*/*"}}));
  EXPECT_FALSE(parsed.checked(0));
  EXPECT_TRUE(parsed.checked(1));
  EXPECT_FALSE(parsed.checked(2));
  EXPECT_TRUE(parsed.checked(3));
  // A view outside the text taken is refused, not read.
  const std::string elsewhere = "Other";
  EXPECT_THROW(parsed.add_taken(taken, elsewhere, "x"), std::invalid_argument);
  EXPECT_THROW(parsed.add_taken(taken, std::string_view(lines.data() + 30, lines.size()), "x"),
               std::invalid_argument);
  EXPECT_THROW(parsed.take(parsed.field(0).value), std::invalid_argument);
}

TEST(Headers, AddAllKeepsOrderAndMarks) {
  const std::string lines = "Accept: */*\r\n";
  Headers parsed;
  const Headers::Taken taken = parsed.take(lines);
  parsed.add_taken(taken, std::string_view(lines).substr(0, 6),
                   std::string_view(lines).substr(8, 3));
  parsed.add("X-Set-By-Code", "v");

  Headers relayed;
  relayed.add("Host", "h");
  relayed.add_all(parsed);
  EXPECT_EQ(list_of(relayed),
            (FieldList{{"Host", "h"}, {"Accept", "*/*"}, {"X-Set-By-Code", "v"}}));
  EXPECT_FALSE(relayed.checked(0));
  EXPECT_TRUE(relayed.checked(1));
  EXPECT_FALSE(relayed.checked(2));

  relayed.set("Accept", "text/html");  // set by code: no mark
  relayed.remove("x-set-by-code");
  EXPECT_EQ(list_of(relayed), (FieldList{{"Host", "h"}, {"Accept", "text/html"}}));
  EXPECT_FALSE(relayed.checked(1));

  relayed.add_all(relayed);  // itself: the fields twice
  EXPECT_EQ(
      list_of(relayed),
      (FieldList{{"Host", "h"}, {"Accept", "text/html"}, {"Host", "h"}, {"Accept", "text/html"}}));
}

TEST(Headers, AddCheckedMarksOnlyWhatItChecked) {
  Headers headers;
  headers.add_checked("X-Frame-Options", "DENY");
  headers.add_checked("X-Note", "a\tb");  // a tab is text
  headers.add_checked("X-Empty", "");
  headers.add("X-Plain", "c");
  EXPECT_EQ(
      list_of(headers),
      (FieldList{
          {"X-Frame-Options", "DENY"}, {"X-Note", "a\tb"}, {"X-Empty", ""}, {"X-Plain", "c"}}));
  EXPECT_TRUE(headers.checked(0));
  EXPECT_TRUE(headers.checked(1));
  EXPECT_TRUE(headers.checked(2));
  EXPECT_FALSE(headers.checked(3));

  for (const std::string_view name : {"", "Bad Name", "Colon:", "Line\r\nX-Evil", "Ütf"}) {
    EXPECT_THROW(headers.add_checked(name, "v"), std::invalid_argument) << name;
  }
  for (const std::string_view value : {std::string_view("a\r\nX-Evil: 1"), std::string_view("a\nb"),
                                       std::string_view("a\rb"), std::string_view("a\0b", 3)}) {
    EXPECT_THROW(headers.add_checked("X-Value", value), std::invalid_argument);
  }
  EXPECT_EQ(headers.size(), 4U);  // nothing refused was added
}

TEST(Headers, ClearForgetsEverything) {
  Headers headers;
  headers.add("A", "1");
  headers.clear();
  EXPECT_TRUE(headers.empty());
  EXPECT_EQ(headers.text_size(), 0U);
  headers.add("B", "2");
  EXPECT_EQ(list_of(headers), (FieldList{{"B", "2"}}));
}

TEST(Headers, RandomEditsMatchAPlainList) {
  // The same random adds, sets and removes on Headers and on a list of string pairs.
  std::mt19937 random(7);
  const std::vector<std::string> names = {"A", "a", "B", "Content-Type", "content-type", ""};
  const auto lower = [](std::string text) {
    for (char& c : text) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return text;
  };
  for (int round = 0; round < 200; ++round) {
    Headers headers;
    FieldList plain;
    for (int step = 0; step < 40; ++step) {
      const std::string& name = names[random() % names.size()];
      const std::string value(random() % 40, static_cast<char>('a' + random() % 26));
      const auto same_name = [&](const auto& field) { return lower(field.first) == lower(name); };
      switch (random() % 4) {
        case 0:
        case 1:
          headers.add(name, value);
          plain.emplace_back(name, value);
          break;
        case 2:
          headers.set(name, value);
          std::erase_if(plain, same_name);
          plain.emplace_back(name, value);
          break;
        default:
          headers.remove(name);
          std::erase_if(plain, same_name);
      }
      ASSERT_EQ(list_of(headers), plain);
      const auto first = std::find_if(plain.begin(), plain.end(), same_name);
      ASSERT_EQ(headers.get(name),
                first == plain.end() ? std::nullopt : std::optional<std::string>(first->second));
    }
  }
}

}  // namespace
}  // namespace hotel::http
