// The fuzzer's closing behaviour (catalogue.md §1.4, autobahn 0.10.9 with
// failByDrop=false): starting and answering closing handshakes, failing the
// connection, and dropping TCP, with the close facts the verdict reads.
#include "session_impl.hpp"
#include "wsc/close_code.hpp"
#include "wsc/report/display.hpp"

namespace wsc::engine {

namespace {

// Reasons are text on the wire; one that is not UTF-8 (7.5.1) is reported as hex.
std::string reason_for_report(std::string_view reason) {
    return report::valid_utf8(reason) ? std::string(reason) : report::to_hex(reason);
}

}  // namespace

void session::impl::send_close(std::optional<int> code, std::string_view reason, bool is_reply) {
    std::string body;
    if (code) {
        body += static_cast<char>((*code >> 8) & 0xFF);
        body += static_cast<char>(*code & 0xFF);
        body += reason;
    }
    send_close_body(body, is_reply);
}

void session::impl::send_close_body(std::string_view body, bool is_reply) {
    // Autobahn ignores a close request unless the connection is OPEN: one close frame
    // per connection from the fuzzer's own state (raw close frames bypass this).
    if (ws != ws_state::open || close_tcp || tcp_gone) return;
    send_raw_frame(8, true, 0, body, tf_of_bytes(body));
    ws = ws_state::closing;
    res.close.closed_by_me = !is_reply;
    if (body.size() >= 2) {
        res.close.local_close_code = (static_cast<unsigned char>(body[0]) << 8) | static_cast<unsigned char>(body[1]);
        if (body.size() > 2) res.close.local_close_reason = reason_for_report(body.substr(2));
    }
    // §1.4 closeHandshakeTimeout: our close must be answered in time.
    if (!is_reply) arm(cfg.limits.close_handshake_s, timer_kind::close_handshake);
}

void session::impl::fail_connection(int code, std::string_view reason) {
    if (ws == ws_state::closed || close_tcp || tcp_gone) return;
    res.close.failed_by_me = true;
    // RFC 6455 §7.1.7: send a close frame if none was sent yet; otherwise the only way
    // left to fail is to drop TCP.
    if (ws == ws_state::open) {
        // A close reason is at most 123 octets (§5.5: control payloads <= 125).
        send_close(code, reason.substr(0, 123), false);
    } else {
        drop_tcp();
    }
}

void session::impl::drop_tcp() {
    if (close_tcp || tcp_gone) return;
    res.close.dropped_by_me = true;
    close_tcp = true;
    ws = ws_state::closed;
    timers.clear();
}

void session::impl::peer_close(std::string_view body) {
    // The peer's code and reason are reported as received, before they are judged.
    std::optional<int> code;
    if (body.size() >= 2) {
        code = (static_cast<unsigned char>(body[0]) << 8) | static_cast<unsigned char>(body[1]);
        res.close.remote_close_code = code;
        if (body.size() > 2) res.close.remote_close_reason = reason_for_report(body.substr(2));
    }
    // RFC 6455 §5.5.1: a close body, if present, starts with a 2-byte status code.
    if (body.size() == 1) return fail_connection(1002, "close frame with a 1-octet payload");
    // §7.4: codes that must not appear on the wire are a protocol error.
    if (code && !is_valid_close_code(static_cast<std::uint32_t>(*code)))
        return fail_connection(1002, "invalid close code " + std::to_string(*code));
    // §5.5.1: "the data ... MUST be UTF-8-encoded"; invalid data is answered with 1007.
    if (body.size() > 2 && !report::valid_utf8(body.substr(2)))
        return fail_connection(1007, "invalid close reason (not UTF-8)");

    received_close = true;
    discard_input = true;  // nothing after the peer's close frame matters
    if (ws == ws_state::open) {
        // The peer started the closing handshake: answer 1000 (not an echo of its code).
        send_close(1000, {}, true);
    } else if (ws != ws_state::closing) {
        return;
    }
    cancel(timer_kind::close_handshake);
    res.close.was_clean = true;
    // §7.1.1: the server closes TCP first; a client gives it serverConnectionDropTimeout.
    if (!fuzzer_is_client) {
        drop_tcp();
    } else {
        arm(cfg.limits.server_connection_drop_s, timer_kind::server_drop);
    }
}

}  // namespace wsc::engine
