#include <gtest/gtest.h>

#include <sstream>

#include "synthetic.hpp"
#include "temp_dir.hpp"
#include "wsc/report/baseline.hpp"

namespace wsc::report {

namespace {

using testing::run_of;
using testing::verdict;

baseline accepting(std::initializer_list<std::tuple<std::string, std::string, baseline_entry>> list) {
    baseline b;
    for (const auto& [agent, id, e] : list) b.agents[agent][id] = e;
    return b;
}

}  // namespace

TEST(Baseline, MatchingResultsPass) {
    const auto results = run_of({verdict("S", "1.1.1", "OK", "OK"), verdict("S", "6.4.3", "FAILED", "UNCLEAN")});
    const auto b = accepting({{"S", "6.4.3", {"FAILED", "UNCLEAN", "we fail late by design"}}});
    const gate_result g = compare(results, b, {});
    EXPECT_TRUE(g.ok());
    EXPECT_EQ(g.checked, 2u);
    EXPECT_EQ(g.passed, 1u);
    EXPECT_EQ(g.accepted, 1u);
    EXPECT_TRUE(g.improvements.empty());
}

TEST(Baseline, NewFailureAndWorseVerdictAreRegressions) {
    const auto results = run_of({verdict("S", "2.5", "OK", "FAILED"), verdict("S", "3.2", "FAILED", "OK"),
                                 verdict("T", "3.2", "FAILED", "OK")});
    const auto b = accepting({{"S", "3.2", {"NON-STRICT", "OK", "late fail"}}});
    const gate_result g = compare(results, b, {});
    ASSERT_EQ(g.regressions.size(), 3u);
    EXPECT_EQ(g.regressions[0].id, "2.5");
    EXPECT_NE(g.regressions[0].why.find("not in the baseline"), std::string::npos);
    EXPECT_EQ(g.regressions[1].id, "3.2");
    EXPECT_NE(g.regressions[1].why.find("worse"), std::string::npos);
    EXPECT_EQ(g.regressions[2].agent, "T") << "baselines are per agent";
    std::ostringstream text;
    print(g, text);
    EXPECT_NE(text.str().find("REGRESSION S 2.5: OK / FAILED"), std::string::npos) << text.str();
    EXPECT_NE(text.str().find("FAIL"), std::string::npos);
}

TEST(Baseline, BetterVerdictsAreImprovementsNotFailures) {
    const auto results = run_of({verdict("S", "6.4.1", "OK", "OK"), verdict("S", "7.9.1", "OK", "WRONG CODE")});
    const auto b = accepting({{"S", "6.4.1", {"NON-STRICT", "OK", "x"}}, {"S", "7.9.1", {"FAILED", "WRONG CODE", "y"}},
                              {"S", "9.1.1", {"FAILED", "FAILED", "slow"}}});
    const gate_result g = compare(results, b, pass_policy::strict());
    EXPECT_TRUE(g.ok());
    ASSERT_EQ(g.improvements.size(), 2u);
    ASSERT_EQ(g.not_run.size(), 1u);
    EXPECT_EQ(g.not_run[0].id, "9.1.1");
}

TEST(Baseline, UpdateKeepsReasonsAddsTodoDropsPassesKeepsUncovered) {
    const auto results = run_of({verdict("S", "6.4.1", "OK", "OK"), verdict("S", "3.2", "NON-STRICT", "OK"),
                                 verdict("S", "2.5", "OK", "FAILED"), verdict("S", "7.9.1", "FAILED", "WRONG CODE")});
    const auto old = accepting({{"S", "6.4.1", {"NON-STRICT", "OK", "fixed now"}},
                                {"S", "7.9.1", {"OK", "WRONG CODE", "we answer 1000"}},
                                {"S", "9.1.1", {"FAILED", "FAILED", "not run here"}}});
    const baseline b = updated(results, old, pass_policy::strict());
    EXPECT_EQ(b.find("S", "6.4.1"), nullptr);
    ASSERT_NE(b.find("S", "3.2"), nullptr);
    EXPECT_EQ(b.find("S", "3.2")->reason, baseline_todo_reason);
    EXPECT_EQ(b.find("S", "2.5")->behavior_close, "FAILED");
    EXPECT_EQ(*b.find("S", "7.9.1"), (baseline_entry{"FAILED", "WRONG CODE", "we answer 1000"}));
    EXPECT_EQ(b.find("S", "9.1.1")->reason, "not run here");
    ASSERT_TRUE(b.policy);
    EXPECT_EQ(*b.policy, pass_policy::strict());
    EXPECT_TRUE(compare(results, b, *b.policy).ok()) << "an updated baseline accepts its own run";
}

TEST(Baseline, FileRoundTripIsStableAndTupleOrdered) {
    testing::temp_dir dir;
    baseline b = accepting({{"S", "10.1.1", {"FAILED", "OK", "a"}}, {"S", "9.1.1", {"FAILED", "OK", "b <\xFF>"}}});
    b.policy = pass_policy{};
    b.save(dir / "baseline.json");
    const std::string text = testing::read_file(dir / "baseline.json");
    EXPECT_LT(text.find("\"9.1.1\""), text.find("\"10.1.1\""));
    EXPECT_EQ(text.find("\"format\": \"wsconform-baseline/1\""), 4u);
    const baseline back = baseline::load(dir / "baseline.json");
    EXPECT_EQ(back.dump(), text);
    EXPECT_EQ(back.find("S", "9.1.1")->reason, "b <\xEF\xBF\xBD>");
}

TEST(Baseline, ReadsAnAutobahnIndexAsABaseline) {
    const nlohmann::json index = {
        {"UnknownServer",
         {{"1.1.1", {{"behavior", "OK"}, {"behaviorClose", "OK"}, {"duration", 2}}},
          {"6.4.3", {{"behavior", "NON-STRICT"}, {"behaviorClose", "OK"}}},
          {"7.9.1", {{"behavior", "FAILED"}, {"behaviorClose", "WRONG CODE"}}}}}};
    const baseline b = baseline::from_json(index, pass_policy::strict());
    EXPECT_EQ(b.size(), 2u);
    EXPECT_EQ(b.find("UnknownServer", "6.4.3")->reason, "imported from index.json");
}

TEST(Baseline, RejectsMalformedFiles) {
    testing::temp_dir dir;
    EXPECT_THROW(baseline::load(dir / "absent.json"), baseline_error);
    testing::write_file(dir / "bad.json", "{not json");
    EXPECT_THROW(baseline::load(dir / "bad.json"), baseline_error);
    EXPECT_THROW(baseline::from_json({{"format", "other/2"}}), baseline_error);
    EXPECT_THROW(baseline::from_json({{"format", baseline_format}, {"agents", {{"S", {{"1.1.1", {{"behavior", "PASS"}, {"behaviorClose", "OK"}}}}}}}}),
                 baseline_error);
    EXPECT_THROW(baseline::from_json({{"format", baseline_format}, {"agents", {{"S", {{"1.1.1", {{"behavior", "OK"}}}}}}}}),
                 baseline_error);
    EXPECT_THROW(baseline::from_json(nlohmann::json::array()), baseline_error);
    EXPECT_NO_THROW(baseline::from_json({{"format", baseline_format}}));
}

}  // namespace wsc::report
