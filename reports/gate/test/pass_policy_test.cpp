#include <gtest/gtest.h>

#include "wsc/report/pass_policy.hpp"

namespace wsc::report {

TEST(PassPolicy, DefaultAcceptsNonStrictInformationalAndUnimplemented) {
    const pass_policy p;
    EXPECT_TRUE(p.passes("OK", "OK"));
    EXPECT_TRUE(p.passes("NON-STRICT", "OK"));
    EXPECT_TRUE(p.passes("INFORMATIONAL", "INFORMATIONAL"));
    EXPECT_TRUE(p.passes("UNIMPLEMENTED", "OK"));
    EXPECT_FALSE(p.passes("OK", "FAILED"));  // a silent peer in a must-fail case
    EXPECT_FALSE(p.passes("OK", "WRONG CODE"));
    EXPECT_FALSE(p.passes("FAILED", "OK"));
}

TEST(PassPolicy, StrictIsAiohttpsRule) {
    const pass_policy p = pass_policy::parse("strict");
    EXPECT_TRUE(p.passes("OK", "INFORMATIONAL"));
    EXPECT_FALSE(p.passes("NON-STRICT", "OK"));
    EXPECT_FALSE(p.passes("UNIMPLEMENTED", "OK"));
}

TEST(PassPolicy, ExplicitSetsParseAndRoundTrip) {
    const pass_policy p = pass_policy::parse("behavior=OK, NON-STRICT ; close=OK,FAILED BY CLIENT");
    EXPECT_TRUE(p.passes("NON-STRICT", "FAILED BY CLIENT"));
    EXPECT_FALSE(p.passes("INFORMATIONAL", "OK"));
    EXPECT_EQ(pass_policy::parse(p.to_string()), p);
    EXPECT_EQ(pass_policy::from_json(p.to_json()), p);
    // Leaving a half out keeps its default.
    EXPECT_EQ(pass_policy::parse("close=OK").behavior, pass_policy{}.behavior);
    EXPECT_EQ(pass_policy::parse("default"), pass_policy{});
}

TEST(PassPolicy, RejectsUnknownVerdictsAndKeys) {
    EXPECT_THROW(pass_policy::parse("behavior=PASS"), std::invalid_argument);
    EXPECT_THROW(pass_policy::parse("close=NON-STRICT"), std::invalid_argument);
    EXPECT_THROW(pass_policy::parse("verdict=OK"), std::invalid_argument);
    EXPECT_THROW(pass_policy::parse("lenient"), std::invalid_argument);
    EXPECT_THROW(pass_policy::from_json({{"behavior", "OK"}}), std::invalid_argument);
}

TEST(PassPolicy, SeverityOrdersVerdicts) {
    EXPECT_LT(behavior_severity("OK"), behavior_severity("NON-STRICT"));
    EXPECT_LT(behavior_severity("NON-STRICT"), behavior_severity("FAILED"));
    EXPECT_LT(behavior_severity("FAILED"), behavior_severity("whatever"));
    EXPECT_LT(close_severity("OK"), close_severity("WRONG CODE"));
    EXPECT_LT(close_severity("WRONG CODE"), close_severity("UNCLEAN"));
    EXPECT_LT(close_severity("UNCLEAN"), close_severity("FAILED"));
}

}  // namespace wsc::report
