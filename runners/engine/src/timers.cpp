// The fuzzer's timers (catalogue.md §1.2, §1.4): per-case kill/close/continue timers,
// which are logged, and the engine's handshake timeouts, which are not.
#include "session_impl.hpp"

namespace wsc::engine {

void session::impl::arm(double delay, timer_kind kind, std::optional<std::string> tag, bool record) {
    timers.push_back(timer{now + delay, kind, std::move(tag), record, ++timer_seq});
    switch (kind) {
        case timer_kind::kill: log_row("KL", {seconds_json(delay)}, true); break;
        case timer_kind::close_after: log_row("TI", {seconds_json(delay)}, true); break;
        case timer_kind::resume: {
            const auto& t = timers.back().tag;
            log_row("CT", {seconds_json(delay), t ? nlohmann::json(*t) : nlohmann::json(nullptr)}, true);
            break;
        }
        default: break;
    }
}

void session::impl::cancel(timer_kind kind) {
    std::erase_if(timers, [&](const timer& t) { return t.kind == kind; });
}

std::optional<double> session::impl::next_timer() const {
    std::optional<double> best;
    for (const auto& t : timers)
        if (!best || t.at < *best) best = t.at;
    return best;
}

void session::impl::fire(const timer& t) {
    switch (t.kind) {
        case timer_kind::kill:
            log_row("KLE", nlohmann::json::array(), true);
            // §1.2 kill-after: "fail the connection" with failByDrop=false, i.e. close
            // 1001 if still open, drop TCP if already closing.
            if (ws != ws_state::closed) fail_connection(1001, "Going Away");
            break;
        case timer_kind::close_after:
            log_row("TIE", nlohmann::json::array(), true);
            if (bulk.active) bulk.deadline_passed = true;
            if (ws == ws_state::open) send_close(std::nullopt, {}, false);
            break;
        case timer_kind::resume:
            log_row("CTE", {t.tag ? nlohmann::json(*t.tag) : nlohmann::json(nullptr)}, true);
            if (t.record_timeout) {
                // continue_later: the event (and the rest of the case) only while OPEN.
                if (ws != ws_state::open) {
                    steps_stopped = true;
                    return;
                }
                record(print_timeout(*t.tag), report::observed_event{"timeout", *t.tag, false});
            }
            steps_paused = false;
            run_steps();
            break;
        case timer_kind::open_handshake:
            if (ws == ws_state::connecting) {
                res.close.was_clean = false;
                res.close.was_not_clean_reason = "peer did not finish (in time) the opening handshake";
                res.close.was_open_handshake_timeout = true;
                drop_tcp();
            }
            break;
        case timer_kind::close_handshake:
            if (!received_close) {
                res.close.was_clean = false;
                res.close.was_not_clean_reason = "peer did not respond (in time) in closing handshake";
                res.close.was_close_handshake_timeout = true;
                drop_tcp();
            }
            break;
        case timer_kind::server_drop:
            res.close.was_clean = false;
            res.close.was_not_clean_reason = "server did not drop TCP connection (in time)";
            res.close.was_server_connection_drop_timeout = true;
            drop_tcp();
            break;
        case timer_kind::handshake_expect:
            raw_handshake_timeout();
            break;
    }
}

}  // namespace wsc::engine
