// Incremental UTF-8 validation (RFC 3629, as RFC 6455 §8.1 requires). It is fed a
// message in pieces and fails at the first byte that can no longer start or
// continue a valid sequence, so an endpoint can fail fast in the middle of a frame.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace wsc {

class utf8_validator {
public:
    // Returns false as soon as the bytes seen so far cannot be a prefix of valid UTF-8.
    bool feed(const std::uint8_t* data, std::size_t n) noexcept;
    bool feed(std::string_view s) noexcept {
        return feed(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
    }
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
