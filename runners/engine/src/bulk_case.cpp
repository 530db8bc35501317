// §9 Limits/Performance (catalogue.md §9): bulk echoes judged on the first echo's type
// and length, and round trips of many messages strictly one at a time. The wire log is
// off during the transfer, as in Autobahn.
#include "session_impl.hpp"

namespace wsc::engine {

namespace {

std::string seconds_text(double s) {
    return integral(s) ? std::to_string(static_cast<long long>(s)) : std::to_string(s);
}

const char* type_name(bool binary) { return binary ? "binary" : "text"; }

}  // namespace

void session::impl::start_bulk_echo() {
    wirelog_on = false;  // 9.1-9.6 switch the log off without a WLM row
    res.create_wirelog = false;
    bulk.active = true;
    res.behavior = report::behavior::failed;
    res.result = "Did not receive message within " + seconds_text(tc.deadline.value_or(0)) + " seconds.";
    arm(tc.deadline.value_or(0), timer_kind::close_after);
    run_steps();
}

void session::impl::start_roundtrip() {
    set_wirelog(false);
    bulk.active = true;
    res.behavior = report::behavior::failed;
    res.result = "Case did not finish within " + seconds_text(tc.deadline.value_or(0)) + " seconds.";
    arm(tc.deadline.value_or(0), timer_kind::close_after);
    bulk.payload = payload_bytes(tc.roundtrip->payload);
    send_roundtrip_message();
}

void session::impl::send_roundtrip_message() {
    ++bulk.sent;
    send_raw_frame(tc.roundtrip->opcode, true, 0, bulk.payload, tf_of(tc.roundtrip->payload));
}

bool session::impl::bulk_message(const std::string& data, bool binary) {
    if (!bulk.active) return true;
    if (tc.kind == catalogue::Kind::bulk_echo) {
        // Only the first echo counts; its content is not compared.
        bulk.active = false;
        wirelog_on = true;
        res.create_wirelog = true;
        const bool want_binary = tc.echo_check->opcode == 2;
        if (binary == want_binary && data.size() == tc.echo_check->length) {
            res.behavior = report::behavior::ok;
            res.result = std::string("Received ") + type_name(binary) + " message of length " +
                         std::to_string(data.size()) + ".";
        } else {
            res.behavior = report::behavior::failed;
            res.result = std::string("Expected ") + type_name(want_binary) + " message with payload length " +
                         std::to_string(tc.echo_check->length) + ", but got " + type_name(binary) +
                         " message of length " + std::to_string(data.size()) + ".";
        }
        send_close(1000, {}, false);
        return true;
    }
    // Roundtrip: every echo is checked before the next message goes out.
    const bool want_binary = tc.roundtrip->opcode == 2;
    if (binary != want_binary || data.size() != bulk.payload.size()) {
        bulk.active = false;
        res.behavior = report::behavior::failed;
        res.result = std::string("Echo'ed message type or length differs from what I sent (got binary = ") +
                     (binary ? "True" : "False") + ", payload length = " + std::to_string(data.size()) + ").";
        set_wirelog(true);
        send_close(1000, {}, false);
    } else if (bulk.sent < tc.roundtrip->count) {
        send_roundtrip_message();
    } else {
        bulk.active = false;
        res.behavior = report::behavior::ok;
        res.result = "Ok, received all echo'ed messages in time.";
        set_wirelog(true);
        send_close(1000, {}, false);
    }
    return true;
}

void session::impl::bulk_ended_early() {
    // The verdict stays FAILED; the text set at the start promised a wait for the whole
    // deadline, which a peer that closed (e.g. 1009, too big for it) cut short.
    std::string why = "The connection ended before ";
    why += tc.kind == catalogue::Kind::bulk_echo
               ? std::string("the echo arrived")
               : "every echo arrived (" + std::to_string(bulk.sent) + " message(s) sent)";
    if (res.close.remote_close_code)
        why += "; the peer closed with code " + std::to_string(*res.close.remote_close_code);
    res.result = why + ".";
}

}  // namespace wsc::engine
