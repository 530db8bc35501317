// The handshake section (cases/README.md "Handshake expectations"): the fuzzer writes
// a literal request (server under test) or answers with a literal response (client
// under test) and judges the other side's reaction; when a 101 is expected and
// happens, the rest of the case runs as a normal WebSocket case.
#include <algorithm>
#include <cctype>

#include "session_impl.hpp"
#include "wsc/extensions.hpp"

namespace wsc::engine {

namespace {

std::string base64(const std::uint8_t* data, std::size_t n) {
    static constexpr char table[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    for (std::size_t i = 0; i < n; i += 3) {
        const std::uint32_t v = (std::uint32_t{data[i]} << 16) | (i + 1 < n ? std::uint32_t{data[i + 1]} << 8 : 0) |
                                (i + 2 < n ? std::uint32_t{data[i + 2]} : 0);
        out += table[(v >> 18) & 63];
        out += table[(v >> 12) & 63];
        out += i + 1 < n ? table[(v >> 6) & 63] : '=';
        out += i + 2 < n ? table[v & 63] : '=';
    }
    return out;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

// All comma-separated elements of every line of a header.
std::vector<std::string_view> elements(const http_head& head, std::string_view name) {
    std::vector<std::string_view> out;
    for (auto v : head.values(name))
        for (auto e : list_elements(v)) out.push_back(e);
    return out;
}

std::string_view element_name(std::string_view element) { return trim(element.substr(0, element.find(';'))); }

std::string list(const std::vector<int>& v) {
    std::string s;
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + std::to_string(v[i]);
    return s;
}

}  // namespace

std::string session::impl::expand(const catalogue::Payload& p, std::string_view client_key) const {
    std::string s = payload_bytes(p);
    if (p.form != catalogue::Payload::Form::text) return s;
    replace_all(s, "{{host}}", cfg.host);
    replace_all(s, "{{path}}", cfg.target);
    replace_all(s, "{{key}}", raw_key);
    replace_all(s, "{{accept}}", compute_accept(client_key));
    return s;
}

void session::impl::judge_handshake(const std::string& verdict_behavior, std::string why) {
    handshake_judged = true;
    verdict_fixed = true;
    cancel(timer_kind::handshake_expect);
    // Autobahn's rule: missing a SHOULD is NON-STRICT, missing a MUST is FAILED.
    const bool should_only = verdict_behavior == report::behavior::failed && tc.level == catalogue::Level::should;
    res.behavior = should_only ? std::string(report::behavior::non_strict) : verdict_behavior;
    res.result = should_only ? "Not as the RFC recommends (SHOULD): " + why : std::move(why);
    // No WebSocket connection followed, so there is no closing handshake to judge:
    // the close column says whether the peer's handling was acceptable.
    res.behavior_close = verdict_behavior == report::behavior::ok || should_only ? report::behavior::ok
                                                                                 : report::behavior::failed;
    res.result_close = "No WebSocket connection was opened in this case.";
}

// ---- server under test: our literal request, its answer

void session::impl::start_raw_request() {
    const auto& rq = std::get<catalogue::SendRawRequest>(tc.steps.at(0));
    std::uint8_t nonce[16];
    cfg.random(nonce, sizeof nonce);
    raw_key = base64(nonce, sizeof nonce);
    std::string head = rq.method + " " + expand(rq.target, raw_key) + " " + rq.version + "\r\n";
    for (const auto& h : rq.headers) head += h.name + ": " + expand(h.value, raw_key) + "\r\n";
    head += "\r\n";
    res.http_request = head;
    std::string bytes = head;
    for (const auto& f : rq.trailing_frames) {
        const std::string payload = payload_bytes(f.payload);
        auto key = mask_for(f.masked);
        bytes += encode(f.opcode, f.fin, f.rsv, payload, key);
        log_tx_frame(f.opcode, f.fin, f.rsv, key, tf_of(f.payload), 0, false);
        // A close written with the request makes the fuzzer the close initiator once
        // the connection opens (0.11.2).
        if (f.opcode == 8 && !raw_close_body) raw_close_body = payload;
    }
    write(std::move(bytes), false);
    raw_reader.emplace(http_head_reader::kind::response, 64 * 1024);
}

void session::impl::raw_response_data(std::string_view bytes) {
    if (handshake_judged || close_tcp) return;
    const auto st = raw_reader->receive(bytes);
    if (st == http_head_reader::status::need_more) return;
    res.http_response = raw_reader->raw();
    if (st == http_head_reader::status::failed) {
        judge_handshake(report::behavior::failed, "The server's answer is not a valid HTTP response: " + raw_reader->detail());
        return drop_tcp();
    }
    const http_head& head = raw_reader->head();
    res.http_status = head.status;
    const auto& x = *tc.expect_response;
    const bool status_ok = std::find(x.status.begin(), x.status.end(), head.status) != x.status.end() ||
                           (x.any_4xx && head.status >= 400 && head.status <= 499);
    if (!status_ok) {
        judge_handshake(report::behavior::failed,
                        "The server answered " + std::to_string(head.status) + "; acceptable: " + list(x.status) +
                            (x.any_4xx ? " or any 4xx" : "") + (x.drop_ok ? " or closing the connection" : ""));
        return drop_tcp();
    }
    std::vector<std::string> problems;
    for (const auto& [name, value] : x.require_headers) {
        const std::string want = expand(catalogue::text_payload(value), raw_key);
        const auto els = elements(head, name);
        const bool exact = iequals(name, "Sec-WebSocket-Accept");
        const bool found = std::any_of(els.begin(), els.end(),
                                       [&](std::string_view e) { return exact ? e == want : iequals(e, want); });
        if (!found) problems.push_back("missing " + name + ": " + want);
    }
    for (const auto& name : x.forbid_headers)
        if (head.count(name)) problems.push_back("unexpected header " + name);
    for (const auto& [name, allowed] : x.allowed_values)
        for (auto e : elements(head, name)) {
            const auto n = element_name(e);
            if (std::none_of(allowed.begin(), allowed.end(), [&](const std::string& a) { return iequals(a, n); }))
                problems.push_back(name + " holds " + std::string(n) + ", which was not offered");
        }
    for (const auto& [name, banned] : x.forbid_values)
        for (auto e : elements(head, name)) {
            const auto n = element_name(e);
            if (std::any_of(banned.begin(), banned.end(), [&](const std::string& a) { return iequals(a, n); }))
                problems.push_back(name + " must not hold " + std::string(n));
        }
    if (!problems.empty()) {
        std::string why = "The server's answer (" + std::to_string(head.status) + ") is wrong:";
        for (const auto& p : problems) why += " " + p + ";";
        judge_handshake(report::behavior::failed, why);
        return drop_tcp();
    }
    if (head.status != 101) {
        judge_handshake(report::behavior::ok, "The server refused the handshake with " + std::to_string(head.status) + ".");
        return drop_tcp();
    }
    // An acceptable 101: the connection is open and the rest of the case runs.
    handshake_judged = true;
    cancel(timer_kind::handshake_expect);
    const auto ext = head.value("Sec-WebSocket-Extensions");
    std::vector<extension> agreed;
    if (ext && parse_extensions(*ext, agreed)) {
        for (const auto& e : agreed) {
            if (e.name != "permessage-deflate") continue;
            // The server picked permessage-deflate for an offer we wrote by hand: take
            // its parameters as answered so its compressed frames can be read.
            deflate_offer answer;
            if (parse_offer(e, answer) == error::none) {
                deflate_params p;
                p.server_no_context_takeover = answer.server_no_context_takeover;
                p.client_no_context_takeover = answer.client_no_context_takeover;
                p.server_max_window_bits = answer.server_max_window_bits.value_or(15);
                p.client_max_window_bits = answer.client_max_window_bits_value.value_or(15);
                deflate = p;
            }
        }
    }
    next_step = 1;
    on_open(raw_reader->take_leftover());
}

// ---- client under test: its request, our literal response

void session::impl::raw_request_data(std::string_view bytes) {
    if (close_tcp) return;
    if (raw_answered) {
        // cases/README.md: a client that must fail may not send a single octet after
        // our response, not even a close frame, because no connection was opened.
        sent_after_response += bytes.size();
        if (!handshake_judged && tc.expect_client->must_fail) {
            judge_handshake(report::behavior::failed, "The client accepted an invalid handshake response and sent " +
                                                          std::to_string(sent_after_response) + " octets after it.");
            drop_tcp();
        }
        return;
    }
    const auto st = raw_reader->receive(bytes);
    if (st == http_head_reader::status::need_more) return;
    res.http_request = raw_reader->raw();
    if (st == http_head_reader::status::failed) {
        judge_handshake(report::behavior::failed, "The client's request is not valid HTTP: " + raw_reader->detail());
        return drop_tcp();
    }
    const auto client_key = raw_reader->head().value("Sec-WebSocket-Key").value_or("");
    const auto& rs = std::get<catalogue::SendRawResponse>(tc.steps.at(0));
    std::string head = rs.version + " " + std::to_string(rs.status) + " " + rs.reason + "\r\n";
    for (const auto& h : rs.headers) head += h.name + ": " + expand(h.value, client_key) + "\r\n";
    head += "\r\n";
    res.http_response = head;
    res.http_status = rs.status;
    std::string out = head;
    for (const auto& f : rs.trailing_frames) {
        auto key = mask_for(f.masked);
        out += encode(f.opcode, f.fin, f.rsv, payload_bytes(f.payload), key);
        log_tx_frame(f.opcode, f.fin, f.rsv, key, tf_of(f.payload), 0, false);
    }
    write(std::move(out), false);
    raw_answered = true;
    if (tc.expect_client->must_fail) return;  // now the client must close, silently
    handshake_judged = true;
    cancel(timer_kind::handshake_expect);
    next_step = 1;
    on_open(raw_reader->take_leftover());
}

void session::impl::raw_handshake_eof() {
    if (fuzzer_is_client) {
        if (tc.expect_response->drop_ok)
            judge_handshake(report::behavior::ok, "The server closed the connection without accepting the handshake.");
        else
            judge_handshake(report::behavior::failed, "The server closed the connection without an acceptable answer.");
        return;
    }
    if (!raw_answered) {
        judge_handshake(report::behavior::failed, "The client closed the connection before its request was complete.");
    } else if (tc.expect_client->must_fail) {
        judge_handshake(report::behavior::ok, "The client refused the invalid handshake response and closed TCP.");
    }
}

void session::impl::raw_handshake_timeout() {
    if (handshake_judged) return;
    if (fuzzer_is_client) {
        judge_handshake(report::behavior::failed, "The server did not answer within " +
                                                      std::to_string(static_cast<int>(tc.expect_response->timeout)) +
                                                      " s.");
    } else if (!raw_answered) {
        judge_handshake(report::behavior::failed, "The client did not complete its request in time.");
    } else {
        judge_handshake(report::behavior::failed, "The client did not close the connection after an invalid "
                                                  "handshake response within " +
                                                      std::to_string(static_cast<int>(tc.expect_client->timeout)) +
                                                      " s.");
    }
    drop_tcp();
}

}  // namespace wsc::engine
