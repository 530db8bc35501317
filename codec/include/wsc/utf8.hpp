// Incremental UTF-8 validation (RFC 3629, as RFC 6455 §8.1 requires). It is fed a
// message in pieces and fails at the first byte that can no longer start or
// continue a valid sequence, so an endpoint can fail fast in the middle of a frame.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "wsc/mask.hpp"

namespace wsc {

class utf8_validator {
public:
    // Returns false as soon as the bytes seen so far cannot be a prefix of valid UTF-8.
    bool feed(const std::uint8_t* data, std::size_t n) noexcept;
    bool feed(std::string_view s) noexcept {
        return feed(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
    }
    // The read loop's fused pass: copies n octets from src to dst while unmasking
    // them (exactly as copy_masked(dst, src, n, key, offset)) and validates the
    // unmasked octets, so a masked text payload is read once instead of twice.
    // ASCII is checked a block at a time while the copy is in registers; only
    // blocks holding other octets (or continuing a sequence) go through the
    // automaton. Returns what feed(dst, n) would. dst and src may be the same. After
    // a false return dst holds at least the unmasked octets up to the bad one.
    bool feed_masked(std::uint8_t* dst, const std::uint8_t* src, std::size_t n, const mask_key& key,
                     std::uint64_t offset = 0) noexcept;
    // True when the input so far ends on a code point boundary (message may end here).
    bool complete() const noexcept { return state_ == 0; }
    bool failed() const noexcept { return state_ == reject; }
    void reset() noexcept { state_ = 0; }

    static constexpr std::uint32_t reject = 1;

private:
    std::uint32_t state_ = 0;
};

// Whole-buffer check.
bool is_valid_utf8(std::string_view s) noexcept;

}  // namespace wsc
