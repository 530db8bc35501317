// catalogue.md §3.3, rule by rule, on hand-built observations.
#include <gtest/gtest.h>

#include "wsc/engine/verdict.hpp"

using namespace wsc;
using namespace wsc::engine;
namespace b = wsc::report::behavior;

namespace {

report::close_facts clean_close_by_fuzzer() {
    report::close_facts f;
    f.closed_by_me = true;
    f.was_clean = true;
    f.remote_close_code = 1000;
    return f;
}

close_rule fuzzer_closes() { return close_rule{true, {1000}, true, false}; }
close_rule peer_fails(int code = 1002, bool fatal = false) { return close_rule{false, {code}, false, fatal}; }

outcome_list echo_of(const std::string& text) { return {{"OK", {print_message(text, false)}}}; }

}  // namespace

TEST(EventPrints, CompareTypeLengthAndBytes) {
    EXPECT_EQ(print_message("abc", false), print_message("abc", false));
    EXPECT_NE(print_message("abc", false), print_message("abc", true));
    EXPECT_NE(print_message("abc", false), print_message("abd", false));
    EXPECT_NE(print_message("abc", false), print_pong("abc"));
    EXPECT_EQ(print_timeout("A"), print_of(report::observed_event{"timeout", "A", false}));
    EXPECT_NE(print_timeout("A"), print_timeout("B"));
}

TEST(Step1, ExactMatchGivesTheLabel) {
    const outcome_list expected = {{"OK", {print_message("HW", false)}}, {"NON-STRICT", {}}};
    EXPECT_EQ(matching_label(expected, {print_message("HW", false)}), "OK");
    EXPECT_EQ(matching_label(expected, {}), "NON-STRICT");
    EXPECT_FALSE(matching_label(expected, {print_message("HW", false), print_message("HW", false)}));
    // Order counts.
    const outcome_list ordered = {{"OK", {print_pong("p"), print_message("m", false)}}};
    EXPECT_FALSE(matching_label(ordered, {print_message("m", false), print_pong("p")}));
}

TEST(Step1, NoMatchIsFailed) {
    const auto v = derive_verdict(echo_of("x"), {print_message("y", false)}, fuzzer_closes(), clean_close_by_fuzzer(), true);
    EXPECT_EQ(v.behavior, b::failed);
    EXPECT_EQ(v.behavior_close, b::ok);
}

TEST(AutoClose, NeedsEveryAlternativeToMatch) {
    EXPECT_TRUE(matches_all(echo_of("x"), {print_message("x", false)}));
    const outcome_list two = {{"OK", {print_message("x", false)}}, {"NON-STRICT", {}}};
    EXPECT_FALSE(matches_all(two, {print_message("x", false)}));
    EXPECT_FALSE(matches_all({}, {}));
}

TEST(RuleA, WrongCloserFails) {
    report::close_facts f = clean_close_by_fuzzer();  // the fuzzer closed, e.g. after its kill timer
    const auto v = derive_verdict({{"OK", {}}}, {}, peer_fails(), f, true);
    EXPECT_EQ(v.behavior, b::ok);  // silent peer on a "peer must fail" case: OK / FAILED
    EXPECT_EQ(v.behavior_close, b::failed);
    EXPECT_TRUE(v.wrong_endpoint);
}

TEST(RuleA, WrongEndpointFatalFailsTheMainVerdictToo) {
    const auto v = derive_verdict({{"OK", {}}}, {}, peer_fails(1007, true), clean_close_by_fuzzer(), true);
    EXPECT_EQ(v.behavior, b::failed);
    EXPECT_EQ(v.behavior_close, b::failed);
}

TEST(RuleB, UncleanWhenCleanRequired) {
    report::close_facts f = clean_close_by_fuzzer();
    f.was_clean = false;
    const auto v = derive_verdict(echo_of("x"), {print_message("x", false)}, fuzzer_closes(), f, true);
    EXPECT_EQ(v.behavior, b::ok);
    EXPECT_EQ(v.behavior_close, b::unclean);
}

TEST(RuleB, PeerDropWithoutCloseIsFineWhenCleanIsNotRequired) {
    report::close_facts f;  // nothing exchanged, the peer dropped TCP
    const auto v = derive_verdict({{"OK", {}}}, {}, peer_fails(), f, true);
    EXPECT_EQ(v.behavior, b::ok);
    EXPECT_EQ(v.behavior_close, b::ok);
}

TEST(RuleC, CodeOutsideTheListIsWrongCode) {
    report::close_facts f = clean_close_by_fuzzer();
    f.remote_close_code = 1001;
    auto v = derive_verdict(echo_of("x"), {print_message("x", false)}, fuzzer_closes(), f, true);
    EXPECT_EQ(v.behavior_close, b::wrong_code);
    EXPECT_EQ(v.behavior, b::ok);
    apply_wrong_code_fails(v);  // the 7.x override
    EXPECT_EQ(v.behavior, b::failed);
    EXPECT_EQ(v.result, v.result_close);
}

TEST(RuleC, CloseWithoutCodeAlwaysPasses) {
    report::close_facts f = clean_close_by_fuzzer();
    f.remote_close_code.reset();
    const auto v = derive_verdict(echo_of("x"), {print_message("x", false)}, fuzzer_closes(), f, true);
    EXPECT_EQ(v.behavior_close, b::ok);
}

TEST(RuleD, ClientDroppingTcpIsFailedByClient) {
    report::close_facts f = clean_close_by_fuzzer();
    f.dropped_by_me = true;  // not clean-required here, so rule (b) does not fire first
    close_rule rule = fuzzer_closes();
    rule.require_clean = false;
    auto v = derive_verdict(echo_of("x"), {print_message("x", false)}, rule, f, true);
    EXPECT_EQ(v.behavior_close, b::failed_by_client);
    f.is_server = true;  // a fuzzing server is supposed to drop TCP first
    v = derive_verdict(echo_of("x"), {print_message("x", false)}, rule, f, true);
    EXPECT_EQ(v.behavior_close, b::ok);
}

TEST(RuleE, EverythingRightIsOk) {
    const auto v = derive_verdict(echo_of("x"), {print_message("x", false)}, fuzzer_closes(), clean_close_by_fuzzer(), true);
    EXPECT_EQ(v.behavior, b::ok);
    EXPECT_EQ(v.behavior_close, b::ok);
    EXPECT_EQ(v.result, text::events_match);
    EXPECT_EQ(v.result_close, text::close_ok);
}

TEST(NeverOpened, BothFail) {
    const auto v = derive_verdict({{"OK", {}}}, {}, fuzzer_closes(), {}, false);
    EXPECT_EQ(v.behavior, b::failed);
    EXPECT_EQ(v.behavior_close, b::failed);
    EXPECT_EQ(v.result_close, text::never_opened);
}

TEST(Overrides, InformationalReplacesBoth) {
    verdict v;
    v.behavior = b::failed;
    v.behavior_close = b::wrong_code;
    apply_informational(v, "why");
    EXPECT_EQ(v.behavior, b::informational);
    EXPECT_EQ(v.behavior_close, b::informational);
    EXPECT_EQ(v.result, "why");
}
