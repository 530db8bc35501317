#include "wsc/random.hpp"

#include <openssl/rand.h>
#include <pthread.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace wsc {

random_source fixed_random(std::uint32_t value) {
    // The 4 octets of value, most significant first, repeated: fixed_random(0x37fa213d)
    // yields the RFC 6455 §5.7 example key 37 fa 21 3d.
    return [value](std::uint8_t* out, std::size_t n) {
        for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<std::uint8_t>(value >> (24 - 8 * (i % 4)));
    };
}

namespace {

// §5.3: the masking key MUST be unpredictable; a failing CSPRNG must not silently
// produce predictable keys, so stop here.
void csprng(std::uint8_t* out, std::size_t n) {
    if (n > 0 && RAND_bytes(out, static_cast<int>(n)) != 1) std::abort();
}

// A client masks every frame, and 9.3.1 alone sends 65 536 of them. One RAND_bytes
// call per 4-octet key cost more than the rest of the send path together (OpenSSL 3
// re-enters its DRBG each call), so keys come from a per-thread pool of CSPRNG output,
// refilled a page at a time. A forked child must not hand out its parent's unused
// octets, so fork bumps a generation that empties every pool.
std::atomic<unsigned> fork_generation{0};

struct pool {
    static constexpr std::size_t size = 4096;
    std::uint8_t bytes[size];
    std::size_t used = size;
    unsigned generation = 0;

    void take(std::uint8_t* out, std::size_t n) {
        const unsigned g = fork_generation.load(std::memory_order_relaxed);
        if (g != generation) {
            generation = g;
            used = size;
        }
        if (n > size / 4) return csprng(out, n);
        if (size - used < n) {
            csprng(bytes, size);
            used = 0;
        }
        std::memcpy(out, bytes + used, n);
        // Octets handed out are not kept around.
        std::memset(bytes + used, 0, n);
        used += n;
    }
};

}  // namespace

random_source system_random() {
    static std::once_flag at_fork;
    std::call_once(at_fork, [] {
        pthread_atfork(nullptr, nullptr, [] { fork_generation.fetch_add(1, std::memory_order_relaxed); });
    });
    return [](std::uint8_t* out, std::size_t n) {
        thread_local pool p;
        p.take(out, n);
    };
}

}  // namespace wsc
