// message_assemble: a wsc::endpoint (server or client) fed peer bytes in pieces,
// with its configuration from the prefix. Beyond "does not crash" it checks the
// endpoint's contract:
//  - no event follows a failure_event, and there is at most one failure_event;
//  - a failure's error is a listed receive-path enumerator, and when no close was
//    sent before, the last frame written is a close carrying the code RFC 6455
//    §7.4.1 gives that error (a table in this file, checked against describe());
//  - the peer's close is the last event and is answered with a close echoing its
//    code (§5.5.1) unless we had sent one; after that close, or after failing,
//    nothing more is written;
//  - delivered close codes are ones §7.4 allows (a table in this file);
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
#include <stdexcept>

#include "common/fuzz_support.hpp"
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

// The close code each receive error documents, written from RFC 6455 §7.4.1
// here rather than read from describe(), so a wrong row in error.cpp shows:
// 1009 "a message that is too big for it to process", 1007 "data within a
// message that was not consistent with the type of the message (e.g., non-UTF-8
// [RFC3629] data within a text message)", 1002 "a protocol error" for the rest,
// and none for a TCP close (1006 is never sent, §7.4.1).
std::uint16_t documented_close_code(error e) {
    switch (e) {
    case error::frame_too_big: case error::message_too_big: case error::decompression_too_big: return 1009;
    case error::invalid_utf8: case error::invalid_close_reason: return 1007;
    case error::unexpected_eof: return 0;
    default: return 1002;
    }
}

// Close codes a peer may send, from RFC 6455 §7.4.1/§7.4.2 (independent of
// close_code.cpp): 1000-1003, 1007-1011 and the IANA registrations after the RFC
// (1012-1014), 3000-4999; never 0-999, 1004-1006, 1015-2999 or 5000 and above.
bool rfc_close_code(std::uint32_t c) {
    return (c >= 1000 && c <= 1003) || (c >= 1007 && c <= 1014) || (c >= 3000 && c <= 4999);
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
    // Bit 5: the client's mask keys from the CSPRNG pool runners use; the checks
    // below never depend on the key values.
    cfg.random = cr.bit(opts, 5) ? system_random() : fixed_random(0x01020304u + opts);
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

    // A client with no mask-key source cannot send a valid frame (§5.3).
    if (cfg.side == role::client && (opts & 0xC0) == 0xC0) {
        endpoint_config bad = cfg;
        bad.random = nullptr;
        bool refused = false;
        try {
            endpoint e(bad);
        } catch (const std::invalid_argument&) {
            refused = true;
        }
        FUZZ_CHECK(refused, "a client endpoint without a random source was built");
    }
    endpoint built(cfg);
    endpoint ep(std::move(built));  // endpoints move (runners keep them in containers)
    {
        endpoint other{endpoint_config{}};
        other = std::move(ep);
        ep = std::move(other);
    }
    FUZZ_CHECK(ep.config().side == cfg.side && ep.config().max_message_size == cfg.max_message_size,
               "config() after moves differs");
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
    std::optional<close_event> close_in;  // the peer's close, as delivered
    bool close_sent_before_close_in = false;
    // Output size when the connection ended for us (our failure or the peer's
    // close): the close frame written then is the last thing we ever write.
    std::optional<std::size_t> ended_at;

    auto collect = [&] {
        std::string o = ep.take_output();
        if (eof_seen) FUZZ_CHECK(o.empty(), "%zu octets written after eof_to_send", o.size());
        if (ended_at) FUZZ_CHECK(o.empty(), "%zu octets written after the connection ended", o.size());
        output += o;
        if (ep.eof_to_send()) eof_seen = true;
        bool ended = false;
        for (auto& e : ep.take_events()) {
            FUZZ_CHECK(failures == 0, "event after a failure_event");
            FUZZ_CHECK(!close_in, "event after the peer's close (its last frame, §5.5.1)");
            if (auto* f = std::get_if<failure_event>(&e)) {
                ++failures;
                failure = f->err;
                ended = true;
                close_sent_before_failure = close_sent_by_us || ep.close_received().has_value();
                FUZZ_CHECK(receive_error(f->err), "unlisted failure %s", name_of(f->err).data());
                FUZZ_CHECK(ep.failure() == f->err, "failure() differs from the event");
                error back = error::none;
                FUZZ_CHECK(error_from_name(name_of(f->err), back) && back == f->err, "name %s does not map back",
                           name_of(f->err).data());
                FUZZ_CHECK(!error_from_name(std::string(name_of(f->err)) + "_", back), "a name that is no enumerator maps");
                FUZZ_CHECK(close_code_for(f->err) == documented_close_code(f->err),
                           "error.cpp gives %s close code %u, RFC 6455 §7.4.1 says %u", name_of(f->err).data(),
                           describe(f->err).close_code, documented_close_code(f->err));
                if (f->err == error::unexpected_eof) FUZZ_CHECK(eof_at_end, "unexpected_eof without an EOF");
            } else if (auto* m = std::get_if<message_event>(&e)) {
                FUZZ_CHECK(m->data.size() <= cfg.max_message_size, "message of %zu octets over the limit", m->data.size());
                if (!m->binary && cfg.checks.utf8) FUZZ_CHECK(is_valid_utf8(m->data), "invalid UTF-8 text delivered");
            } else if (auto* p = std::get_if<ping_event>(&e)) {
                if (cfg.checks.control_frames) FUZZ_CHECK(p->payload.size() <= 125, "long ping delivered");
            } else if (auto* c = std::get_if<close_event>(&e)) {
                if (cfg.checks.close_codes && c->code)
                    FUZZ_CHECK(rfc_close_code(*c->code), "close code %u delivered (§7.4)", *c->code);
                if (cfg.checks.utf8) FUZZ_CHECK(is_valid_utf8(c->reason), "bad close reason delivered");
                close_sent_before_close_in = close_sent_by_us;
                close_in = *c;
                ended = true;
            }
            seen.push_back(std::move(e));
        }
        if (ended && !ended_at) ended_at = output.size();
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
    int unsolicited_pongs = 0;
    if (send & 16) unsolicited_pongs += ep.send_pong("u") == error::none;  // §5.5.3 allows it
    // The application fails the connection itself (§7.1.7), before reading.
    if ((send & 0x60) == 0x60) ep.fail(send & 0x80 ? error::invalid_utf8 : error::message_too_big, "by the application");
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
    const bool last_is_close = !frames.empty() && frames.back().h.opcode == 0x8;
    int pings = 0;
    for (const auto& e : seen) pings += std::holds_alternative<ping_event>(e);
    if (cfg.auto_pong) FUZZ_CHECK(pongs == pings + unsolicited_pongs, "%d pongs for %d pings", pongs, pings);
    else FUZZ_CHECK(pongs == unsolicited_pongs, "pong written with auto_pong off");

    // §7.1.7: failing sends a close with the code the error documents (§7.4.1),
    // and after it nothing at all.
    if (failure && *failure != error::unexpected_eof && !close_sent_before_failure) {
        const std::uint16_t code = documented_close_code(*failure);
        FUZZ_CHECK(closes == 1 && written_close_has_code && *written_close_code == code && last_is_close,
                   "failure %s: the last frame must be a close with code %u (got %d closes, code %d, last %s)",
                   name_of(*failure).data(), code, closes, written_close_has_code ? int(*written_close_code) : -1,
                   last_is_close ? "close" : "other");
    }
    // §5.5.1: "If an endpoint receives a Close frame and did not previously send a
    // Close frame, the endpoint MUST send a Close frame in response"; the codec
    // echoes the code (an empty close gets an empty one), and that close is last.
    if (close_in && !close_sent_before_close_in) {
        FUZZ_CHECK(closes == 1 && last_is_close, "the peer's close was not answered with a close frame");
        FUZZ_CHECK(written_close_has_code == close_in->code.has_value() &&
                       (!close_in->code || *written_close_code == *close_in->code),
                   "close code %d answered with %d", close_in->code ? int(*close_in->code) : -1,
                   written_close_has_code ? int(*written_close_code) : -1);
    }
    if (ended_at) FUZZ_CHECK(*ended_at == output.size(), "output after the connection ended");
    // A client whose connection ended, by failing or by the closing handshake,
    // waits for the server to close TCP (§7.1.1); nobody waits once TCP is gone.
    FUZZ_CHECK(ep.close_expected() == (cfg.side == role::client && !eof_at_end &&
                                       ((failure && *failure != error::unexpected_eof) || (close_in && closes == 1))),
               "close_expected() is %d", ep.close_expected());
    FUZZ_CHECK(ep.close_sent().has_value() == (closes == 1), "close_sent() disagrees with the output");
    // Close frames went both ways, and for a client TCP went down after them.
    FUZZ_CHECK(ep.closing_handshake_complete() ==
                   (close_in.has_value() && closes == 1 && (cfg.side == role::server || eof_at_end)),
               "closing_handshake_complete() is %d", ep.closing_handshake_complete());
    // Every delivered event came from at least one recorded frame.
    if (cfg.record_frames) FUZZ_CHECK(ep.received_frames().size() >= seen.size() - failures, "frames not recorded");
    else FUZZ_CHECK(ep.received_frames().empty(), "frames recorded with record_frames off");

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
