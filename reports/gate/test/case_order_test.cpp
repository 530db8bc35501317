#include <gtest/gtest.h>

#include <algorithm>

#include "wsc/report/case_order.hpp"

namespace wsc::report {

TEST(CaseOrder, IdsCompareAsIntegerTuples) {
    std::vector<std::string> ids{"9.1.1", "10.1.1", "6.10.1", "6.9.1", "7.13.1", "7.9.9", "1.1.1", "12.1.10", "12.1.2", "0.1.1", "2.1"};
    std::sort(ids.begin(), ids.end(), case_id_order{});
    EXPECT_EQ(ids, (std::vector<std::string>{"0.1.1", "1.1.1", "2.1", "6.9.1", "6.10.1", "7.9.9", "7.13.1", "9.1.1",
                                             "10.1.1", "12.1.2", "12.1.10"}));
    EXPECT_TRUE(case_id_less("2", "2.1"));
    EXPECT_TRUE(case_id_less("2.1", "x.1"));  // numbers before words
    EXPECT_FALSE(case_id_less("3.1", "3.1"));
}

TEST(CaseOrder, SectionsTitlesAndRfcLinks) {
    EXPECT_EQ(case_section("6.4.3"), "6");
    EXPECT_EQ(case_subsection("6.4.3"), "6.4");
    EXPECT_EQ(case_subsection("2.3"), "");
    EXPECT_EQ(section_title("6"), "UTF-8 Handling");
    EXPECT_EQ(section_title("0"), "Opening Handshake");
    EXPECT_EQ(section_title("99"), "");
    EXPECT_EQ(default_rfc_ref("7.9.1").url(), "https://www.rfc-editor.org/rfc/rfc6455#section-7.4.1");
    EXPECT_EQ(default_rfc_ref("13.1.1").rfc, "rfc7692");
    const auto ref = parse_rfc_label("RFC 6455 \xC2\xA7" "5.5.1");
    ASSERT_TRUE(ref);
    EXPECT_EQ(ref->url(), "https://www.rfc-editor.org/rfc/rfc6455#section-5.5.1");
    EXPECT_EQ(parse_rfc_label("RFC 7692 \xC2\xA7" "7.2.2")->rfc, "rfc7692");
    EXPECT_FALSE(parse_rfc_label("see the spec"));
}

}  // namespace wsc::report
