// Closing (§5.5.1, §7.1): the closing handshake, failing the connection, and EOF.
// Both a received close and a failure end the input path by swapping it to
// discard_input (see endpoint_impl.hpp); who closes TCP is an output flag.
#include "endpoint_impl.hpp"
#include "wsc/close_code.hpp"

namespace wsc {

error endpoint::send_close(std::optional<std::uint16_t> code, std::string_view reason) {
    impl& m = *impl_;
    if (m.close_sent || m.state == conn_state::closed) return error::data_after_close;
    // The reference endpoint only sends closes the RFC allows; tests that need a
    // malformed close write it with frame_writer.
    if (!code && !reason.empty()) return error::invalid_close_reason;  // a reason needs a code before it
    if (code && !is_valid_close_code(*code)) return error::invalid_close_code;
    if (reason.size() > 123) return error::control_frame_too_long;
    if (!is_valid_utf8(reason)) return error::invalid_close_reason;
    m.send_close_frame(code, reason);
    return error::none;
}

void endpoint::impl::send_close_frame(std::optional<std::uint16_t> code, std::string_view reason) {
    std::string body;
    if (code) {
        body.push_back(static_cast<char>(*code >> 8));
        body.push_back(static_cast<char>(*code & 0xFF));
        body.append(reason);
    }
    write(0x8, true, 0, body);
    close_sent = close_event{code, std::string(reason)};
    state = conn_state::closing;
    after_close_exchange();
}

void endpoint::impl::after_close_exchange() {
    if (!close_sent || !close_received) return;
    state = conn_state::closed;
    // §7.1.1: "the underlying TCP connection, in most normal cases, SHOULD be closed
    // first by the server"; the client waits for it (and arms a timer).
    if (cfg.side == role::server) eof_to_send = true;
    else close_expected = true;
}

void endpoint::impl::handle_close() {
    close_event ev;
    if (control.size() == 1) {
        // §5.5.1: "If there is a body, the first two bytes of the body MUST be a
        // 2-byte unsigned integer ... representing a status code".
        if (cfg.checks.close_codes) return fail(error::close_payload_one_byte, "close body of one octet");
    } else if (control.size() >= 2) {
        const auto code = static_cast<std::uint16_t>((std::uint8_t(control[0]) << 8) | std::uint8_t(control[1]));
        // §7.4.1/§7.4.2: reserved and unassigned codes must not appear on the wire.
        if (cfg.checks.close_codes && !is_valid_close_code(code))
            return fail(error::invalid_close_code, "close code " + std::to_string(code));
        // §5.5.1: the reason "is not guaranteed to be human readable" but is UTF-8.
        std::string_view reason(control.data() + 2, control.size() - 2);
        if (cfg.checks.utf8 && !is_valid_utf8(reason))
            return fail(error::invalid_close_reason, "close reason is not valid UTF-8");
        ev.code = code;
        ev.reason = std::string(reason);
    }
    close_received = ev;
    events.push_back(std::move(ev));

    // The peer sent its last frame (§5.5.1: it sends no data after its close), so
    // anything after it is ignored rather than parsed; a message it left
    // unfinished is dropped with it.
    input = &impl::discard_input;
    in_message = false;

    // §5.5.1: "If an endpoint receives a Close frame and did not previously send a
    // Close frame, the endpoint MUST send a Close frame in response. (When sending
    // a Close frame in response, the endpoint typically echos the status code it
    // received.)" An empty close is answered with an empty one.
    if (!close_sent) send_close_frame(close_received->code, {});
    else after_close_exchange();
}

void endpoint::impl::fail(error e, std::string detail) {
    if (state == conn_state::closed) return;
    // §7.1.7: "If _The WebSocket Connection is Established_ prior to the point
    // where the endpoint is required to _Fail the WebSocket Connection_, the
    // endpoint SHOULD send a Close frame with an appropriate status code (Section
    // 7.4) before proceeding to _Close the WebSocket Connection_."
    const std::uint16_t code = describe(e).close_code;
    if (!close_sent && code != 0) send_close_frame(code, {});
    failure = e;
    events.push_back(failure_event{e, std::move(detail)});
    // "An endpoint MUST NOT continue to attempt to process data (including a
    // responding Close frame) from the remote endpoint after being instructed to
    // _Fail the WebSocket Connection_."
    input = &impl::discard_input;
    state = conn_state::closed;
    // §7.1.1 again: the server drops TCP now; a client expects the server to.
    if (cfg.side == role::server) eof_to_send = true;
    else close_expected = true;
}

void endpoint::impl::receive_eof() {
    if (eof_received) return;
    eof_received = true;
    input = &impl::discard_input;
    // §7.1.5: TCP closed without both close frames: "_The WebSocket Connection
    // Close Code_ is considered to be 1006", which nobody can send.
    if (state != conn_state::closed) {
        state = conn_state::closed;
        failure = error::unexpected_eof;
        std::string detail = close_sent ? "TCP closed before the peer's close frame arrived"
                                        : "TCP closed without a closing handshake";
        events.push_back(failure_event{error::unexpected_eof, std::move(detail)});
    }
    // Whichever end we are, the peer is gone: close our side too.
    eof_to_send = true;
}

}  // namespace wsc
