// message_assemble: a wsc::endpoint (server or client) fed peer bytes in pieces,
// with its configuration from the prefix. Beyond "does not crash" it checks the
// endpoint's contract:
//  - no event follows a failure_event, and there is at most one failure_event;
//  - a failure's error is a listed receive-path enumerator, and when no close was
//    sent before, the close frame written carries describe(err).close_code;
//  - delivered messages respect max_message_size and, with UTF-8 checks on, text
//    is valid UTF-8; control payloads are at most 125 octets with the checks on;
//  - the bytes written parse as valid frames masked the right way (§5.1), at most
//    one close frame and no data frame after it (§5.5.1); one pong per ping event
//    when auto_pong is on (§5.5.2), echoing the ping's payload;
//  - a peer endpoint of the other role reading those bytes never fails and sees
//    the messages the harness sent, and the close code we sent;
//  - once eof_to_send() is set, nothing more is written.
//
// Prefix: [0] role and option bits, [1] check-disable bits, [2] deflate params,
// [3] message size limit, [4] what we send first, [5] chunk mode, [6] chunk seed.
#include <optional>

#include "common/fuzz_support.hpp"
#include "wsc/close_code.hpp"
#include "wsc/endpoint.hpp"
#include "wsc/opcode.hpp"

namespace {

using namespace wsc;
using wsc_fuzz::hex;

// Errors the receive path of an endpoint may report.
bool receive_error(error e) {
    switch (e) {
    case error::reserved_opcode: case error::reserved_bits_set: case error::unmasked_client_frame:
    case error::masked_server_frame: case error::length_msb_set: case error::non_minimal_length:
    case error::frame_too_big: case error::control_frame_too_long: case error::fragmented_control_frame:
    case error::unexpected_continuation: case error::expected_continuation: case error::message_too_big:
    case error::invalid_utf8: case error::invalid_close_reason: case error::close_payload_one_byte:
    case error::invalid_close_code: case error::compressed_control_frame: case error::compressed_continuation:
    case error::inflate_failed: case error::decompression_too_big: case error::unexpected_eof:
        return true;
    default:
        return false;
    }
}

struct written_frame {
    frame_header h;
    std::string payload;
};

// Splits our output into frames with a parser as strict as the peer must be.
WSC_FUZZ_NO_COVERAGE std::vector<written_frame> parse_output(const std::string& out, role side, bool deflate, bool control_checks) {
    frame_parser_config pc;
    // With control-frame checks off the endpoint echoes over-long pings in its
    // pongs: a deliberately broken endpoint, so its pongs are not judged here.
    pc.check_control_frames = control_checks;
    pc.masking = side == role::client ? mask_rule::must_be_masked : mask_rule::must_be_unmasked;
    pc.allowed_rsv = deflate ? rsv1 : 0;
    pc.strict_lengths = true;
    frame_parser p(pc);
    std::vector<std::uint8_t> buf(out.begin(), out.end());
    std::vector<written_frame> frames;
    std::size_t pos = 0;
    for (;;) {
        const auto s = p.next(buf.data() + pos, buf.size() - pos);
        pos += s.consumed;
        if (s.what == frame_parser::status::need_more) break;
        FUZZ_CHECK(s.what != frame_parser::status::failed, "our output is not valid framing (%s): %s",
                   name_of(p.failure()).data(), hex(out).c_str());
        if (s.what == frame_parser::status::header) frames.push_back({p.header(), {}});
        if (s.what == frame_parser::status::payload)
            frames.back().payload.append(reinterpret_cast<const char*>(s.data), s.size);
    }
    FUZZ_CHECK(pos == buf.size() && !p.in_payload() && (frames.empty() || frames.back().payload.size() == frames.back().h.length),
               "our output ends inside a frame");
    return frames;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    wsc_fuzz::config_reader cr(data, size);
    const std::uint8_t opts = cr.byte(), off = cr.byte(), dfl = cr.byte(), lim = cr.byte(), send = cr.byte();
    const std::uint8_t mode = cr.byte(), seed = cr.byte();

    endpoint_config cfg;
    cfg.side = cr.bit(opts, 0) ? role::client : role::server;
    cfg.random = fixed_random(0x01020304u + opts);
    cfg.strict_lengths = cr.bit(opts, 1);
    cfg.auto_pong = !cr.bit(opts, 2);
    cfg.record_frames = cr.bit(opts, 3);
    const bool eof_at_end = cr.bit(opts, 4);
    // Checks stay on unless bit 7 of `off` asks to switch some off.
    if (off & 0x80) {
        cfg.checks.utf8 = !(off & 1);
        cfg.checks.masking = !(off & 2);
        cfg.checks.reserved_bits = !(off & 4);
        cfg.checks.reserved_opcodes = !(off & 8);
        cfg.checks.close_codes = !(off & 16);
        cfg.checks.control_frames = !(off & 32);
        cfg.checks.fragmentation = !(off & 64);
    }
    if (dfl & 0x80) {
        deflate_params p;
        p.server_no_context_takeover = dfl & 1;
        p.client_no_context_takeover = dfl & 2;
        p.server_max_window_bits = static_cast<std::uint8_t>(8 + ((dfl >> 2) & 7));
        p.client_max_window_bits = static_cast<std::uint8_t>(8 + ((dfl >> 4) & 7));
        cfg.deflate = p;
    }
    if (lim & 0x80) {
        cfg.max_message_size = lim & 0x7F ? static_cast<std::uint64_t>(lim & 0x7F) * 37 : 0;
        if (lim & 0x40) cfg.max_frame_size = (lim & 0x3F) * 11;
    }

    endpoint ep(cfg);
    endpoint_config peer_cfg;
    peer_cfg.side = cfg.side == role::server ? role::client : role::server;
    peer_cfg.random = fixed_random(7);
    peer_cfg.deflate = cfg.deflate;
    peer_cfg.auto_pong = false;
    // With checks off the endpoint is deliberately broken and echoes what it let
    // through: over-long pings in its pongs (see parse_output) and close codes
    // such as 0 or 1005 in its closing reply. The peer reads those as such.
    peer_cfg.checks.control_frames = cfg.checks.control_frames;
    peer_cfg.checks.close_codes = cfg.checks.close_codes;
    endpoint peer(peer_cfg);

    std::vector<event> seen;
    std::vector<std::string> sent_messages;
    std::string output;
    bool close_sent_by_us = false, eof_seen = false;
    int failures = 0;
    std::optional<error> failure;
    bool close_sent_before_failure = false;

    auto collect = [&] {
        std::string o = ep.take_output();
        if (eof_seen) FUZZ_CHECK(o.empty(), "%zu octets written after eof_to_send", o.size());
        output += o;
        if (ep.eof_to_send()) eof_seen = true;
        for (auto& e : ep.take_events()) {
            FUZZ_CHECK(failures == 0, "event after a failure_event");
            if (auto* f = std::get_if<failure_event>(&e)) {
                ++failures;
                failure = f->err;
                close_sent_before_failure = close_sent_by_us || ep.close_received().has_value();
                FUZZ_CHECK(receive_error(f->err), "unlisted failure %s", name_of(f->err).data());
                FUZZ_CHECK(ep.failure() == f->err, "failure() differs from the event");
                if (f->err == error::unexpected_eof) FUZZ_CHECK(eof_at_end, "unexpected_eof without an EOF");
            } else if (auto* m = std::get_if<message_event>(&e)) {
                FUZZ_CHECK(m->data.size() <= cfg.max_message_size, "message of %zu octets over the limit", m->data.size());
                if (!m->binary && cfg.checks.utf8) FUZZ_CHECK(is_valid_utf8(m->data), "invalid UTF-8 text delivered");
            } else if (auto* p = std::get_if<ping_event>(&e)) {
                if (cfg.checks.control_frames) FUZZ_CHECK(p->payload.size() <= 125, "long ping delivered");
            } else if (auto* c = std::get_if<close_event>(&e)) {
                if (cfg.checks.close_codes && c->code) FUZZ_CHECK(is_valid_close_code(*c->code), "bad close code delivered");
                if (cfg.checks.utf8) FUZZ_CHECK(is_valid_utf8(c->reason), "bad close reason delivered");
            }
            seen.push_back(std::move(e));
        }
    };

    // What we send before reading, so the send path and "data after close" run too.
    if (send & 1) {
        std::string text = "héllo " + std::to_string(send);
        if (ep.send_text(text) == error::none) sent_messages.push_back(text);
    }
    if (send & 2) ep.send_ping("p");
    if (send & 4) {
        if (ep.send_binary(std::string(send, 'b'), false) == error::none &&
            ep.send_continuation("end", true) == error::none)
            sent_messages.push_back(std::string(send, 'b') + "end");
    }
    if (send & 8) {
        FUZZ_CHECK(ep.send_close(1000, "bye") == error::none, "send_close refused on an open endpoint");
        close_sent_by_us = true;
        FUZZ_CHECK(ep.send_text("late") == error::data_after_close, "data accepted after close");
    }
    collect();

    wsc_fuzz::chunker chunks(mode, seed);
    const auto in = wsc_fuzz::body_of(data, size);
    wsc_fuzz::for_each_chunk(in.body, in.body_size, chunks, [&](const wsc_fuzz::piece_view& piece) {
        ep.receive_data(wsc_fuzz::as_sv(piece));
        collect();
    });
    if (eof_at_end) {
        ep.receive_eof();
        collect();
        FUZZ_CHECK(ep.eof_to_send() && ep.state() == conn_state::closed, "EOF did not close the endpoint");
    }

    // The output, frame by frame.
    const auto frames = parse_output(output, cfg.side, cfg.deflate.has_value(), cfg.checks.control_frames);
    int closes = 0, pongs = 0;
    std::optional<std::uint16_t> written_close_code;
    bool written_close_has_code = false;
    for (const auto& f : frames) {
        if (closes) FUZZ_CHECK(is_control(f.h.opcode), "data frame after our close frame");
        if (f.h.opcode == 0x8) {
            ++closes;
            if (f.payload.size() >= 2) {
                written_close_has_code = true;
                written_close_code = static_cast<std::uint16_t>(std::uint8_t(f.payload[0]) << 8 | std::uint8_t(f.payload[1]));
            }
        }
        if (f.h.opcode == 0xA) ++pongs;
    }
    FUZZ_CHECK(closes <= 1, "%d close frames written", closes);
    int pings = 0;
    for (const auto& e : seen) pings += std::holds_alternative<ping_event>(e);
    if (cfg.auto_pong) FUZZ_CHECK(pongs == pings, "%d pongs for %d pings", pongs, pings);
    else FUZZ_CHECK(pongs == 0, "pong written with auto_pong off");

    if (failure && *failure != error::unexpected_eof && !close_sent_before_failure) {
        const std::uint16_t code = describe(*failure).close_code;
        if (code != 0) {
            FUZZ_CHECK(closes == 1 && written_close_has_code && *written_close_code == code,
                       "failure %s: close frame with code %u expected", name_of(*failure).data(), code);
        }
    }

    // A peer reading our output: valid frames, valid messages, no failure.
    peer.receive_data(output);
    std::size_t next_message = 0;
    for (auto& e : peer.take_events()) {
        FUZZ_CHECK(!std::holds_alternative<failure_event>(e), "peer failed on our output: %s (%s)",
                   name_of(std::get<failure_event>(e).err).data(), std::get<failure_event>(e).detail.c_str());
        if (auto* m = std::get_if<message_event>(&e)) {
            FUZZ_CHECK(next_message < sent_messages.size() && m->data == sent_messages[next_message],
                       "peer got a message we did not send");
            ++next_message;
        }
        if (auto* c = std::get_if<close_event>(&e)) {
            if (written_close_has_code) FUZZ_CHECK(c->code == written_close_code, "peer read another close code");
        }
    }
    FUZZ_CHECK(next_message == sent_messages.size(), "peer saw %zu of %zu messages", next_message, sent_messages.size());
    return 0;
}
