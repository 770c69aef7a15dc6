// Bulkhead: caps the calls in flight to one dependency so that a slow upstream ties up a bounded
// share of the process instead of all of it. Lock-free and thread-safe.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <optional>

namespace hotel::resilience {

class Bulkhead {
 public:
  // A place in the bulkhead, given back when destroyed. The bulkhead must outlive its slots.
  class Slot {
   public:
    Slot(Slot&& other) noexcept;
    Slot& operator=(Slot&& other) noexcept;
    Slot(const Slot&) = delete;
    ~Slot();

   private:
    friend class Bulkhead;
    explicit Slot(Bulkhead* bulkhead) : bulkhead_(bulkhead) {}
    void release();
    Bulkhead* bulkhead_;
  };

  explicit Bulkhead(std::size_t max_in_flight);
  Bulkhead(const Bulkhead&) = delete;
  Bulkhead& operator=(const Bulkhead&) = delete;

  // A slot when fewer than max_in_flight calls hold one; nullopt (and counted) otherwise.
  std::optional<Slot> try_enter();
  std::size_t in_flight() const { return in_flight_.load(); }
  std::size_t max_in_flight() const { return max_in_flight_; }
  std::uint64_t rejected() const { return rejected_.load(); }

 private:
  const std::size_t max_in_flight_;
  std::atomic<std::size_t> in_flight_{0};
  std::atomic<std::uint64_t> rejected_{0};
};

}  // namespace hotel::resilience
