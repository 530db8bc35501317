#include <gtest/gtest.h>

#include "synthetic.hpp"
#include "wsc/report/junit.hpp"

namespace wsc::report::junit {

namespace {

std::size_t count(const std::string& hay, const std::string& needle) {
    std::size_t n = 0;
    for (auto p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
    return n;
}

case_result one(const char* id, const char* b, const char* bc) {
    case_result r;
    r.agent = "AutobahnPython/0.10.9";
    r.id = id;
    r.description = "Send a <b>ping</b>.";
    r.behavior = b;
    r.behavior_close = bc;
    r.duration_ms = 1234;
    r.result = "Actual events differ from any expected.";
    r.expected["OK"] = {{"pong", "ping", false}};
    r.received = {};
    r.close.remote_close_code = 1002;
    return r;
}

}  // namespace

TEST(JUnit, OneTestcasePerCaseGroupedByAgentAndSection) {
    result_set s;
    for (auto r : {one("2.2", "OK", "OK"), one("2.3", "FAILED", "OK"), one("12.1.1", "UNIMPLEMENTED", "OK"),
                   one("6.4.3", "NON-STRICT", "OK")})
        s[r.agent][r.id] = r;
    options o;
    o.case_ids = {"2.2", "2.3", "2.4"};
    const std::string xml = render(s, o);
    EXPECT_EQ(xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites ", 0), 0u);
    EXPECT_NE(xml.find("<testsuites name=\"wsconform\" tests=\"5\" failures=\"1\" errors=\"1\" skipped=\"1\""),
              std::string::npos) << xml;
    EXPECT_EQ(count(xml, "<testsuite "), 1u);
    EXPECT_EQ(count(xml, "<testcase "), 5u);
    EXPECT_NE(xml.find("classname=\"wsconform.AutobahnPython_0_10_9.2_Pings_Pongs\" name=\"2.2 Send a ping.\" "
                       "time=\"1.234\"/>"),
              std::string::npos) << xml;
    EXPECT_NE(xml.find("classname=\"wsconform.AutobahnPython_0_10_9.6_UTF-8_Handling\""), std::string::npos);
    EXPECT_NE(xml.find("<failure message=\"behavior FAILED, close OK (pass: behavior in {"), std::string::npos);
    EXPECT_NE(xml.find("expected OK: [pong(ping)]&#10;observed: []"), std::string::npos) << xml;
    EXPECT_NE(xml.find("peer close code: 1002"), std::string::npos);
    EXPECT_NE(xml.find("<skipped message=\"UNIMPLEMENTED: "), std::string::npos);
    // A selected case without a result is an error: the run is incomplete (exit 4).
    EXPECT_NE(xml.find("<error message=\"Missing: no result for this case\" type=\"missing\">"), std::string::npos);
}

// With what each agent owed: an agent with no result at all still gets its suite
// of errors, and a case it did not owe (exclude-agent-cases) is skipped, not an error.
TEST(JUnit, MissingCasesAreErrorsPerAgentAndExcludedOnesAreSkipped) {
    result_set s;
    auto r = one("2.2", "OK", "OK");
    s[r.agent][r.id] = r;
    const expected_cases owed{{r.agent, {"2.2", "2.3"}}, {"Silent", {"2.2", "2.3", "2.4"}}};
    options o;
    o.case_ids = {"2.2", "2.3", "2.4"};
    o.expected = &owed;
    const std::string xml = render(s, o);
    EXPECT_EQ(count(xml, "<testsuite "), 2u) << xml;
    EXPECT_NE(xml.find("<testsuites name=\"wsconform\" tests=\"6\" failures=\"0\" errors=\"4\" skipped=\"1\""),
              std::string::npos) << xml;
    EXPECT_NE(xml.find("<testsuite name=\"wsconform.Silent\" tests=\"3\" failures=\"0\" errors=\"3\""),
              std::string::npos) << xml;
    EXPECT_EQ(count(xml, "exclude-agent-cases"), 1u) << xml;
}

TEST(JUnit, BaselineAcceptedCasesAreSkippedWithTheReason) {
    result_set s;
    auto r = one("2.3", "FAILED", "OK");
    s[r.agent][r.id] = r;
    baseline b;
    b.agents[r.agent]["2.3"] = {"FAILED", "OK", "pongs carry a fixed payload <by design>"};
    options o;
    o.accepted = &b;
    const std::string xml = render(s, o);
    EXPECT_EQ(count(xml, "<failure"), 0u);
    EXPECT_NE(xml.find("accepted by the baseline (FAILED / OK): pongs carry a fixed payload &lt;by design&gt;"),
              std::string::npos) << xml;
}

TEST(JUnit, StrictPolicyFailsNonStrict) {
    result_set s;
    auto r = one("6.4.3", "NON-STRICT", "OK");
    s[r.agent][r.id] = r;
    options o;
    o.policy = pass_policy::strict();
    EXPECT_EQ(count(render(s, o), "<failure "), 1u);
}

TEST(JUnit, EscapesEverythingAPeerSends) {
    testing::synthetic_options o;
    o.hostile = true;
    o.hostile_ids = true;
    const std::string xml = render(testing::synthetic_results(o));
    for (const auto& h : testing::hostile_strings()) {
        if (h.find('<') != std::string::npos) {
            EXPECT_EQ(xml.find(h), std::string::npos) << h;
        }
    }
    EXPECT_EQ(xml.find('\x01'), std::string::npos);
    EXPECT_EQ(xml.find('\x1b'), std::string::npos);
    EXPECT_EQ(xml.find('\xFF'), std::string::npos);
    EXPECT_EQ(xml_escape("a\"b'c<d>e&f\ng"), "a&quot;b&apos;c&lt;d&gt;e&amp;f&#10;g");
    EXPECT_EQ(xml_escape("\xEF\xBF\xBE"), "\xEF\xBF\xBD");
}

}  // namespace wsc::report::junit
