// Bounds of the inline 8-bit edge counters (see coverage_pause in fuzz_support.hpp).
//
// clang's -fsanitize-coverage=inline-8bit-counters (part of -fsanitize=fuzzer and
// fuzzer-no-link) keeps one counter per edge in the ELF section __sancov_cntrs, and
// the linker names its bounds __start___sancov_cntrs and __stop___sancov_cntrs. The
// coverage pass declares those two names itself in every module where it
// instruments a function; a declaration of ours in such a module makes it rename
// its own, and libFuzzer is then handed no counters at all. So they are named only
// here, in a file whose one function is never instrumented, and therefore gets no
// declarations from the pass. Weak: null without the section (g++ replay builds,
// guard-based instrumentation of other engines).
#include <cstddef>
#include <cstdint>

extern "C" __attribute__((weak)) std::uint8_t __start___sancov_cntrs[];
extern "C" __attribute__((weak)) std::uint8_t __stop___sancov_cntrs[];

#if defined(__clang__) && __clang_major__ >= 13
#define WSC_COUNTERS_NO_COVERAGE __attribute__((no_sanitize("coverage")))
#else
#define WSC_COUNTERS_NO_COVERAGE
#endif

extern "C" WSC_COUNTERS_NO_COVERAGE std::uint8_t* wsc_fuzz_counters(std::size_t* size) {
    std::uint8_t* begin = __start___sancov_cntrs;
    std::uint8_t* end = __stop___sancov_cntrs;
    if (!begin || !end || end <= begin) {
        *size = 0;
        return nullptr;
    }
    *size = static_cast<std::size_t>(end - begin);
    return begin;
}
