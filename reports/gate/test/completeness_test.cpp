// What a run owed, what it is missing, and how the gate says so (completeness.hpp,
// baseline.hpp print, exit_policy.hpp).
#include <gtest/gtest.h>

#include <sstream>

#include "synthetic.hpp"
#include "temp_dir.hpp"
#include "wsc/report/baseline.hpp"
#include "wsc/report/completeness.hpp"
#include "wsc/report/exit_policy.hpp"

namespace wsc::report {

namespace {

using testing::run_of;
using testing::verdict;

std::string printed(const gate_result& g, const print_options& how = {}) {
    std::ostringstream out;
    print(g, out, how);
    return out.str();
}

}  // namespace

TEST(Completeness, MissingIsPerAgentInTupleOrder) {
    const auto results = run_of({verdict("A", "1.1.1", "OK", "OK"), verdict("B", "1.1.2", "OK", "OK")});
    const expected_cases owed{{"A", {"10.1.1", "1.1.1", "2.1"}}, {"B", {"1.1.2"}}, {"C", {"1.1.1"}}};
    const auto m = find_missing(results, owed);
    ASSERT_EQ(m.size(), 2u);
    EXPECT_EQ(m[0].agent, "A");
    EXPECT_EQ(m[0].ids, (std::vector<std::string>{"2.1", "10.1.1"}));
    EXPECT_EQ(m[0].expected, 3u);
    EXPECT_EQ(m[1].agent, "C") << "an agent with no result at all owes everything";
    EXPECT_TRUE(find_missing(results, {}).empty());
}

TEST(Completeness, ShardsOweTogetherWhatEachOwed) {
    expected_cases all{{"A", {"1.1.1", "1.1.3"}}};
    merge_expected(all, {{"A", {"1.1.2", "1.1.3"}}, {"B", {"2.1"}}});
    EXPECT_EQ(all.at("A"), (std::vector<std::string>{"1.1.1", "1.1.2", "1.1.3"}));
    EXPECT_EQ(all.at("B"), (std::vector<std::string>{"2.1"}));
}

TEST(Completeness, SelectionFileRoundTripsAndABrokenOneIsAnError) {
    testing::temp_dir tmp;
    EXPECT_FALSE(load_expected(tmp.path()).has_value()) << "no file: nothing known to be missing";
    const expected_cases owed{{"A \"quoted\"", {"2.1", "1.1.1"}}};
    save_expected(tmp.path(), owed);
    const auto back = load_expected(tmp.path());
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(back->at("A \"quoted\""), (std::vector<std::string>{"1.1.1", "2.1"}));
    testing::write_file(tmp / selection_file, R"({"format": "wsconform-selection/1", "agents": {"A": "1.1.1"}})");
    EXPECT_THROW(load_expected(tmp.path()), results_error);
    testing::write_file(tmp / selection_file, "{");
    EXPECT_THROW(load_expected(tmp.path()), results_error);
}

TEST(Completeness, MissingCasesMakeTheRunIncompleteUnlessAllowed) {
    const auto results = run_of({verdict("A", "1.1.1", "OK", "OK")});
    const expected_cases owed{{"A", {"1.1.1", "1.1.2"}}};
    gate_result g = compare(results, {}, {}, owed, false);
    EXPECT_EQ(g.missing_count(), 1u);
    EXPECT_FALSE(g.complete());
    EXPECT_EQ(exit_policy::of(g), exit_policy::incomplete);
    const std::string text = printed(g, {.baseline = false});
    EXPECT_NE(text.find("MISSING    A: 1 of 2 cases have no result: 1.1.2\n"), std::string::npos) << text;
    EXPECT_NE(text.find("gate: 1 results, 1 pass, 0 fail the pass policy, 1 missing - INCOMPLETE\n"),
              std::string::npos) << text;

    g = compare(results, {}, {}, owed, true);
    EXPECT_EQ(exit_policy::of(g), exit_policy::pass);
    EXPECT_NE(printed(g, {.baseline = false}).find("1 missing (allowed) - PASS"), std::string::npos);

    // Incomplete outranks a regression: what did not run could hide more.
    g = compare(run_of({verdict("A", "1.1.1", "FAILED", "OK")}), {}, {}, owed, false);
    EXPECT_EQ(exit_policy::of(g), exit_policy::incomplete);
}

TEST(Completeness, FailingCasesAreListedWithTheirReasonAndNamedRegressionsOnlyAgainstABaseline) {
    const auto results = run_of({verdict("S", "2.5", "FAILED", "OK", "Pong\nwas 126 bytes."),
                                 verdict("S", "2.6", "OK", "OK")});
    const gate_result g = compare(results, {}, {});
    const std::string plain = printed(g, {.baseline = false});
    EXPECT_NE(plain.find("FAIL       S 2.5: FAILED / OK - Pong was 126 bytes.\n"), std::string::npos) << plain;
    EXPECT_EQ(plain.find("REGRESSION"), std::string::npos);
    EXPECT_EQ(plain.find("more (see"), std::string::npos);
    EXPECT_NE(plain.find("1 fail the pass policy - FAIL"), std::string::npos) << plain;
    const std::string gated = printed(g, {.baseline = true});
    EXPECT_NE(gated.find("REGRESSION S 2.5: FAILED / OK - fails the pass policy and is not in the baseline: Pong "
                         "was 126 bytes."),
              std::string::npos) << gated;
}

TEST(Completeness, ARunThatDidNotFinishClaimsNoVerdict) {
    const auto results = run_of({verdict("S", "2.5", "OK", "OK")});
    const gate_result g = compare(results, {}, {}, {{"S", {"2.5", "2.6"}}}, false);
    const std::string text = printed(g, {.baseline = false, .not_gated = "the run was interrupted"});
    EXPECT_EQ(text.find("PASS"), std::string::npos) << text;
    EXPECT_EQ(text.find("INCOMPLETE"), std::string::npos) << text;
    EXPECT_NE(text.find("- NOT GATED: the run was interrupted\n"), std::string::npos) << text;
}

}  // namespace wsc::report
