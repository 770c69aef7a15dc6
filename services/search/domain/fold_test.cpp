#include "services/search/domain/fold.hpp"

#include <gtest/gtest.h>

namespace hotel::search::domain {
namespace {

using Keys = std::vector<std::string>;

TEST(SearchFold, LowerCasesAndTakesLatinAccentsOff) {
  EXPECT_EQ(fold("São Paulo"), "sao paulo");
  EXPECT_EQ(fold("Sant Julià de Lòria"), "sant julia de loria");
  EXPECT_EQ(fold("ZÜRICH"), "zurich");
  EXPECT_EQ(fold("Ærøskøbing"), "aeroskobing");
  EXPECT_EQ(fold("Łódź"), "lodz");
  EXPECT_EQ(fold("Straße"), "strasse");
  EXPECT_EQ(fold("Þórshöfn"), "thorshofn");
  EXPECT_EQ(fold("Điện Biên Phủ"), "dien bien phu");  // Latin Extended Additional
  EXPECT_EQ(fold("Hồ Chí Minh"), "ho chi minh");
  EXPECT_EQ(fold("Şanlıurfa"), "sanliurfa");
  EXPECT_EQ(fold("Constanța"), "constanta");
  EXPECT_EQ(fold("Ağdam Əli"), "agdam eli");
}

TEST(SearchFold, DropsCombiningMarksOfDecomposedText) {
  EXPECT_EQ(fold("Sa\xCC\x83o"), "sao");  // a + COMBINING TILDE
  EXPECT_EQ(fold("Lo\xCC\x80ria"), "loria");
}

TEST(SearchFold, KeepsOtherScriptsLowerCasingGreekAndCyrillic) {
  EXPECT_EQ(fold("МОСКВА"), "москва");
  EXPECT_EQ(fold("ΑΘΗΝΑ"), "αθηνα");
  EXPECT_EQ(fold("القاهرة"), "القاهرة");
  EXPECT_EQ(fold("東京"), "東京");
}

TEST(SearchFold, DropsInvalidUtf8) {
  EXPECT_EQ(fold("a\xFF"
                 "b"),
            "ab");
  EXPECT_EQ(fold("a\xC3"), "a");  // truncated
  EXPECT_EQ(fold("\xC0\xAF"
                 "x"),
            "x");  // overlong
  EXPECT_EQ(fold("\xED\xA0\x80"
                 "y"),
            "y");  // surrogate
}

TEST(SearchFold, SplitsWordsOnPunctuation) {
  EXPECT_EQ(folded_words("L'Aquila"), (Keys{"l", "aquila"}));
  EXPECT_EQ(folded_words("Saint-Étienne-du-Rouvray"), (Keys{"saint", "etienne", "du", "rouvray"}));
  EXPECT_EQ(folded_words("  Hawaiʻi – Kona  "), (Keys{"hawai", "i", "kona"}));
  EXPECT_EQ(folded_words("Villa (3)"), (Keys{"villa", "3"}));
  EXPECT_TRUE(folded_words(" - ").empty());
}

TEST(SearchFold, CityKeysStartAtEveryWord) {
  EXPECT_EQ(city_keys("Sant Julià de Lòria"),
            (Keys{"sant julia de loria", "julia de loria", "de loria", "loria"}));
  EXPECT_EQ(city_keys("São Paulo"), (Keys{"sao paulo", "paulo"}));
  EXPECT_EQ(city_keys("Oslo"), (Keys{"oslo"}));
  EXPECT_TRUE(city_keys("").empty());
}

TEST(SearchFold, PrefixKeyNormalisesTheUsersInput) {
  EXPECT_EQ(city_prefix_key("  SÃO   pau"), "sao pau");
  EXPECT_EQ(city_prefix_key("LORIA"), "loria");
  EXPECT_EQ(city_prefix_key("..."), "");
}

TEST(SearchFold, PrefixRangeHoldsEveryContinuationAndNothingElse) {
  const auto range = prefix_range("sao");
  const auto inside = [&](const std::string& key) { return key >= range.low && key < range.high; };
  EXPECT_TRUE(inside("sao"));
  EXPECT_TRUE(inside("sao paulo"));
  EXPECT_TRUE(inside("saozinho"));
  EXPECT_TRUE(inside("sao\xE6\x9D\xB1"));
  EXPECT_FALSE(inside("sap"));
  EXPECT_FALSE(inside("sa"));
  EXPECT_FALSE(inside("san"));
}

}  // namespace
}  // namespace hotel::search::domain
