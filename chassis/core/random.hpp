// Injectable randomness: a uniform source in [0, 1) that tests can fix.
#pragma once

#include <functional>
#include <mutex>
#include <random>

namespace hotel::core {

class Random {
 public:
  virtual ~Random() = default;
  // A uniformly distributed number in [0, 1).
  virtual double uniform() = 0;
};

class SeededRandom final : public Random {
 public:
  explicit SeededRandom(std::uint64_t seed = std::random_device{}()) : engine_(seed) {}
  double uniform() override {
    std::lock_guard lock(mutex_);
    return dist_(engine_);
  }

 private:
  std::mutex mutex_;
  std::mt19937_64 engine_;
  std::uniform_real_distribution<double> dist_{0.0, 1.0};
};

}  // namespace hotel::core
