// Plays an endpoint row: actions before, the input in pieces, EOF and actions
// after, then compares events, written octets and the TCP flags.
#include <algorithm>

#include <gtest/gtest.h>

#include "byte_builder.hpp"
#include "players.hpp"
#include "wsc/endpoint.hpp"

namespace wsc::tables {
namespace {

const char* state_name(conn_state s) {
    switch (s) {
    case conn_state::open: return "open";
    case conn_state::closing: return "closing";
    case conn_state::closed: return "closed";
    }
    return "?";
}

const char* verb_name(endpoint_action::verb v) {
    using verb = endpoint_action::verb;
    switch (v) {
    case verb::send_text: return "send_text";
    case verb::send_binary: return "send_binary";
    case verb::send_continuation: return "send_continuation";
    case verb::send_ping: return "send_ping";
    case verb::send_pong: return "send_pong";
    case verb::send_close: return "send_close";
    case verb::fail: return "fail";
    case verb::receive_eof: return "receive_eof";
    }
    return "?";
}

}  // namespace

std::string first_difference(std::string_view want, std::string_view got) {
    std::size_t i = 0;
    while (i < want.size() && i < got.size() && want[i] == got[i]) ++i;
    const std::size_t from = i < 8 ? 0 : i - 8;
    return "\n  expected: " + to_hex(want, 96) + "\n  actual:   " + to_hex(got, 96) + "\n  first difference at octet " +
           std::to_string(i) + ": expected ..." + to_hex(want.substr(std::min(from, want.size())), 24) + "\n" +
           std::string(40, ' ') + "actual ..." + to_hex(got.substr(std::min(from, got.size())), 24);
}

// Runs actions on an endpoint, checking what each send returns.
void run_actions(endpoint& ep, const std::vector<endpoint_action>& actions, const char* when) {
    using verb = endpoint_action::verb;
    for (std::size_t i = 0; i < actions.size(); ++i) {
        const endpoint_action& a = actions[i];
        error got = error::none;
        switch (a.what) {
        case verb::send_text: got = ep.send_text(a.data, a.fin); break;
        case verb::send_binary: got = ep.send_binary(a.data, a.fin); break;
        case verb::send_continuation: got = ep.send_continuation(a.data, a.fin); break;
        case verb::send_ping: got = ep.send_ping(a.data); break;
        case verb::send_pong: got = ep.send_pong(a.data); break;
        case verb::send_close: got = ep.send_close(a.code, a.data); break;
        case verb::fail: ep.fail(a.fail_with, "failed by the table row"); break;
        case verb::receive_eof: ep.receive_eof(); break;
        }
        EXPECT_EQ(name_of(got), name_of(a.returns)) << when << " action " << i << " (" << verb_name(a.what) << ")";
    }
}

void play_endpoint(const endpoint_case& c, const chunking& how) {
    endpoint_config cfg = c.config;
    cfg.random = fixed_random(c.mask_key);
    endpoint ep(cfg);

    run_actions(ep, c.before, "before");
    const std::string_view fed = std::string_view(c.input).substr(0, c.input.size() - c.drop_last);
    for (std::string_view piece : split(fed, how)) ep.receive_data(piece);
    if (c.eof) ep.receive_eof();
    run_actions(ep, c.after, "after");

    const std::vector<event> got = ep.take_events();
    const std::string out = ep.take_output();

    bool same = got.size() == c.events.size();
    for (std::size_t i = 0; same && i < got.size(); ++i) same = matches(c.events[i], got[i]);
    if (!same) {
        std::string want_text, got_text;
        for (const auto& e : c.events) want_text += "\n    " + describe(e);
        for (const auto& e : got) got_text += "\n    " + describe(e);
        ADD_FAILURE() << "events differ\n  expected:" << (want_text.empty() ? " (none)" : want_text)
                      << "\n  actual:" << (got_text.empty() ? " (none)" : got_text);
    }
    if (c.output && out != *c.output)
        ADD_FAILURE() << "octets written back differ" << first_difference(*c.output, out);
    if (c.eof_to_send) {
        EXPECT_EQ(ep.eof_to_send(), *c.eof_to_send) << "eof_to_send";
    }
    if (c.close_expected) {
        EXPECT_EQ(ep.close_expected(), *c.close_expected) << "close_expected";
    }
    if (c.handshake_complete) {
        EXPECT_EQ(ep.closing_handshake_complete(), *c.handshake_complete) << "closing_handshake_complete";
    }
    if (c.state) {
        EXPECT_STREQ(state_name(ep.state()), state_name(*c.state)) << "state";
    }
}

}  // namespace wsc::tables
