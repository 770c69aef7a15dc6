#include "services/identity/domain/words.hpp"

#include <gtest/gtest.h>

namespace hotel::identity::domain {
namespace {

using Words = std::vector<std::string>;

TEST(IdentityWords, SplitOnSpacesAndJoinWithOne) {
  EXPECT_EQ(split_words("  a b   c "), (Words{"a", "b", "c"}));
  EXPECT_TRUE(split_words("").empty());
  EXPECT_TRUE(split_words("   ").empty());
  EXPECT_EQ(join_words({"a", "b"}), "a b");
  EXPECT_EQ(join_words({}), "");
}

}  // namespace
}  // namespace hotel::identity::domain
