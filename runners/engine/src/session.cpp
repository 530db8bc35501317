// The session's life cycle: construction from a case, the four inputs (start, data,
// EOF, timer) and the outputs the executor collects.
#include <cmath>
#include <utility>

#include "session_impl.hpp"
#include "wsc/catalogue/case.hpp"

namespace wsc::engine {

namespace {

report::observed_event observed_of(const catalogue::Event& e) {
    switch (e.type) {
        case catalogue::Event::Type::message: return {"message", payload_bytes(e.payload), e.binary};
        case catalogue::Event::Type::pong: return {"pong", payload_bytes(e.payload), false};
        case catalogue::Event::Type::timeout: return {"timeout", e.tag, false};
    }
    return {};
}

frame_parser_config parser_config(bool fuzzer_is_client, std::uint64_t max_frame) {
    frame_parser_config c;
    // RFC 6455 §5.1: "A server MUST NOT mask any frames that it sends to the client"
    // and clients MUST mask theirs; Autobahn's fuzzer enforces both directions.
    c.masking = fuzzer_is_client ? mask_rule::must_be_unmasked : mask_rule::must_be_masked;
    c.max_frame_size = max_frame;
    return c;
}

}  // namespace

session::impl::impl(const catalogue::Case& c, session_config config)
    : tc(c),
      cfg(std::move(config)),
      fuzzer_is_client(cfg.fuzzer_role == role::client),
      parser(parser_config(fuzzer_is_client, cfg.max_message_size)) {
    res.id = tc.id.str();
    res.position = tc.position;
    res.agent = cfg.agent;
    res.description = tc.description;
    res.expectation = tc.expectation;
    res.started = cfg.started_utc;
    res.report_time = tc.kind == catalogue::Kind::bulk_echo || tc.kind == catalogue::Kind::roundtrip ||
                      tc.kind == catalogue::Kind::compression;
    res.report_compression_ratio = tc.kind == catalogue::Kind::compression;
    for (const auto& o : tc.expected) {
        auto& list = res.expected[o.label];
        auto& prints = expected_prints.emplace_back(o.label, std::vector<event_print>{}).second;
        for (const auto& e : o.events) {
            list.push_back(observed_of(e));
            prints.push_back(print_of(list.back()));
        }
    }
    res.expected_close = nlohmann::json::object();
    if (tc.expected_close) {
        const auto& x = *tc.expected_close;
        res.expected_close["closedByMe"] = x.closed_by_me;
        res.expected_close["closeCode"] = x.codes;
        res.expected_close["requireClean"] = x.require_clean;
        if (x.wrong_endpoint_fatal) res.expected_close["closedByWrongEndpointIsFatal"] = true;
    }
    res.close.is_server = !fuzzer_is_client;
    res.behavior = report::behavior::failed;
    res.behavior_close = report::behavior::failed;
    res.result = text::events_differ;
    res.result_close = text::never_opened;
}

void session::impl::start() {
    t0 = now;
    start_handshake();
}

void session::impl::on_data(std::string_view bytes) {
    if (tcp_gone || bytes.empty()) return;
    log_rx_octets(bytes);
    if (ws == ws_state::connecting) {
        handshake_data(bytes);
    } else {
        frames_in(bytes);
    }
}

void session::impl::on_eof() {
    if (tcp_gone) return;
    tcp_gone = true;
    timers.clear();
    if (tc.kind == catalogue::Kind::handshake && !handshake_judged) {
        raw_handshake_eof();
    } else if (!res.close.was_clean && !res.close.dropped_by_me && !res.close.was_not_clean_reason) {
        res.close.was_not_clean_reason = "peer dropped the TCP connection without previous WebSocket closing handshake";
    }
    ws = ws_state::closed;
    finish();
}

void session::impl::on_timer() {
    // Fire everything due, earliest first; a firing may arm or cancel others.
    for (;;) {
        if (tcp_gone) return;
        const timer* due = nullptr;
        for (const auto& t : timers)
            if (t.at <= now + 1e-9 && (!due || t.at < due->at || (t.at == due->at && t.seq < due->seq))) due = &t;
        if (!due) return;
        const timer t = *due;
        std::erase_if(timers, [&](const timer& x) { return x.seq == t.seq; });
        fire(t);
    }
}

void session::impl::finish() {
    if (finished) return;
    finished = true;
    if (bulk.active && !bulk.deadline_passed) bulk_ended_early();
    // Autobahn times a case from the open; a handshake case that never opened is
    // timed from its first byte, so a peer that makes it wait shows that wait.
    if (opened_at) res.duration_ms = (now - *opened_at) * 1000.0;
    else res.duration_ms = tc.kind == catalogue::Kind::handshake ? (now - t0) * 1000.0 : 0.0;
    conclude();
}

session::session(const catalogue::Case& c, session_config cfg) : impl_(std::make_unique<impl>(c, std::move(cfg))) {}
session::~session() = default;
session::session(session&&) noexcept = default;
session& session::operator=(session&&) noexcept = default;

void session::start(double now_s) {
    impl_->now = now_s;
    impl_->start();
}

void session::on_data(double now_s, std::string_view bytes) {
    impl_->now = now_s;
    impl_->on_data(bytes);
}

void session::on_eof(double now_s) {
    impl_->now = now_s;
    impl_->on_eof();
}

void session::on_timer(double now_s) {
    impl_->now = now_s;
    impl_->on_timer();
}

std::vector<write_op> session::take_writes() {
    impl_->last_write_coalescable = false;
    return std::exchange(impl_->writes, {});
}

bool session::close_tcp_requested() const noexcept { return impl_->close_tcp; }

std::optional<double> session::next_timer_s() const noexcept {
    if (impl_->tcp_gone) return std::nullopt;
    return impl_->next_timer();
}

bool session::done() const noexcept { return impl_->finished; }

const report::case_result& session::result() const noexcept { return impl_->res; }

}  // namespace wsc::engine
