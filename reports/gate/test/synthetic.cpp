#include "synthetic.hpp"

namespace wsc::report::testing {

std::vector<std::string> synthetic_ids() {
    std::vector<std::string> ids{"0.1.1", "0.2.1"};
    const auto range = [&](const std::string& prefix, int from, int to) {
        for (int i = from; i <= to; ++i) ids.push_back(prefix + std::to_string(i));
    };
    range("1.1.", 1, 8);
    range("1.2.", 1, 8);
    range("2.", 1, 11);
    range("3.", 1, 7);
    range("4.1.", 1, 5);
    range("4.2.", 1, 5);
    range("5.", 1, 20);
    range("6.1.", 1, 3);
    range("6.4.", 1, 4);
    range("6.10.", 1, 3);
    range("7.1.", 1, 6);
    range("7.9.", 1, 9);
    range("7.13.", 1, 2);
    range("9.1.", 1, 6);
    range("10.1.", 1, 1);
    range("12.1.", 1, 10);
    range("13.1.", 1, 4);
    return ids;
}

std::vector<std::string> hostile_strings() {
    return {
        "<script>alert(1)</script>",
        "\"'><img src=x onerror=alert(1)>",
        "</script><script>alert(2)</script>",
        "bad \xFF\xFE utf8 \xC0\xAF \xED\xA0\x80 end",
        "line\xE2\x80\xA8separator\xE2\x80\xA9para",
        "<!-- ]]> &amp; &#x3c; \x01\x1B[31m",
    };
}

namespace {

observed_event message(std::string data, bool binary = false) { return {"message", std::move(data), binary}; }

wire_row row(double at, const char* kind, nlohmann::json fields) { return {at, kind, std::move(fields)}; }

}  // namespace

case_result synthetic_result(const std::string& agent, const std::string& id, int index, const synthetic_options& o) {
    const auto hostile = hostile_strings();
    const auto pick = [&](int k) { return hostile[static_cast<std::size_t>(k) % hostile.size()]; };
    const unsigned mix = static_cast<unsigned>(index) * 2654435761u + o.seed * 40503u +
                         static_cast<unsigned>(agent.size()) * 97u;
    case_result r;
    r.id = id;
    r.position = index + 1;
    r.agent = agent;
    r.description = "Send a text message, then a <b>ping</b> (case " + id + ").";
    r.expectation = "Echo, then a clean close.";
    r.started = "2025-01-02T03:04:" + std::string(index % 60 < 10 ? "0" : "") + std::to_string(index % 60) + ".123Z";
    r.duration_ms = 2 + (mix % 40);
    r.report_time = id.rfind("9.", 0) == 0;

    // A spread of verdicts, deterministic in (agent, id, seed).
    r.behavior = behavior::ok;
    r.behavior_close = behavior::ok;
    const unsigned v = (mix >> 7) % 23;
    if (v == 1) r.behavior = behavior::non_strict;
    if (v == 2 || v == 3) r.behavior = behavior::failed, r.behavior_close = behavior::unclean;
    if (v == 4) r.behavior_close = behavior::wrong_code;
    if (v == 5) r.behavior_close = behavior::failed_by_client;
    if (v == 6) r.behavior = behavior::failed, r.behavior_close = behavior::failed;
    if (id.rfind("7.13.", 0) == 0) r.behavior = r.behavior_close = behavior::informational;
    if ((id.rfind("12.", 0) == 0 || id.rfind("13.", 0) == 0) && agent != o.agents.front())
        r.behavior = behavior::unimplemented, r.behavior_close = behavior::ok;
    r.result = r.behavior == behavior::ok ? "Actual events match at least one expected." : "Actual events differ.";
    r.result_close = r.behavior_close == behavior::ok ? "Connection was properly closed" : "The peer did not close.";

    r.expected["OK"] = {message("Hello, world!"), {"pong", "ping payload", false}};
    r.expected["NON-STRICT"] = {};
    r.expected_close = {{"closedByMe", true}, {"closeCode", {1000}}, {"requireClean", true}};
    r.received = {message("Hello, world!")};
    if (r.behavior == behavior::failed) r.received.push_back(message(std::string("\x00\x01\xFE\xFF", 4), true));

    auto& c = r.close;
    c.closed_by_me = true;
    c.was_clean = r.behavior_close == behavior::ok;
    if (!c.was_clean) c.was_not_clean_reason = "peer dropped the TCP connection";
    c.local_close_code = 1000;
    c.remote_close_code = r.behavior_close == behavior::wrong_code ? 1002 : 1000;
    c.remote_close_reason = "bye";
    r.http_request = "GET /chat?x=1 HTTP/1.1\r\nHost: 127.0.0.1:9001\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                     "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    r.http_response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\nServer: " + agent + "\r\n\r\n";
    r.rx_octet_stats = {{"15", 1}, {"166", 1}};
    r.tx_octet_stats = {{"19", 2}, {"251", 1}};
    r.rx_frame_stats = {{"1", 1}, {"8", 1}};
    r.tx_frame_stats = {{"1", 1}, {"8", 1}, {"9", 1}};
    r.wirelog = {
        row(0.2, "TO", {{251, "474554202f20485454502f312e31 ..."}, false}),
        row(1.1, "RO", {{166, "485454502f312e3120313031 ..."}}),
        row(1.3, "TF", {{13, "Hello, world!"}, 1, true, 0, "a2bdd6da", nullptr, nullptr, false}),
        row(1.4, "TO", {{19, "818da2bdd6daead8bab6cd91f6adcdcfbabe83"}, false}),
        row(1.5, "TF", {{0, ""}, 9, true, 0, "357f7fba", nullptr, nullptr, false}),
        row(1.6, "KL", {1}),
        row(2.0, "RF", {{13, "Hello, world!"}, 1, true, 0, false, nullptr}),
        row(2.1, "RF", {{5, "0x03e8627965"}, 8, true, 0, false, nullptr}),
        row(3.0, "CT", {1, "peer close"}),
    };
    if (id == "9.1.6") {
        // A long log: the page keeps its head and tail.
        for (int i = 0; i < 500; ++i)
            r.wirelog.push_back(row(4.0 + i, "RF", {{65536, std::string(70, '*') + " ..."}, 1, true, 0, false, nullptr}));
    }
    r.http_status = 101;  // as a live run has it whenever a response head arrived

    if (o.hostile) {
        r.description = pick(index) + " description " + pick(index + 1);
        r.expectation = pick(index + 2);
        r.result = pick(index + 3);
        r.result_close = pick(index + 4);
        r.note = pick(index + 5);
        r.expected[pick(index)] = {message(pick(index + 1)), {"pong", pick(index + 2), false}};
        r.received = {message(pick(index + 3)), message(pick(index + 4), true), {"timeout", pick(index + 5), false}};
        c.remote_close_reason = pick(index);
        c.local_close_reason = pick(index + 1);
        c.was_not_clean_reason = pick(index + 2);
        r.http_response = "HTTP/1.1 101 " + pick(index) + "\r\nServer: " + pick(index + 1) + "\r\nX-Evil: " +
                          pick(index + 2) + "\r\n\r\n";
        r.http_request = "GET /" + pick(index + 3) + " HTTP/1.1\r\nHost: " + pick(index + 4) + "\r\n\r\n";
        r.expected_close = {{"closedByMe", true}, {pick(index), pick(index + 1)}};
        r.rx_octet_stats[pick(index)] = 1;
        r.wirelog.push_back(row(9, "RF", {{40, pick(index)}, 1, true, 0, false, nullptr}));
        r.wirelog.push_back(row(9.5, pick(index + 1).c_str(), {pick(index + 2), {pick(index + 3)}}));
        r.wirelog.push_back(row(9.8, "TO", {{3, pick(index + 4)}, false}));
    }
    return r;
}

result_set synthetic_results(const synthetic_options& o) {
    result_set out;
    auto ids = synthetic_ids();
    if (o.hostile_ids) {
        ids.push_back("1.1.<img src=x onerror=alert(1)>");
        ids.push_back("1.1.</script>\xE2\x80\xA8\xFF");
    }
    std::vector<std::string> agents = o.agents;
    if (o.hostile) agents.push_back(hostile_strings()[1]), agents.push_back(hostile_strings()[3]);
    for (const auto& agent : agents) {
        int index = 0;
        for (const auto& id : ids) {
            // The second agent misses a few cases, so "Missing" shows up.
            if (agent == o.agents.back() && o.agents.size() > 1 && index % 29 == 7) {
                ++index;
                continue;
            }
            out[agent][id] = synthetic_result(agent, id, index++, o);
        }
    }
    return out;
}

case_result verdict(const std::string& agent, const std::string& id, const char* behavior, const char* close,
                    const std::string& why) {
    case_result r;
    r.agent = agent;
    r.id = id;
    r.behavior = behavior;
    r.behavior_close = close;
    r.result = why;
    return r;
}

result_set run_of(std::initializer_list<case_result> results) {
    result_set s;
    for (const auto& r : results) s[r.agent][r.id] = r;
    return s;
}

}  // namespace wsc::report::testing
