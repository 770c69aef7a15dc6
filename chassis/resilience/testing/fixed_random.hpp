// A Random that returns a value the test chose.
#pragma once

#include "chassis/core/random.hpp"

namespace hotel::resilience::testing {

class FixedRandom final : public core::Random {
 public:
  explicit FixedRandom(double value = 0.5) : value_(value) {}
  double uniform() override { return value_; }
  void set(double value) { value_ = value; }

 private:
  double value_;
};

}  // namespace hotel::resilience::testing
