// Turning the session's observations into the case's verdicts once TCP is gone
// (catalogue.md §3.3), with the per-kind rules of step 3.
#include <algorithm>

#include "session_impl.hpp"

namespace wsc::engine {

namespace {

close_rule rule_of(const catalogue::Case& c) {
    close_rule r;
    if (c.expected_close) {
        r.closed_by_me = c.expected_close->closed_by_me;
        r.codes = c.expected_close->codes;
        r.require_clean = c.expected_close->require_clean;
        r.wrong_endpoint_fatal = c.expected_close->wrong_endpoint_fatal;
    }
    return r;
}

// Whether `part` occurs in `all` in order (not necessarily adjacent).
bool subsequence(const std::vector<event_print>& part, const std::vector<event_print>& all) {
    auto it = all.begin();
    for (const auto& p : part) {
        it = std::find(it, all.end(), p);
        if (it == all.end()) return false;
        ++it;
    }
    return true;
}

}  // namespace

void session::impl::conclude() {
    publish_counts();
    const bool opened = opened_at.has_value();
    if (!verdict_fixed) {
        const close_rule rule = rule_of(tc);
        verdict v;
        const bool judges_itself = tc.kind == catalogue::Kind::bulk_echo || tc.kind == catalogue::Kind::roundtrip ||
                                   tc.kind == catalogue::Kind::compression;
        if (judges_itself) {
            v.behavior = opened ? res.behavior : report::behavior::failed;
            v.result = res.result;
            judge_close(rule, res.close, opened, v);
        } else {
            v = derive_verdict(expected_prints, observed, rule, res.close, opened);
        }
        if (!opened && res.result != text::events_differ) v.result = res.result;  // why the handshake failed

        if (tc.kind == catalogue::Kind::close_wrong_code_fails) apply_wrong_code_fails(v);
        if (tc.kind == catalogue::Kind::frame_count && opened) {
            // 10.1.1: the fuzzer's own frame counts prove the fragmentation really happened.
            for (const auto& [op, want] : tc.expect_tx_frames) {
                const auto it = res.tx_frame_stats.find(std::to_string(op));
                const std::uint64_t got = it == res.tx_frame_stats.end() ? 0 : it->second;
                if (got != static_cast<std::uint64_t>(want)) {
                    v.behavior = report::behavior::failed;
                    v.result = "Sent " + std::to_string(got) + " frames with opcode " + std::to_string(op) +
                               ", expected " + std::to_string(want) + ".";
                }
            }
        }
        res.behavior = v.behavior;
        res.result = v.result;
        res.behavior_close = v.behavior_close;
        res.result_close = v.result_close;
    }
    if (tc.kind == catalogue::Kind::informational || tc.level == catalogue::Level::info) {
        verdict v;
        std::string why;
        const auto* ok = catalogue::find_outcome(tc.expected, "OK");
        if (ok && !expected_prints.empty()) {
            why = subsequence(expected_prints.front().second, observed)
                      ? "Informational: every event of the OK list was observed"
                      : "Informational: not every event of the OK list was observed";
            why += " (" + std::to_string(observed.size()) + " events received).";
        } else {
            why = "Informational: " + res.result;
        }
        apply_informational(v, why);
        res.behavior = v.behavior;
        res.result = v.result;
        res.behavior_close = v.behavior_close;
    }
    if (observed_dropped)
        res.note += (res.note.empty() ? "" : "; ") + std::to_string(observed_dropped) + " events beyond the first " +
                    std::to_string(observed.size() - 1) + " were not kept";
    if (wirelog_dropped)
        res.note += (res.note.empty() ? "" : "; ") + std::string("wire log truncated: ") +
                    std::to_string(wirelog_dropped) + " rows dropped";
}

}  // namespace wsc::engine
