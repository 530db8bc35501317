// The benchmark bodies, registered by bench_main.cpp under names the bench/run
// script parses: "<impl>/<kind>/<size>" for frame reading, "<step>/ascii/<size>"
// for the unmask/validate microbenchmarks.
#pragma once

#include <benchmark/benchmark.h>

#include <cstddef>

#include "wire_batch.hpp"

namespace wsc::bench {

// (a) frame_parser + utf8_validator, payload unmasked in place.
void read_with_parser(benchmark::State& st, payload_kind kind, std::size_t payload_size);
// (b) wsc::endpoint, server role: receive_data + take_events.
void read_with_endpoint(benchmark::State& st, payload_kind kind, std::size_t payload_size);
// (c) boost::beast::websocket::stream, server role, read() into a flat_buffer.
void read_with_beast(benchmark::State& st, payload_kind kind, std::size_t payload_size);

// Microbenchmarks on one ASCII payload: unmask (copy_masked) + validate, and each
// step alone plus memcpy, so a miss can be attributed to a step or to memory.
void unmask_and_validate(benchmark::State& st, std::size_t size);
void unmask_then_validate(benchmark::State& st, std::size_t size);
void unmask_only(benchmark::State& st, std::size_t size);
void validate_only(benchmark::State& st, std::size_t size);
void memcpy_only(benchmark::State& st, std::size_t size);

}  // namespace wsc::bench
