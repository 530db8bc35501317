// RFC 6455 §5.2 base framing, parsed incrementally. Header octets are buffered in
// the parser (at most 14), so input may be split anywhere; payload octets are
// handed back as they arrive, unmasked, without buffering. Every header check runs
// as soon as the octets it needs are in, so a bad frame fails at its first bad octet.
#include <algorithm>
#include <cstring>

#include "wsc/frame.hpp"
#include "wsc/opcode.hpp"
#include "wsc/utf8.hpp"

namespace wsc {

frame_parser::step frame_parser::fail(error e, std::size_t consumed) noexcept {
    error_ = e;
    phase_ = phase::failed;
    return {status::failed, consumed, nullptr, 0};
}

// Decidable once octets 0 (and 1, if head_len_ == 2) are in.
error frame_parser::validate_first_octets() const noexcept {
    const frame_header& h = header_;
    if (head_len_ == 1) {
        // §5.2: "If an unknown opcode is received, the receiving endpoint MUST
        // _Fail the WebSocket Connection_."
        if (cfg_.check_reserved_opcodes && is_reserved(h.opcode)) return error::reserved_opcode;
        // §5.2: "MUST be 0 unless an extension is negotiated that defines meanings
        // for non-zero values. If a nonzero value is received and none of the
        // negotiated extensions defines the meaning of such a nonzero value, the
        // receiving endpoint MUST _Fail the WebSocket Connection_."
        if ((h.rsv & ~cfg_.allowed_rsv) != 0) return error::reserved_bits_set;
        // §5.5: "Control frames themselves MUST NOT be fragmented."
        if (cfg_.check_control_frames && is_control(h.opcode) && !h.fin) return error::fragmented_control_frame;
        return error::none;
    }
    // §5.1: "The server MUST close the connection upon receiving a frame that is
    // not masked." / "A client MUST close a connection if it detects a masked frame."
    if (cfg_.masking == mask_rule::must_be_masked && !h.masked) return error::unmasked_client_frame;
    if (cfg_.masking == mask_rule::must_be_unmasked && h.masked) return error::masked_server_frame;
    return error::none;
}

error frame_parser::validate_header() const noexcept {
    const frame_header& h = header_;
    // §5.2: "the most significant bit MUST be 0" (64-bit length form).
    if (h.length >> 63) return error::length_msb_set;
    // §5.2: "the minimal number of bytes MUST be used to encode the length";
    // many endpoints tolerate longer forms, so this check is opt-in.
    if (cfg_.strict_lengths && !h.minimal_length) return error::non_minimal_length;
    // §5.5: "All control frames MUST have a payload length of 125 bytes or less."
    // Checked on the decoded value, so a 126-form length of 5 passes when lengths
    // are not strict.
    if (cfg_.check_control_frames && is_control(h.opcode) && h.length > 125) return error::control_frame_too_long;
    if (h.length > cfg_.max_frame_size) return error::frame_too_big;
    return error::none;
}

frame_parser::step frame_parser::next_into(const std::uint8_t* data, std::size_t n, std::uint8_t* out,
                                           utf8_validator* text) noexcept {
    switch (phase_) {
    case phase::failed:
        return {status::failed, 0, nullptr, 0};

    case phase::end:
        phase_ = phase::head;
        head_len_ = 0;
        head_need_ = 2;
        return {status::frame_end, 0, nullptr, 0};

    case phase::payload: {
        if (n == 0) return {status::need_more, 0, nullptr, 0};
        const std::size_t k = remaining_ < n ? static_cast<std::size_t>(remaining_) : n;
        if (text) {
            // One pass: unmask (or, unmasked, copy: XOR with a zero key) and validate.
            static constexpr mask_key no_mask{};
            const bool ok = (!header_.masked && out == data)
                                ? text->feed(out, k)
                                : text->feed_masked(out, data, k, header_.masked ? header_.key : no_mask, offset_);
            if (!ok) return fail(error::invalid_utf8, k);
        } else if (header_.masked) {
            copy_masked(out, data, k, header_.key, offset_);
        } else if (out != data) {
            std::memcpy(out, data, k);
        }
        offset_ += k;
        remaining_ -= k;
        if (remaining_ == 0) phase_ = phase::end;
        return {status::payload, k, out, k};
    }

    case phase::head:
        break;
    }

    std::size_t used = 0;
    if (head_len_ == 0) {
        if (n == 0) return {status::need_more, 0, nullptr, 0};
        header_ = frame_header{};
        head_[0] = data[used++];
        head_len_ = 1;
        header_.fin = (head_[0] & 0x80) != 0;
        header_.rsv = static_cast<std::uint8_t>((head_[0] >> 4) & 0x7);
        header_.opcode = static_cast<std::uint8_t>(head_[0] & 0x0F);
        if (error e = validate_first_octets(); e != error::none) return fail(e, used);
    }
    if (head_len_ == 1) {
        if (used == n) return {status::need_more, used, nullptr, 0};
        head_[1] = data[used++];
        head_len_ = 2;
        header_.masked = (head_[1] & 0x80) != 0;
        const std::uint8_t len7 = head_[1] & 0x7F;
        head_need_ = static_cast<std::uint8_t>(2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + (header_.masked ? 4 : 0));
        if (error e = validate_first_octets(); e != error::none) return fail(e, used);
    }
    if (head_len_ < head_need_) {
        const std::size_t take = std::min<std::size_t>(head_need_ - head_len_, n - used);
        std::memcpy(head_ + head_len_, data + used, take);
        head_len_ = static_cast<std::uint8_t>(head_len_ + take);
        used += take;
        if (head_len_ < head_need_) return {status::need_more, used, nullptr, 0};
    }

    // The whole header is in.
    const std::uint8_t len7 = head_[1] & 0x7F;
    std::size_t pos = 2;
    std::uint64_t length = len7;
    if (len7 == 126) {
        length = (std::uint64_t{head_[2]} << 8) | head_[3];
        header_.minimal_length = length >= 126;
        pos = 4;
    } else if (len7 == 127) {
        length = 0;
        for (int i = 0; i < 8; ++i) length = (length << 8) | head_[2 + i];
        header_.minimal_length = length > 0xFFFF;
        pos = 10;
    }
    header_.length = length;
    if (header_.masked) std::memcpy(header_.key.data(), head_ + pos, 4);
    header_.header_size = head_need_;
    if (error e = validate_header(); e != error::none) return fail(e, used);

    remaining_ = length;
    offset_ = 0;
    phase_ = length == 0 ? phase::end : phase::payload;
    return {status::header, used, nullptr, 0};
}

}  // namespace wsc
