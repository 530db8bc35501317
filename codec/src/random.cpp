#include "wsc/random.hpp"

#include <openssl/rand.h>

#include <cstdlib>

namespace wsc {

random_source fixed_random(std::uint32_t value) {
    // The 4 octets of value, most significant first, repeated: fixed_random(0x37fa213d)
    // yields the RFC 6455 §5.7 example key 37 fa 21 3d.
    return [value](std::uint8_t* out, std::size_t n) {
        for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<std::uint8_t>(value >> (24 - 8 * (i % 4)));
    };
}

random_source system_random() {
    return [](std::uint8_t* out, std::size_t n) {
        // §5.3: the masking key MUST be unpredictable; a failing CSPRNG must not
        // silently produce predictable keys, so stop here.
        if (n > 0 && RAND_bytes(out, static_cast<int>(n)) != 1) std::abort();
    };
}

}  // namespace wsc
