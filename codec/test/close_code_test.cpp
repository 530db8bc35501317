#include <gtest/gtest.h>

#include "wsc/close_code.hpp"

namespace {

TEST(close_code, codes_defined_by_rfc6455_7_4_1_may_be_sent) {
    for (std::uint32_t c : {1000u, 1001u, 1002u, 1003u, 1007u, 1008u, 1009u, 1010u, 1011u})
        EXPECT_TRUE(wsc::is_valid_close_code(c)) << c;
}

TEST(close_code, iana_registered_1012_to_1014_are_accepted) {
    for (std::uint32_t c : {1012u, 1013u, 1014u}) EXPECT_TRUE(wsc::is_valid_close_code(c)) << c;
}

TEST(close_code, reserved_and_never_sent_codes_are_refused) {
    // 1004 reserved; 1005, 1006 and 1015 MUST NOT be set in a close frame.
    for (std::uint32_t c : {1004u, 1005u, 1006u, 1015u}) EXPECT_FALSE(wsc::is_valid_close_code(c)) << c;
}

TEST(close_code, ranges_of_rfc6455_7_4_2) {
    for (std::uint32_t c = 0; c < 1000; ++c) EXPECT_FALSE(wsc::is_valid_close_code(c)) << c;
    for (std::uint32_t c = 1016; c < 3000; ++c) EXPECT_FALSE(wsc::is_valid_close_code(c)) << c;
    for (std::uint32_t c = 3000; c < 5000; ++c) EXPECT_TRUE(wsc::is_valid_close_code(c)) << c;
    for (std::uint32_t c : {5000u, 65535u, 65536u, 0xFFFFFFFFu}) EXPECT_FALSE(wsc::is_valid_close_code(c)) << c;
}

}  // namespace
