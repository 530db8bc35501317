// The receive path: frames from the parser, assembled into messages (§5.4),
// checked as they arrive (UTF-8 §8.1, limits §7.4.1, RFC 7692 §6.1), and control
// frames answered (§5.5). Input is never buffered here: the parser keeps the few
// header octets of an incomplete frame, and payload octets go, unmasked, straight
// from the caller's buffer to where they belong (the message, the control payload,
// or the inflater's input), so each payload octet is copied once.
#include <algorithm>
#include <cstring>

#include "endpoint_impl.hpp"
#include "wsc/buffer.hpp"
#include "wsc/opcode.hpp"

namespace wsc {
namespace {

constexpr std::size_t piece_size = 16 * 1024;

}  // namespace

void endpoint::impl::parse_input(const std::uint8_t* data, std::size_t n) {
    std::size_t pos = 0;
    // fail() and a received close swap `input` away; stop at once when they do.
    while (input == &impl::parse_input) {
        std::size_t avail = n - pos;
        std::uint8_t* dst = nullptr;
        utf8_validator* text = nullptr;
        if (parser.in_payload()) {
            if (avail == 0) return;
            // Pieces of at most piece_size octets, so the destination stays in L1
            // between growing the message and unmasking into it.
            // Octets of this frame that are already here may be reserved for at
            // once (one allocation, no regrowth copies); a bare header may not.
            if (kind == frame_kind::data) {
                const std::uint64_t here = std::min<std::uint64_t>(avail, parser.payload_remaining());
                if (msg.size() + here > msg.capacity()) msg.reserve(msg.size() + static_cast<std::size_t>(here));
            }
            avail = std::min(avail, piece_size);
            dst = payload_target(static_cast<std::size_t>(std::min<std::uint64_t>(avail, parser.payload_remaining())));
            // Plain text is validated by the parser in the pass that unmasks it
            // (fails as error::invalid_utf8, §8.1); inflated text in on_payload.
            if (kind == frame_kind::data && !msg_binary && cfg.checks.utf8) text = &utf8;
        }
        const frame_parser::step s = parser.next_into(data + pos, avail, dst, text);
        pos += s.consumed;
        switch (s.what) {
        case frame_parser::status::need_more:
            return;
        case frame_parser::status::header:
            on_header();
            break;
        case frame_parser::status::payload:
            on_payload(s.data, s.size);
            break;
        case frame_parser::status::frame_end:
            on_frame_end();
            break;
        case frame_parser::status::failed:
            fail(parser.failure(), std::string(describe(parser.failure()).text));
            return;
        }
    }
}

std::uint8_t* endpoint::impl::payload_target(std::size_t k) {
    std::string* buf = &scratch;
    if (kind == frame_kind::data) buf = &msg;
    else if (kind == frame_kind::control) buf = &control;
    else scratch.clear();
    const std::size_t at = buf->size();
    // Growing uninitialised and unmasking into the gap measured faster in bench/ than
    // appending the masked octets and unmasking them in place.
    grow_uninitialized(*buf, at + k);
    return reinterpret_cast<std::uint8_t*>(buf->data() + at);
}

void endpoint::impl::start_message(bool binary, bool compressed) {
    in_message = true;
    msg_binary = binary;
    msg_compressed = compressed;
    msg.clear();
    utf8.reset();
}

void endpoint::impl::on_header() {
    const frame_header& h = parser.header();
    if (cfg.record_frames) frames.push_back(h);
    frame_fin = h.fin;
    const bool rsv1_set = cfg.deflate && (h.rsv & rsv1) != 0;

    if (is_control(h.opcode)) {
        // RFC 7692 §6.1: "An endpoint MUST NOT set the "Per-Message Compressed"
        // bit of control frames and non-first fragments of a data message."
        if (rsv1_set && cfg.checks.reserved_bits) return fail(error::compressed_control_frame, "RSV1 on a control frame");
        kind = frame_kind::control;
        control_op = h.opcode;
        control.clear();
        return;
    }
    if (is_reserved(h.opcode)) {  // only reaches here with checks.reserved_opcodes off
        kind = frame_kind::ignored;
        return;
    }

    if (h.opcode == static_cast<std::uint8_t>(opcode::continuation)) {
        if (!in_message) {
            // §5.4: continuation frames only follow a first fragment with FIN clear.
            if (cfg.checks.fragmentation)
                return fail(error::unexpected_continuation, "continuation frame without a message in progress");
            start_message(true, false);  // a lenient endpoint takes it as a binary message
        } else if (rsv1_set && cfg.checks.reserved_bits) {
            return fail(error::compressed_continuation, "RSV1 on a continuation frame");
        }
    } else {
        // §5.4: "The fragments of one message MUST NOT be interleaved between the
        // fragments of another message unless an extension has been negotiated".
        if (in_message && cfg.checks.fragmentation)
            return fail(error::expected_continuation, "new data frame while a fragmented message is in progress");
        start_message(h.opcode == static_cast<std::uint8_t>(opcode::binary), rsv1_set);
    }

    kind = msg_compressed ? frame_kind::compressed_data : frame_kind::data;
    if (!msg_compressed) {
        // The limit counts the whole message, across fragments; failing on the
        // header refuses the octets before they are stored.
        if (h.length > cfg.max_message_size - std::min<std::uint64_t>(msg.size(), cfg.max_message_size))
            return fail(error::message_too_big, "message exceeds max_message_size");
        // Reserve for the declared length, but never much ahead of the octets that
        // actually arrived: a header alone must not make us allocate megabytes.
        msg.reserve(msg.size() + static_cast<std::size_t>(std::min<std::uint64_t>(h.length, 1u << 20)));
    }
}

bool endpoint::impl::validate_text(const std::uint8_t* p, std::size_t k) {
    if (msg_binary || !cfg.checks.utf8) return true;
    // §8.1: "When an endpoint is to interpret a byte stream as UTF-8 but finds
    // that the byte stream is not, in fact, a valid UTF-8 stream, that endpoint
    // MUST _Fail the WebSocket Connection_." Checked per piece, so the connection
    // fails at the first impossible octet even in the middle of a frame.
    if (utf8.feed(p, k)) return true;
    fail(error::invalid_utf8, "text message is not valid UTF-8");
    return false;
}

void endpoint::impl::on_payload(const std::uint8_t* p, std::size_t k) {
    switch (kind) {
    case frame_kind::data:
        // Text was validated by the parser while it unmasked (parse_input).
        return;
    case frame_kind::compressed_data: {
        // RFC 7692 §7.2.2: inflate as the pieces come, bounded by max_message_size
        // (decompression_too_big), and validate the inflated text.
        const std::size_t at = msg.size();
        if (error e = inflater->feed(p, k, msg); e != error::none) return fail(e, "inflating the message failed");
        validate_text(reinterpret_cast<const std::uint8_t*>(msg.data()) + at, msg.size() - at);
        return;
    }
    case frame_kind::control:
    case frame_kind::ignored:
        return;
    }
}

void endpoint::impl::on_frame_end() {
    switch (kind) {
    case frame_kind::control:
        handle_control();
        return;
    case frame_kind::ignored:
        return;
    case frame_kind::data:
    case frame_kind::compressed_data:
        if (frame_fin) finish_message();
        return;
    }
}

void endpoint::impl::finish_message() {
    if (msg_compressed) {
        // RFC 7692 §7.2.2: append 00 00 ff ff and inflate the rest.
        const std::size_t at = msg.size();
        if (error e = inflater->finish(msg); e != error::none) return fail(e, "inflating the message tail failed");
        if (!validate_text(reinterpret_cast<const std::uint8_t*>(msg.data()) + at, msg.size() - at)) return;
    }
    // A text message that stops inside a multi-octet sequence is invalid too; that
    // can only be seen at its end.
    if (!msg_binary && cfg.checks.utf8 && !utf8.complete())
        return fail(error::invalid_utf8, "text message ends inside a UTF-8 sequence");
    in_message = false;
    events.push_back(message_event{msg_binary, std::move(msg)});
    msg = std::string();
}

void endpoint::impl::handle_control() {
    switch (control_op) {
    case 0x9:  // ping
        events.push_back(ping_event{control});
        // §5.5.2: "Upon receipt of a Ping frame, an endpoint MUST send a Pong frame
        // in response, unless it already received a Close frame." A received close
        // stops the input path, so only our own sent close is left to consider: a
        // pong is a control frame and still allowed then (§5.5.1 forbids data).
        if (cfg.auto_pong) write(0xA, true, 0, control);
        return;
    case 0xA:  // pong
        events.push_back(pong_event{control});
        return;
    case 0x8:
        handle_close();
        return;
    default:  // reserved control opcode with checks.reserved_opcodes off
        return;
    }
}

}  // namespace wsc
