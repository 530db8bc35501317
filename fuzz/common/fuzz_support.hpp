// Shared plumbing for the harnesses: the config prefix, the chunker that splits the
// wire bytes, and a check macro that aborts with a message (so libFuzzer and the
// replay driver both report it as a crash).
//
// Input layout of every target: [config prefix: kConfigSize octets][body]. The
// prefix is read with FuzzedDataProvider (which takes integers from the end of the
// buffer it is given, so field i sits at prefix[kConfigSize - 1 - i]); the body is
// the bytes under test, untouched. Keeping config out of the body means a seed is
// "prefix + wire bytes" and a mutation of the body never changes the config, which
// `size % N` schemes cannot promise.
#pragma once

#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#define FUZZ_CHECK(cond, ...)                                                               \
    do {                                                                                    \
        if (!(cond)) {                                                                      \
            std::fprintf(stderr, "FUZZ_CHECK failed at %s:%d: %s\n  ", __FILE__, __LINE__, #cond); \
            std::fprintf(stderr, __VA_ARGS__);                                              \
            std::fprintf(stderr, "\n");                                                     \
            std::abort();                                                                   \
        }                                                                                   \
    } while (0)

// Harness-only code (reference decoders, checks, chunking) is kept out of the
// coverage feedback: its branches are not codec behaviour, and tracing them costs
// exec/s. clang >= 13 understands no_sanitize("coverage").
#if defined(__clang__) && __clang_major__ >= 13
#define WSC_FUZZ_NO_COVERAGE __attribute__((no_sanitize("coverage")))
#else
#define WSC_FUZZ_NO_COVERAGE
#endif

// The inline 8-bit edge counters, from common/counters.cc (linked into every
// harness): null and 0 when there are none.
extern "C" std::uint8_t* wsc_fuzz_counters(std::size_t* size);

namespace wsc_fuzz {

// Keeps a harness's own re-checks out of the coverage feedback. While one is alive,
// the codec still runs instrumented (and is still checked), but on destruction the
// edge counters go back to what they were at construction, so libFuzzer judges the
// input only by the code under test. For a check that drives the codec again over
// octets it has already handled (a round trip), this is the same idea as
// WSC_FUZZ_NO_COVERAGE for the harness's own code: the repeat adds no behaviour,
// only counts, and counts become features that cost exec/s. A no-op without the
// section.
class coverage_pause {
public:
    coverage_pause() : counters_(wsc_fuzz_counters(&size_)) {
        if (!size_) return;
        auto& b = buffer();
        if (b.size() < size_) b.resize(size_);
        std::memcpy(b.data(), counters_, size_);
    }
    ~coverage_pause() {
        if (size_) std::memcpy(counters_, buffer().data(), size_);
    }
    coverage_pause(const coverage_pause&) = delete;
    coverage_pause& operator=(const coverage_pause&) = delete;

private:
    static std::vector<std::uint8_t>& buffer() {
        static std::vector<std::uint8_t> b;
        return b;
    }
    std::size_t size_ = 0;
    std::uint8_t* counters_;
};

// The prefix has a fixed size for every target, so the generator can write one.
inline constexpr std::size_t kConfigSize = 8;

// Reads one octet per field from the prefix; missing octets read as 0.
class config_reader {
public:
    config_reader(const std::uint8_t* data, std::size_t size)
        : fdp_(data, std::min(size, kConfigSize)) {}
    std::uint8_t byte() { return fdp_.ConsumeIntegral<std::uint8_t>(); }
    bool bit(std::uint8_t b, int i) const { return (b >> i) & 1; }

private:
    FuzzedDataProvider fdp_;
};

struct split_input {
    const std::uint8_t* body;
    std::size_t body_size;
};

inline split_input body_of(const std::uint8_t* data, std::size_t size) {
    if (size <= kConfigSize) return {data + size, 0};
    return {data + kConfigSize, size - kConfigSize};
}

// Splits the body into pieces as the prefix asks: whole, octet by octet, small
// random pieces, or larger random pieces. The sizes come from a PRNG seeded by the
// prefix, not from the body, so the split is stable when the body mutates.
class chunker {
public:
    chunker(std::uint8_t mode_byte, std::uint8_t seed_byte)
        : mode_(mode_byte & 3), state_(0x9E3779B97F4A7C15ull ^ (std::uint64_t{seed_byte} << 17 | mode_byte)) {}

    // Length of the next piece when `left` octets remain (left > 0).
    WSC_FUZZ_NO_COVERAGE std::size_t next(std::size_t left) {
        switch (mode_) {
        case 0: return left;
        case 1: return 1;
        case 2: return std::min<std::size_t>(left, 1 + rand() % 7);
        default: return std::min<std::size_t>(left, 1 + rand() % 300);
        }
    }
    WSC_FUZZ_NO_COVERAGE std::uint64_t rand() {
        // splitmix64: tiny, and good enough to vary split points.
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

private:
    unsigned mode_;
    std::uint64_t state_;
};

#if defined(__SANITIZE_ADDRESS__)
#define WSC_FUZZ_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WSC_FUZZ_ASAN 1
#endif
#endif

// A piece of the body. Under AddressSanitizer each piece is copied into its own
// exact-size heap buffer, so a read past the end of a piece is reported even in
// the middle of the input; without it the piece is a view, to keep exec/s high.
class piece_view {
public:
    piece_view(const std::uint8_t* p, std::size_t n)
#ifdef WSC_FUZZ_ASAN
        : copy_(p, p + n), data_(copy_.data()), size_(n) {}
#else
        : data_(p), size_(n) {}
#endif
    const std::uint8_t* data() const { return data_; }
    std::size_t size() const { return size_; }

private:
#ifdef WSC_FUZZ_ASAN
    std::vector<std::uint8_t> copy_;
#endif
    const std::uint8_t* data_;
    std::size_t size_;
};

// Calls fn(piece) for consecutive pieces of [data, data+n).
template <class Fn>
WSC_FUZZ_NO_COVERAGE void for_each_chunk(const std::uint8_t* data, std::size_t n, chunker& c, Fn&& fn) {
    std::size_t pos = 0;
    while (pos < n) {
        const std::size_t k = c.next(n - pos);
        const piece_view piece(data + pos, k);
        fn(piece);
        pos += k;
    }
}

inline std::string_view as_sv(const piece_view& v) {
    return {reinterpret_cast<const char*>(v.data()), v.size()};
}
inline std::string hex(std::string_view s, std::size_t max = 64) {
    static const char* d = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < s.size() && i < max; ++i) {
        out.push_back(d[static_cast<std::uint8_t>(s[i]) >> 4]);
        out.push_back(d[static_cast<std::uint8_t>(s[i]) & 15]);
    }
    if (s.size() > max) out += "...";
    return out;
}

}  // namespace wsc_fuzz
