// The input every codec benchmark reads: identical-length masked client frames
// laid end to end, as a server finds them in its receive buffer. Each frame gets
// its own masking key so no implementation can profit from a repeated key.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace wsc::bench {

enum class payload_kind : std::uint8_t {
    binary,      // random octets
    text_ascii,  // printable ASCII, the common case for JSON-ish traffic
    text_utf8,   // a mix of 1- to 4-octet code points, so the validator leaves its ASCII fast path
};

std::string_view kind_name(payload_kind k) noexcept;
inline bool is_text(payload_kind k) noexcept { return k != payload_kind::binary; }

// Small frames are batched so one benchmark iteration always moves at least this
// much payload: a server reading a socket sees many small frames per read, and
// per-iteration timer overhead would otherwise dominate 16-octet frames.
constexpr std::size_t batch_payload_target = 64 * 1024;

struct wire_batch {
    payload_kind kind = payload_kind::binary;
    std::size_t payload_size = 0;  // per frame
    std::size_t copies = 0;        // frames in `wire`
    std::string payload;           // one frame's payload, unmasked (the same in every frame)
    std::string wire;              // copies x (header + masked payload)

    std::size_t payload_bytes() const noexcept { return payload_size * copies; }
};

// Deterministic (fixed seed), so every run and every implementation reads the same octets.
std::string make_payload(payload_kind k, std::size_t size);
wire_batch make_wire_batch(payload_kind k, std::size_t payload_size);

// One batch cached at a time: the 16 MiB batches are large and each benchmark
// function may be entered several times (iteration estimate, repetitions).
const wire_batch& cached_batch(payload_kind k, std::size_t payload_size);

}  // namespace wsc::bench
