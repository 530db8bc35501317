// The inner loop of reading a text frame, alone: unmask an ASCII payload into a
// second buffer and validate it, fused in one pass (utf8_validator::feed_masked,
// the way the endpoint moves text payload into a message), and as two passes
// (copy_masked, then feed) for comparison. Each step is also measured alone, with memcpy as the memory
// bandwidth yardstick, so a missed target can be pinned on one of them.
#include <cstring>
#include <vector>

#include "bench_cases.hpp"
#include "wsc/mask.hpp"
#include "wsc/utf8.hpp"

namespace wsc::bench {
namespace {

constexpr mask_key key = {0x37, 0xFA, 0x21, 0x3D};

struct buffers {
    std::vector<std::uint8_t> plain, masked, out;
    explicit buffers(std::size_t size) {
        const std::string p = make_payload(payload_kind::text_ascii, size);
        plain.assign(p.begin(), p.end());
        masked = plain;
        apply_mask(masked.data(), masked.size(), key);
        out.resize(size);
    }
};

void count_bytes(benchmark::State& st, std::size_t size) {
    st.SetBytesProcessed(static_cast<std::int64_t>(st.iterations() * size));
}

}  // namespace

void unmask_and_validate(benchmark::State& st, std::size_t size) {
    buffers b(size);
    for (auto _ : st) {
        utf8_validator v;
        const bool ok = v.feed_masked(b.out.data(), b.masked.data(), size, key) && v.complete();
        benchmark::DoNotOptimize(ok);
        benchmark::ClobberMemory();
    }
    if (b.out != b.plain) st.SkipWithError("feed_masked did not restore the payload");
    count_bytes(st, size);
}

void unmask_then_validate(benchmark::State& st, std::size_t size) {
    buffers b(size);
    for (auto _ : st) {
        copy_masked(b.out.data(), b.masked.data(), size, key);
        utf8_validator v;
        const bool ok = v.feed(b.out.data(), size) && v.complete();
        benchmark::DoNotOptimize(ok);
        benchmark::ClobberMemory();
    }
    if (b.out != b.plain) st.SkipWithError("copy_masked did not restore the payload");
    count_bytes(st, size);
}

void unmask_only(benchmark::State& st, std::size_t size) {
    buffers b(size);
    for (auto _ : st) {
        copy_masked(b.out.data(), b.masked.data(), size, key);
        benchmark::ClobberMemory();
    }
    count_bytes(st, size);
}

void validate_only(benchmark::State& st, std::size_t size) {
    buffers b(size);
    for (auto _ : st) {
        utf8_validator v;
        const bool ok = v.feed(b.plain.data(), size) && v.complete();
        benchmark::DoNotOptimize(ok);
    }
    count_bytes(st, size);
}

void memcpy_only(benchmark::State& st, std::size_t size) {
    buffers b(size);
    for (auto _ : st) {
        std::memcpy(b.out.data(), b.masked.data(), size);
        benchmark::ClobberMemory();
    }
    count_bytes(st, size);
}

}  // namespace wsc::bench
