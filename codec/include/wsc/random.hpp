// The codec never draws randomness itself (masking keys, handshake nonces): the
// caller injects it, so tests and fuzzers get reproducible bytes (RFC 6455 §5.3
// requires unpredictable masks on the wire; runners inject a CSPRNG).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>

namespace wsc {

using random_source = std::function<void(std::uint8_t* out, std::size_t n)>;

// Fills with a fixed byte pattern; for golden tests only.
random_source fixed_random(std::uint32_t value);
// OpenSSL RAND_bytes, drawn a page at a time into a per-thread pool; for runners.
random_source system_random();

}  // namespace wsc
