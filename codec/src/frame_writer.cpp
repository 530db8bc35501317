// RFC 6455 §5.2 frame serialisation. Minimal length encodings unless a test forces
// a longer one; the header length may differ from the payload for streaming writes
// and for deliberately inconsistent frames.
#include <cstring>

#include "wsc/buffer.hpp"
#include "wsc/frame.hpp"

namespace wsc {
namespace {

// Octets of extended length: 0, 2 or 8. A forced form that cannot hold the value
// falls back to 8 octets rather than truncating the length.
std::size_t extended_octets(std::uint64_t length, std::uint8_t length_octets) noexcept {
    if (length_octets == 8) return 8;
    if (length_octets == 2) return length <= 0xFFFF ? 2 : 8;
    if (length < 126) return 0;
    return length <= 0xFFFF ? 2 : 8;
}

}  // namespace

std::size_t header_size_for(std::uint64_t length, bool masked, std::uint8_t length_octets) noexcept {
    return 2 + extended_octets(length, length_octets) + (masked ? 4 : 0);
}

void write_header(std::string& out, const frame_spec& spec, std::uint64_t length) {
    const std::uint64_t wire_length = spec.declared_length.value_or(length);
    const std::size_t ext = extended_octets(wire_length, spec.length_octets);
    std::uint8_t h[14];
    h[0] = static_cast<std::uint8_t>((spec.fin ? 0x80 : 0) | ((spec.rsv & 0x7) << 4) | (spec.opcode & 0x0F));
    const std::uint8_t mask_bit = spec.mask ? 0x80 : 0;
    std::size_t pos = 2;
    if (ext == 0) {
        h[1] = static_cast<std::uint8_t>(mask_bit | wire_length);
    } else if (ext == 2) {
        h[1] = mask_bit | 126;
        h[2] = static_cast<std::uint8_t>(wire_length >> 8);
        h[3] = static_cast<std::uint8_t>(wire_length);
        pos = 4;
    } else {
        h[1] = mask_bit | 127;
        for (int i = 0; i < 8; ++i) h[2 + i] = static_cast<std::uint8_t>(wire_length >> (56 - 8 * i));
        pos = 10;
    }
    if (spec.mask) {
        std::memcpy(h + pos, spec.mask->data(), 4);
        pos += 4;
    }
    out.append(reinterpret_cast<const char*>(h), pos);
}

void write_frame(std::string& out, const frame_spec& spec, std::string_view payload) {
    write_header(out, spec, payload.size());
    const std::size_t at = out.size();
    grow_uninitialized(out, at + payload.size());
    auto* dst = reinterpret_cast<std::uint8_t*>(out.data() + at);
    const auto* src = reinterpret_cast<const std::uint8_t*>(payload.data());
    // Masking and copying in one pass (§5.3).
    if (spec.mask) copy_masked(dst, src, payload.size(), *spec.mask);
    else if (!payload.empty()) std::memcpy(dst, src, payload.size());
}

std::string encode_frame(const frame_spec& spec, std::string_view payload) {
    std::string out;
    out.reserve(header_size_for(payload.size(), spec.mask.has_value(), spec.length_octets) + payload.size());
    write_frame(out, spec, payload);
    return out;
}

}  // namespace wsc
