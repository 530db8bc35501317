// What the fuzzer does with the peer's frames (catalogue.md §1.4): it checks them as
// a strict endpoint would, reassembles (and inflates) messages, answers pings without
// recording them, records pongs and messages, and fails the connection itself when the
// peer breaks the protocol. Its own parser state stays separate from what it sends, so
// raw illegal frames it writes never confuse its reading side.
#include <algorithm>

#include "session_impl.hpp"
#include "wsc/buffer.hpp"
#include "wsc/opcode.hpp"

namespace wsc::engine {

namespace {

// Recorded payloads are kept only as far as reports show them (64 octets and whether
// there are more); equality uses the event's SHA-1, so nothing large is retained.
constexpr std::size_t kept_payload = 4096;
constexpr std::size_t max_observed = 10000;
// A frame's payload is given room for its declared length up to this much when its
// header arrives, so a §9 frame of up to 16 MiB is read without regrowth copies; a
// longer declaration grows as octets really arrive.
constexpr std::uint64_t reserve_at_header = 16u << 20;

}  // namespace

void session::impl::frames_in(std::string_view bytes) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(bytes.data());
    std::size_t n = bytes.size();
    while (!discard_input && !tcp_gone) {
        std::uint8_t* out = nullptr;
        if (parser.in_payload()) {
            const auto take = static_cast<std::size_t>(std::min<std::uint64_t>(n, parser.payload_remaining()));
            const std::size_t old = rx_frame.size();
            grow_uninitialized(rx_frame, old + take);
            out = reinterpret_cast<std::uint8_t*>(rx_frame.data()) + old;
        }
        const auto st = parser.next_into(p, n, out);
        p += st.consumed;
        n -= st.consumed;
        switch (st.what) {
            case frame_parser::status::need_more: return;
            case frame_parser::status::header:
                rx_header = parser.header();
                rx_frame.clear();
                rx_frame.reserve(static_cast<std::size_t>(std::min(rx_header.length, reserve_at_header)));
                break;
            case frame_parser::status::payload: break;
            case frame_parser::status::frame_end: frame_done(); break;
            case frame_parser::status::failed: {
                // A framing error leaves no way to find the next frame: fail, then
                // ignore everything else the peer sends.
                const error e = parser.failure();
                const int code = close_code_for(e) ? close_code_for(e) : 1002;
                discard_input = true;
                fail_connection(code, std::string(describe(e).name));
                return;
            }
        }
    }
}

void session::impl::frame_done() {
    const frame_header h = rx_header;
    log_rx_frame(h, rx_frame);
    if (is_control(h.opcode)) {
        control_frame(h.opcode, rx_frame);
    } else {
        data_frame(h, rx_frame);
    }
    rx_frame.clear();
}

void session::impl::control_frame(std::uint8_t opcode, const std::string& payload) {
    switch (opcode) {
        case 0x8: peer_close(payload); break;
        case 0x9:
            // §5.5.2 answered at once and, as in Autobahn, not recorded.
            if (ws == ws_state::open) send_raw_frame(0xA, true, 0, payload, tf_of_bytes(payload));
            break;
        case 0xA:
            record(print_pong(payload), report::observed_event{"pong", payload.substr(0, kept_payload), false});
            auto_close_if_done();
            break;
        default: break;  // reserved control opcodes never pass the parser
    }
}

void session::impl::data_frame(const frame_header& h, std::string& payload) {
    // RFC 6455 §5.4: continuation frames only inside a message, data frames only outside.
    if (h.opcode == 0 && !in_message) return fail_connection(1002, "continuation frame outside a message");
    if (h.opcode != 0 && in_message) return fail_connection(1002, "data frame inside a fragmented message");
    if (h.opcode != 0) {
        in_message = true;
        message_binary = h.opcode == 0x2;
        message_compressed = deflate && (h.rsv & rsv1);
        rx_message.clear();
        rx_utf8.reset();
    } else if (h.rsv & rsv1) {
        // RFC 7692 §6.1: RSV1 only on the first frame of a message.
        return fail_connection(1002, "RSV1 set on a continuation frame");
    }

    const std::size_t before = rx_message.size();
    if (message_compressed) {
        if (inflater->feed(reinterpret_cast<const std::uint8_t*>(payload.data()), payload.size(), rx_message) !=
            error::none)
            return fail_connection(1007, "cannot inflate the message");
    } else {
        if (rx_message.size() + payload.size() > cfg.max_message_size)
            return fail_connection(1009, "message too big");
        if (rx_message.empty()) rx_message.swap(payload);
        else rx_message += payload;
    }
    if (h.fin && message_compressed && inflater->finish(rx_message) != error::none)
        return fail_connection(1007, "cannot inflate the message");
    // RFC 6455 §8.1: text must be UTF-8; checked as it arrives (fail-fast).
    if (!message_binary) {
        if (!rx_utf8.feed(std::string_view(rx_message).substr(before)) || (h.fin && !rx_utf8.complete()))
            return fail_connection(1007, "invalid UTF-8 in a text message");
    }
    if (!h.fin) return;
    in_message = false;
    std::string data;
    data.swap(rx_message);
    message_done(data, message_binary);
}

void session::impl::message_done(std::string& data, bool binary) {
    ++in_traffic.messages;
    in_traffic.app += data.size();
    if (tc.kind == catalogue::Kind::bulk_echo || tc.kind == catalogue::Kind::roundtrip) {
        if (bulk_message(data, binary)) return;
    } else if (tc.kind == catalogue::Kind::compression) {
        if (compression_message(data, binary)) return;
    }
    record(print_message(data, binary), report::observed_event{"message", data.substr(0, kept_payload), binary});
    auto_close_if_done();
}

void session::impl::record(event_print p, report::observed_event e) {
    if (observed.size() >= max_observed) {
        // A flood never matches an expected list; keep one marker so it cannot.
        if (observed_dropped++ == 0) {
            event_print marker;
            marker.kind = "overflow";
            observed.push_back(marker);
        }
        return;
    }
    observed.push_back(std::move(p));
    res.received.push_back(std::move(e));
}

void session::impl::auto_close_if_done() {
    // catalogue.md §1.3: once the observations equal every expected list, a case that
    // expects the fuzzer to close does so at once with the first allowed code.
    if (!tc.expected_close || !tc.expected_close->closed_by_me || ws != ws_state::open) return;
    if (!matches_all(expected_prints, observed)) return;
    const auto& codes = tc.expected_close->codes;
    send_close(codes.empty() ? 1000 : codes.front(), {}, false);
}

}  // namespace wsc::engine
