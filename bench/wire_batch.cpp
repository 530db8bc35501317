#include "wire_batch.hpp"

#include <algorithm>
#include <memory>

namespace wsc::bench {
namespace {

// A small fixed-seed generator (xorshift64*): reproducible across runs and
// platforms, unlike std::default_random_engine's distributions.
struct rng {
    std::uint64_t s = 0x9E3779B97F4A7C15ull;
    std::uint64_t next() noexcept {
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        return s * 0x2545F4914F6CDD1Dull;
    }
};

void append_code_point(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Our own header writer rather than wsc::encode_frame: the input must not depend
// on the code under test.
void append_masked_frame(std::string& out, std::uint8_t opcode, std::string_view payload, std::uint32_t key) {
    const std::uint64_t n = payload.size();
    out += static_cast<char>(0x80 | opcode);  // FIN, no RSV
    if (n < 126) {
        out += static_cast<char>(0x80 | n);
    } else if (n <= 0xFFFF) {
        out += static_cast<char>(0x80 | 126);
        out += static_cast<char>(n >> 8);
        out += static_cast<char>(n & 0xFF);
    } else {
        out += static_cast<char>(0x80 | 127);
        for (int shift = 56; shift >= 0; shift -= 8) out += static_cast<char>((n >> shift) & 0xFF);
    }
    const std::uint8_t k[4] = {static_cast<std::uint8_t>(key >> 24), static_cast<std::uint8_t>(key >> 16),
                               static_cast<std::uint8_t>(key >> 8), static_cast<std::uint8_t>(key)};
    out.append(reinterpret_cast<const char*>(k), 4);
    const std::size_t at = out.size();
    out.resize(at + payload.size());
    for (std::size_t i = 0; i < payload.size(); ++i)
        out[at + i] = static_cast<char>(static_cast<std::uint8_t>(payload[i]) ^ k[i & 3]);
}

}  // namespace

std::string_view kind_name(payload_kind k) noexcept {
    switch (k) {
    case payload_kind::binary: return "binary";
    case payload_kind::text_ascii: return "text";
    case payload_kind::text_utf8: return "text_utf8";
    }
    return "?";
}

std::string make_payload(payload_kind k, std::size_t size) {
    rng r;
    std::string p;
    p.reserve(size);
    switch (k) {
    case payload_kind::binary:
        while (p.size() < size) p += static_cast<char>(r.next() >> 56);
        break;
    case payload_kind::text_ascii:
        while (p.size() < size) p += static_cast<char>(0x20 + (r.next() >> 33) % 95);
        break;
    case payload_kind::text_utf8: {
        // One code point in four of each encoded length; samples avoid the
        // surrogate range. Whatever does not fit at the end is padded with ASCII.
        static constexpr std::uint32_t base[4] = {0x41, 0xE0, 0x4E00, 0x1F600};
        static constexpr std::uint32_t span[4] = {26, 0x100, 0x1000, 0x50};
        for (;;) {
            const std::uint64_t x = r.next();
            const unsigned len = static_cast<unsigned>(x >> 62);  // 0..3 -> 1..4 octets
            if (p.size() + len + 1 > size) break;
            append_code_point(p, base[len] + static_cast<std::uint32_t>((x >> 20) % span[len]));
        }
        p.append(size - p.size(), 'x');
        break;
    }
    }
    return p;
}

wire_batch make_wire_batch(payload_kind k, std::size_t payload_size) {
    wire_batch b;
    b.kind = k;
    b.payload_size = payload_size;
    b.copies = std::max<std::size_t>(1, batch_payload_target / std::max<std::size_t>(1, payload_size));
    b.payload = make_payload(k, payload_size);
    b.wire.reserve(b.copies * (payload_size + 14));
    rng keys;
    keys.s ^= payload_size;
    const std::uint8_t op = is_text(k) ? 0x1 : 0x2;
    for (std::size_t i = 0; i < b.copies; ++i)
        append_masked_frame(b.wire, op, b.payload, static_cast<std::uint32_t>(keys.next() >> 32));
    return b;
}

const wire_batch& cached_batch(payload_kind k, std::size_t payload_size) {
    static std::unique_ptr<wire_batch> cache;
    if (!cache || cache->kind != k || cache->payload_size != payload_size) {
        cache.reset();  // free the old one first: two 16 MiB batches need not coexist
        cache = std::make_unique<wire_batch>(make_wire_batch(k, payload_size));
    }
    return *cache;
}

}  // namespace wsc::bench
