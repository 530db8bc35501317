// RFC 6455 §5.3 masking: XOR with a 4-byte key, position-dependent.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace wsc {

using mask_key = std::array<std::uint8_t, 4>;

// XORs data in place. `offset` is the payload position of data[0], so a payload
// split over several calls unmasks the same as in one call.
void apply_mask(std::uint8_t* data, std::size_t n, const mask_key& key, std::uint64_t offset = 0) noexcept;
// Copies src to dst while masking; dst and src may be the same.
void copy_masked(std::uint8_t* dst, const std::uint8_t* src, std::size_t n, const mask_key& key,
                 std::uint64_t offset = 0) noexcept;

}  // namespace wsc
