// Report file names, case IDs and payload materialisation.

#include <gtest/gtest.h>

#include "test_support.hpp"
#include "wsc/catalogue/report_names.hpp"

namespace wsc::catalogue::test {
namespace {

TEST(ReportNames, SanitiseLikeAutobahn) {
    EXPECT_EQ(report_file_name("AutobahnPython/0.10.9", "1.1.1"), "autobahnpython_0_10_9_case_1_1_1.json");
    EXPECT_EQ(report_file_name("UnknownServer", "3.2"), "unknownserver_case_3_2.json");
    EXPECT_EQ(report_file_name("UnknownServer", "3.2", "html"), "unknownserver_case_3_2.html");
    EXPECT_EQ(sanitize_agent("  My--Agent  "), "my__agent");  // runs are kept, ends trimmed
    EXPECT_EQ(sanitize_agent("\xc3\x9cn\xc3\xaf" "code ok"), "n__code_ok");  // per byte, so a 2-byte letter gives "__"
}

TEST(ReportNames, MatchFixtureIndex) {
    for (const Case* c : catalogue().autobahn()) {
        const std::string name = report_file_name("UnknownServer", c->id.str());
        EXPECT_EQ(name.rfind("unknownserver_case_", 0), 0u);
        EXPECT_EQ(name.find('.'), name.size() - 5);
    }
}

TEST(CaseIds, ParseAndPrint) {
    EXPECT_EQ(CaseId::parse("13.7.18").str(), "13.7.18");
    EXPECT_EQ(CaseId::parse("7.13.2").subsection(), "7.13");
    EXPECT_FALSE(CaseId::try_parse("7"));
    EXPECT_FALSE(CaseId::try_parse("7..1"));
    EXPECT_FALSE(CaseId::try_parse("07.1"));
    EXPECT_FALSE(CaseId::try_parse("7.1a"));
    EXPECT_FALSE(CaseId::try_parse(""));
    EXPECT_THROW(CaseId::parse("x"), std::invalid_argument);
    EXPECT_TRUE(CaseId::parse("0.1.1").is_handshake());
}

TEST(Payloads, Materialise) {
    EXPECT_EQ(bytes(text_payload("Hi")), (Bytes{'H', 'i'}));
    EXPECT_EQ(bytes(hex_payload("00FFfe")), (Bytes{0x00, 0xff, 0xfe}));
    EXPECT_EQ(bytes(repeat_payload({'a', 'b', 'c'}, 7)), (Bytes{'a', 'b', 'c', 'a', 'b', 'c', 'a'}));
    EXPECT_EQ(bytes(repeat_payload({'a', 'b', 'c'}, 2)), (Bytes{'a', 'b'}));
    EXPECT_TRUE(bytes(repeat_payload({'a'}, 0)).empty());
    EXPECT_EQ(bytes(fill_payload(0x2a, 3)), (Bytes{'*', '*', '*'}));
    EXPECT_EQ(fill_payload(0x2a, 16u << 20).size(), 16u << 20);  // size without materialising
    EXPECT_THROW(hex_payload("0"), std::invalid_argument);
    EXPECT_THROW(repeat_payload({}, 3), std::invalid_argument);
    EXPECT_EQ(hex_encode({0xde, 0xad}), "dead");
}

TEST(Payloads, StringFormHasTheSameOctets) {
    for (const Payload& p : {text_payload("Hi"), hex_payload("00fffe"), repeat_payload({'a', 'b', 'c'}, 7),
                             repeat_payload({0x00, 0xfe, 0x23, 0xfa, 0xf0}, 65536 + 3), fill_payload(0xfe, 1000),
                             repeat_payload({'a'}, 0)}) {
        const Bytes b = bytes(p);
        EXPECT_EQ(bytes_string(p), std::string(b.begin(), b.end()));
    }
}

TEST(Steps, NamesMatchJsonKeys) {
    EXPECT_EQ(step_name(Step{SendFrame{}}), "send_frame");
    EXPECT_EQ(step_name(Step{ContinueLater{}}), "continue_later");
    EXPECT_EQ(step_name(Step{SendRawResponse{}}), "send_raw_response");
    EXPECT_EQ(to_string(Kind::close_wrong_code_fails), "close-wrong-code-fails");
}

}  // namespace
}  // namespace wsc::catalogue::test
