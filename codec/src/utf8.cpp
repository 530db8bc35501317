// UTF-8 validation (RFC 3629 §4, required for text by RFC 6455 §8.1) as a
// deterministic automaton over byte classes, after the approach Björn Hoehrmann
// made popular; the table here is our own.
//
// Every byte moves the automaton along the RFC 3629 grammar. A state has exactly the
// continuation bytes it will accept, so the first byte that cannot extend a valid
// prefix moves to `reject` at once (fail fast), never later:
//   - C0, C1 and F5..FF can never appear (overlong 2-octet forms, > U+10FFFF);
//   - after E0 only A0..BF (else an overlong 3-octet form);
//   - after ED only 80..9F (else a UTF-16 surrogate, U+D800..U+DFFF);
//   - after F0 only 90..BF (else an overlong 4-octet form);
//   - after F4 only 80..8F (else above U+10FFFF).
//
// For speed the table is stored "shift-based": each byte value owns one 64-bit
// row holding, for every state, the next state as a 6-bit field. A state is kept as
// its field's bit offset, so one step is `row[byte] >> state & 63`: a shift and a
// mask on the dependency chain instead of two dependent table loads. Runs of ASCII
// in the accept state are skipped 32 (then 8) octets at a time.
#include "wsc/utf8.hpp"

#include <array>
#include <cstring>

namespace wsc {
namespace {

// Byte classes.
enum : std::uint8_t {
    c_ascii,     // 00..7F
    c_cont_lo,   // 80..8F
    c_cont_mid,  // 90..9F
    c_cont_hi,   // A0..BF
    c_never,     // C0, C1, F5..FF
    c_lead2,     // C2..DF
    c_e0,        // E0
    c_lead3,     // E1..EC, EE, EF
    c_ed,        // ED
    c_f0,        // F0
    c_lead4,     // F1..F3
    c_f4,        // F4
    class_count
};

// States. accept must be 0 and reject 1 (utf8_validator relies on both).
enum : std::uint8_t {
    s_accept = 0,
    s_reject = 1,
    s_need1,     // one more continuation byte, any of 80..BF
    s_need2,     // two more, any
    s_need3,     // three more, any
    s_after_e0,  // A0..BF, then one more
    s_after_ed,  // 80..9F, then one more
    s_after_f0,  // 90..BF, then two more
    s_after_f4,  // 80..8F, then two more
    state_count
};
static_assert(s_reject == utf8_validator::reject);

constexpr std::array<std::uint8_t, 256> make_classes() {
    std::array<std::uint8_t, 256> c{};
    for (int b = 0; b < 256; ++b) {
        std::uint8_t v = c_never;
        if (b < 0x80) v = c_ascii;
        else if (b < 0x90) v = c_cont_lo;
        else if (b < 0xA0) v = c_cont_mid;
        else if (b < 0xC0) v = c_cont_hi;
        else if (b < 0xC2) v = c_never;
        else if (b < 0xE0) v = c_lead2;
        else if (b == 0xE0) v = c_e0;
        else if (b == 0xED) v = c_ed;
        else if (b < 0xF0) v = c_lead3;
        else if (b == 0xF0) v = c_f0;
        else if (b < 0xF4) v = c_lead4;
        else if (b == 0xF4) v = c_f4;
        c[b] = v;
    }
    return c;
}

// next[state * class_count + class]; everything not listed rejects.
constexpr std::array<std::uint8_t, std::size_t{state_count} * class_count> make_transitions() {
    std::array<std::uint8_t, std::size_t{state_count} * class_count> t{};
    for (auto& x : t) x = s_reject;
    auto set = [&t](int s, int c, std::uint8_t to) { t[s * class_count + c] = to; };
    set(s_accept, c_ascii, s_accept);
    set(s_accept, c_lead2, s_need1);
    set(s_accept, c_e0, s_after_e0);
    set(s_accept, c_lead3, s_need2);
    set(s_accept, c_ed, s_after_ed);
    set(s_accept, c_f0, s_after_f0);
    set(s_accept, c_lead4, s_need3);
    set(s_accept, c_f4, s_after_f4);
    for (int c : {c_cont_lo, c_cont_mid, c_cont_hi}) {
        set(s_need1, c, s_accept);
        set(s_need2, c, s_need1);
        set(s_need3, c, s_need2);
    }
    set(s_after_e0, c_cont_hi, s_need1);
    set(s_after_ed, c_cont_lo, s_need1);
    set(s_after_ed, c_cont_mid, s_need1);
    set(s_after_f0, c_cont_mid, s_need2);
    set(s_after_f0, c_cont_hi, s_need2);
    set(s_after_f4, c_cont_lo, s_need2);
    return t;
}

// rows[byte]: field k (bits 6k..6k+5) holds 6 * next_state(k, class(byte)).
constexpr std::array<std::uint64_t, 256> make_rows() {
    constexpr auto classes = make_classes();
    constexpr auto transitions = make_transitions();
    std::array<std::uint64_t, 256> rows{};
    for (int b = 0; b < 256; ++b) {
        std::uint64_t row = 0;
        for (int k = 0; k < state_count; ++k)
            row |= std::uint64_t{6} * transitions[k * class_count + classes[b]] << (6 * k);
        rows[b] = row;
    }
    return rows;
}
static_assert(6 * (state_count - 1) + 6 <= 64, "states must fit a 64-bit row");

constexpr auto rows = make_rows();
constexpr std::uint32_t accept_shift = 6 * s_accept, reject_shift = 6 * s_reject;

constexpr std::uint64_t high_bits = 0x8080808080808080ull;

// Advances i over ASCII, 32 (then 8) octets a step. The result is at or before the
// first octet >= 0x80 (it may stop a few ASCII octets short, never past one).
inline std::size_t skip_ascii(const std::uint8_t* p, std::size_t i, std::size_t n) noexcept {
    for (; i + 32 <= n; i += 32) {
        std::uint64_t a, b, c, d;
        std::memcpy(&a, p + i, 8);
        std::memcpy(&b, p + i + 8, 8);
        std::memcpy(&c, p + i + 16, 8);
        std::memcpy(&d, p + i + 24, 8);
        if (((a | b | c | d) & high_bits) != 0) break;
    }
    for (; i + 8 <= n; i += 8) {
        std::uint64_t a;
        std::memcpy(&a, p + i, 8);
        if ((a & high_bits) != 0) break;
    }
    return i;
}

}  // namespace

bool utf8_validator::feed(const std::uint8_t* data, std::size_t n) noexcept {
    if (state_ == s_reject) return false;
    std::uint64_t s = 6 * std::uint64_t{state_};
    std::size_t i = 0;
    while (i < n) {
        if (s == accept_shift && data[i] < 0x80) {
            i = skip_ascii(data, i + 1, n);
            continue;
        }
        s = (rows[data[i]] >> s) & 63;
        if (s == reject_shift) {
            state_ = s_reject;
            return false;
        }
        ++i;
    }
    state_ = static_cast<std::uint32_t>(s / 6);
    return true;
}

// Two 64-bit lanes; gcc and clang lower this to one SSE2 (or NEON) register.
typedef std::uint64_t lanes2 __attribute__((vector_size(16)));

bool utf8_validator::feed_masked(std::uint8_t* dst, const std::uint8_t* src, std::size_t n, const mask_key& key,
                                 std::uint64_t offset) noexcept {
    if (state_ == s_reject) return false;
    // The key rotated so that its first octet lines up with src[0] (mask.cpp does
    // the same); both 32-bit halves equal, so the octet order does not matter.
    const unsigned r = static_cast<unsigned>(offset & 3);
    const std::uint8_t k[4] = {key[r], key[(r + 1) & 3], key[(r + 2) & 3], key[(r + 3) & 3]};
    std::uint32_t k32;
    std::memcpy(&k32, k, 4);
    const std::uint64_t k64 = (std::uint64_t{k32} << 32) | k32;
    const lanes2 kv = {k64, k64};

    // A block is unmasked and stored 16 octets at a time while the OR of the
    // unmasked octets collects their high bits. A block that is all ASCII, reached
    // on a code point boundary, is valid as it stands; any other block is run
    // through the automaton from dst, where it is still in L1.
    constexpr std::size_t block = 256;
    std::size_t i = 0;
    for (; i + block <= n; i += block) {
        lanes2 acc = {0, 0};
        for (std::size_t j = 0; j < block; j += 16) {
            lanes2 v;
            std::memcpy(&v, src + i + j, 16);
            v ^= kv;
            std::memcpy(dst + i + j, &v, 16);
            acc |= v;
        }
        if (state_ == s_accept && ((acc[0] | acc[1]) & high_bits) == 0) continue;
        if (!feed(dst + i, block)) return false;
    }
    if (i == n) return true;
    // block is a multiple of 4, so the key phase at src + i is still offset's.
    copy_masked(dst + i, src + i, n - i, key, offset + i);
    return feed(dst + i, n - i);
}

bool is_valid_utf8(std::string_view s) noexcept {
    utf8_validator v;
    return v.feed(s) && v.complete();
}

}  // namespace wsc
