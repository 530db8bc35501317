// catalogue.md §3.3: how Autobahn turns observations into behavior / behaviorClose.
#include "wsc/engine/verdict.hpp"

#include <algorithm>

#include <openssl/sha.h>

namespace wsc::engine {

namespace {

event_print print_bytes(const char* kind, std::string_view data, bool binary) {
    event_print p;
    p.kind = kind;
    p.binary = binary;
    p.size = data.size();
    SHA1(reinterpret_cast<const unsigned char*>(data.data()), data.size(), p.sha1.data());
    return p;
}

std::string join_codes(const std::vector<int>& codes) {
    std::string s;
    for (std::size_t i = 0; i < codes.size(); ++i) s += (i ? "," : "") + std::to_string(codes[i]);
    return s;
}

}  // namespace

event_print print_message(std::string_view data, bool binary) { return print_bytes("message", data, binary); }
event_print print_pong(std::string_view data) { return print_bytes("pong", data, false); }

event_print print_timeout(std::string_view tag) {
    event_print p;
    p.kind = "timeout";
    p.tag = std::string(tag);
    return p;
}

event_print print_of(const report::observed_event& e) {
    if (e.kind == "timeout") return print_timeout(e.data);
    if (e.kind == "pong") return print_pong(e.data);
    return print_message(e.data, e.binary);
}

std::optional<std::string> matching_label(const outcome_list& expected, const std::vector<event_print>& observed) {
    for (const auto& [label, events] : expected)
        if (events == observed) return label;
    return std::nullopt;
}

bool matches_all(const outcome_list& expected, const std::vector<event_print>& observed) {
    return !expected.empty() &&
           std::all_of(expected.begin(), expected.end(), [&](const auto& e) { return e.second == observed; });
}

void judge_close(const close_rule& rule, const report::close_facts& facts, bool opened, verdict& v) {
    v.wrong_endpoint = false;
    if (!opened) {
        v.behavior_close = report::behavior::failed;
        v.result_close = text::never_opened;
        return;
    }
    // (a) the close was started by the side the case did not expect
    if (rule.closed_by_me != facts.closed_by_me) {
        v.wrong_endpoint = true;
        v.behavior_close = report::behavior::failed;
        v.result_close = text::wrong_endpoint;
    // (b) a clean close was required
    } else if (rule.require_clean && !facts.was_clean) {
        v.behavior_close = report::behavior::unclean;
        v.result_close = text::unclean;
    // (c) the peer's close code; a close without a code always passes
    } else if (facts.remote_close_code &&
               std::find(rule.codes.begin(), rule.codes.end(), *facts.remote_close_code) == rule.codes.end()) {
        v.behavior_close = report::behavior::wrong_code;
        v.result_close = "The close code should have been " + join_codes(rule.codes) + " or empty";
    // (d) RFC 6455 §7.1.1: the server should close TCP first
    } else if (!facts.is_server && facts.dropped_by_me) {
        v.behavior_close = report::behavior::failed_by_client;
        v.result_close = text::client_dropped;
    } else {
        v.behavior_close = report::behavior::ok;
        v.result_close = text::close_ok;
    }
}

verdict derive_verdict(const outcome_list& expected, const std::vector<event_print>& observed, const close_rule& rule,
                       const report::close_facts& facts, bool opened) {
    verdict v;
    if (auto label = matching_label(expected, observed)) {
        v.behavior = *label;
        v.result = text::events_match;
    } else {
        v.behavior = report::behavior::failed;
        v.result = text::events_differ;
    }
    judge_close(rule, facts, opened, v);
    if (rule.wrong_endpoint_fatal && v.wrong_endpoint) {
        v.behavior = report::behavior::failed;
        v.result = v.result_close;
    }
    if (!opened) v.behavior = report::behavior::failed;
    return v;
}

void apply_wrong_code_fails(verdict& v) {
    if (v.behavior_close == report::behavior::wrong_code) {
        v.behavior = report::behavior::failed;
        v.result = v.result_close;
    }
}

void apply_informational(verdict& v, std::string why) {
    v.behavior = report::behavior::informational;
    v.behavior_close = report::behavior::informational;
    v.result = std::move(why);
}

}  // namespace wsc::engine
