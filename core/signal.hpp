// A signal is a reference to a gate output, possibly complemented.
//
// The gate index and a complement bit are packed into one word, so NOT costs nothing and never
// allocates a gate; this is why the depth convention of SPEC §1 can count NOT as free.
#pragma once

#include <cstdint>
#include <functional>

namespace tc0 {

class signal {
 public:
  constexpr signal() = default;
  constexpr signal(uint32_t index, bool complemented)
      : data_{(index << 1) | (complemented ? 1u : 0u)} {}

  constexpr uint32_t index() const { return data_ >> 1; }
  constexpr bool complemented() const { return (data_ & 1u) != 0; }
  constexpr uint32_t raw() const { return data_; }
  static constexpr signal from_raw(uint32_t raw) {
    signal s;
    s.data_ = raw;
    return s;
  }

  constexpr signal operator!() const { return from_raw(data_ ^ 1u); }
  constexpr signal operator^(bool complement) const {
    return from_raw(data_ ^ (complement ? 1u : 0u));
  }
  constexpr signal regular() const { return from_raw(data_ & ~1u); }

  friend constexpr bool operator==(signal a, signal b) { return a.data_ == b.data_; }
  friend constexpr bool operator!=(signal a, signal b) { return a.data_ != b.data_; }
  friend constexpr bool operator<(signal a, signal b) { return a.data_ < b.data_; }

 private:
  uint32_t data_ = 0;
};

// Gate 0 is the constant false; its complement is true.
inline constexpr signal const_false{0, false};
inline constexpr signal const_true{0, true};

}  // namespace tc0

template <>
struct std::hash<tc0::signal> {
  size_t operator()(tc0::signal s) const noexcept { return std::hash<uint32_t>{}(s.raw()); }
};
