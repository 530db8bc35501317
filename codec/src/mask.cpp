// RFC 6455 §5.3: "octet i of the transformed data is the XOR of octet i of the
// original data with octet at index i modulo 4 of the masking key".
//
// The key is rotated once so that its first octet lines up with data[0] (the
// payload may start at any offset when it arrives in pieces), then widened to 8
// and 16 octets. Whole words are moved with memcpy, which the compiler turns into
// plain (unaligned-safe) loads and stores without the undefined behaviour of
// casting byte pointers.
#include "wsc/mask.hpp"

#include <cstring>

namespace wsc {
namespace {

// Two 64-bit lanes; gcc and clang lower this to one SSE2 (or NEON) register.
typedef std::uint64_t lanes2 __attribute__((vector_size(16)));

}  // namespace

void copy_masked(std::uint8_t* dst, const std::uint8_t* src, std::size_t n, const mask_key& key,
                 std::uint64_t offset) noexcept {
    const unsigned r = static_cast<unsigned>(offset & 3);
    const std::uint8_t k[4] = {key[r], key[(r + 1) & 3], key[(r + 2) & 3], key[(r + 3) & 3]};
    std::uint32_t k32;
    std::memcpy(&k32, k, 4);
    // Both halves equal, so the octet order in memory is k k regardless of endianness.
    const std::uint64_t k64 = (std::uint64_t{k32} << 32) | k32;
    const lanes2 kv = {k64, k64};

    std::size_t i = 0;
    for (; i + 64 <= n; i += 64) {
        lanes2 a, b, c, d;
        std::memcpy(&a, src + i, 16);
        std::memcpy(&b, src + i + 16, 16);
        std::memcpy(&c, src + i + 32, 16);
        std::memcpy(&d, src + i + 48, 16);
        a ^= kv;
        b ^= kv;
        c ^= kv;
        d ^= kv;
        std::memcpy(dst + i, &a, 16);
        std::memcpy(dst + i + 16, &b, 16);
        std::memcpy(dst + i + 32, &c, 16);
        std::memcpy(dst + i + 48, &d, 16);
    }
    for (; i + 8 <= n; i += 8) {
        std::uint64_t w;
        std::memcpy(&w, src + i, 8);
        w ^= k64;
        std::memcpy(dst + i, &w, 8);
    }
    // i is a multiple of 8 here, so the rotated key still starts at k[0].
    for (; i < n; ++i) dst[i] = static_cast<std::uint8_t>(src[i] ^ k[i & 3]);
}

void apply_mask(std::uint8_t* data, std::size_t n, const mask_key& key, std::uint64_t offset) noexcept {
    copy_masked(data, data, n, key, offset);
}

}  // namespace wsc
