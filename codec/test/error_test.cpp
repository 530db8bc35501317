#include <set>
#include <string>

#include <gtest/gtest.h>

#include "wsc/error.hpp"

namespace {

using wsc::error;

TEST(error_table, every_enumerator_has_a_row_whose_name_round_trips) {
    std::set<std::string> names;
    for (int i = 0; i < wsc::error_count; ++i) {
        const auto e = static_cast<error>(i);
        const auto& info = wsc::describe(e);
        ASSERT_FALSE(info.name.empty()) << i;
        EXPECT_TRUE(names.insert(std::string(info.name)).second) << "duplicate name " << info.name;
        error back = error::none;
        ASSERT_TRUE(wsc::error_from_name(info.name, back)) << info.name;
        EXPECT_EQ(back, e) << info.name;
        EXPECT_FALSE(info.text.empty()) << info.name;
        if (e != error::none) {
            EXPECT_FALSE(info.section.empty()) << info.name;
        }
    }
}

TEST(error_table, unknown_name_is_not_found) {
    error e = error::invalid_utf8;
    EXPECT_FALSE(wsc::error_from_name("no_such_error", e));
    EXPECT_EQ(e, error::invalid_utf8);
}

TEST(error_table, close_codes_follow_rfc6455_7_4_1) {
    EXPECT_EQ(wsc::close_code_for(error::reserved_opcode), 1002);
    EXPECT_EQ(wsc::close_code_for(error::unmasked_client_frame), 1002);
    EXPECT_EQ(wsc::close_code_for(error::invalid_close_code), 1002);
    EXPECT_EQ(wsc::close_code_for(error::invalid_utf8), 1007);
    EXPECT_EQ(wsc::close_code_for(error::invalid_close_reason), 1007);
    EXPECT_EQ(wsc::close_code_for(error::message_too_big), 1009);
    EXPECT_EQ(wsc::close_code_for(error::frame_too_big), 1009);
    EXPECT_EQ(wsc::close_code_for(error::decompression_too_big), 1009);
    EXPECT_EQ(wsc::close_code_for(error::inflate_failed), 1002);
    // No close frame can be sent before the connection exists, nor after TCP is gone.
    EXPECT_EQ(wsc::close_code_for(error::bad_key), 0);
    EXPECT_EQ(wsc::close_code_for(error::bad_accept), 0);
    EXPECT_EQ(wsc::close_code_for(error::unexpected_eof), 0);
}

TEST(error_table, server_handshake_errors_carry_http_status) {
    EXPECT_EQ(wsc::describe(error::bad_version).http_status, 426);
    EXPECT_EQ(wsc::describe(error::origin_rejected).http_status, 403);
    EXPECT_EQ(wsc::describe(error::handshake_too_large).http_status, 431);
    EXPECT_EQ(wsc::describe(error::bad_method).http_status, 400);
    EXPECT_EQ(wsc::describe(error::missing_upgrade).http_status, 400);
    EXPECT_EQ(wsc::describe(error::bad_status).http_status, 0);
    EXPECT_EQ(wsc::describe(error::invalid_utf8).http_status, 0);
    for (int i = static_cast<int>(error::handshake_malformed); i <= static_cast<int>(error::bad_extension_offer); ++i)
        EXPECT_NE(wsc::describe(static_cast<error>(i)).http_status, 0) << i;
}

TEST(error_table, name_of_spells_the_enumerator) {
    EXPECT_EQ(wsc::name_of(error::fragmented_control_frame), "fragmented_control_frame");
    EXPECT_EQ(wsc::name_of(error::unexpected_eof), "unexpected_eof");
}

}  // namespace
