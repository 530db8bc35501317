// Registers every case by name, "<impl>/<kind>/<size>", so bench/run can pair our
// rows with Beast's from one JSON file.
#include <string>

#include "bench_cases.hpp"

namespace {

using wsc::bench::payload_kind;

struct size_case {
    const char* label;
    std::size_t bytes;
};
constexpr size_case frame_sizes[] = {{"16B", 16}, {"1KiB", 1024}, {"64KiB", 64 * 1024}, {"16MiB", 16 * 1024 * 1024}};
constexpr size_case micro_sizes[] = {{"64KiB", 64 * 1024}, {"16MiB", 16 * 1024 * 1024}};

void register_all() {
    using reader = void (*)(benchmark::State&, payload_kind, std::size_t);
    const struct {
        const char* name;
        reader fn;
    } readers[] = {
        {"parser", wsc::bench::read_with_parser},
        {"endpoint", wsc::bench::read_with_endpoint},
        {"beast", wsc::bench::read_with_beast},
    };
    // Kind and size outermost, so the three implementations of one case run back
    // to back on the same cached batch and under the same machine load.
    for (payload_kind kind : {payload_kind::text_ascii, payload_kind::binary, payload_kind::text_utf8})
        for (const size_case& size : frame_sizes)
            for (const auto& r : readers) {
                const std::string name =
                    std::string(r.name) + "/" + std::string(wsc::bench::kind_name(kind)) + "/" + size.label;
                benchmark::RegisterBenchmark(name.c_str(), r.fn, kind, size.bytes);
            }

    using micro = void (*)(benchmark::State&, std::size_t);
    const struct {
        const char* name;
        micro fn;
    } micros[] = {
        {"unmask_validate", wsc::bench::unmask_and_validate},
        {"unmask_then_validate", wsc::bench::unmask_then_validate},
        {"unmask", wsc::bench::unmask_only},
        {"validate", wsc::bench::validate_only},
        {"memcpy", wsc::bench::memcpy_only},
    };
    for (const size_case& size : micro_sizes)
        for (const auto& m : micros)
            benchmark::RegisterBenchmark((std::string(m.name) + "/ascii/" + size.label).c_str(), m.fn, size.bytes);
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    register_all();
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
