#include <gtest/gtest.h>

#include "wsc/report/text.hpp"

namespace wsc::report::text {

TEST(Text, ValidUtf8PassesThroughAndInvalidBytesBecomeReplacement) {
    EXPECT_EQ(valid_utf8("h\xC3\xA9llo \xF0\x9F\x98\x80"), "h\xC3\xA9llo \xF0\x9F\x98\x80");
    EXPECT_EQ(valid_utf8("a\xFF" "b"), "a\xEF\xBF\xBD" "b");
    EXPECT_EQ(valid_utf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");       // overlong
    EXPECT_EQ(valid_utf8("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
    EXPECT_EQ(valid_utf8("\xF4\x90\x80\x80").substr(0, 3), "\xEF\xBF\xBD");  // above U+10FFFF
    EXPECT_EQ(valid_utf8(std::string("a\0b\x1b\tc\n", 7)), "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\tc\n");
    EXPECT_TRUE(is_valid_utf8("plain"));
    EXPECT_FALSE(is_valid_utf8("\xE2\x82"));  // truncated
}

TEST(Text, DisplayPayloadFollowsAutobahn) {
    EXPECT_EQ(display_payload("Hello"), "Hello");
    EXPECT_EQ(display_payload(std::string("\x03\xE8", 2)), "0x03e8");
    EXPECT_EQ(display_payload(std::string(70, '*')), std::string(64, '*') + " ...");
    // Cutting valid UTF-8 never splits a code point.
    const std::string euros = [] {
        std::string s;
        for (int i = 0; i < 30; ++i) s += "\xE2\x82\xAC";
        return s;
    }();
    EXPECT_TRUE(is_valid_utf8(display_payload(euros, 10)));
}

TEST(Text, HexShortenStripTags) {
    EXPECT_EQ(hex("\x01\xAB"), "01ab");
    EXPECT_EQ(hex("abcd", 2), "6162 ...");
    EXPECT_EQ(strip_tags("Send <b>RSV = 2</b>,\n  then   ping."), "Send RSV = 2, then ping.");
    EXPECT_EQ(shorten("abcdef", 3), "abc\xE2\x80\xA6");
    EXPECT_EQ(shorten("\xC3\xA9\xC3\xA9", 1), "\xC3\xA9\xE2\x80\xA6");
    EXPECT_EQ(shorten("abc", 3), "abc");
}

TEST(Text, ShellQuoteKeepsPlainWordsAndQuotesTheRest) {
    EXPECT_EQ(shell_quote("ws://127.0.0.1:9001/"), "ws://127.0.0.1:9001/");
    EXPECT_EQ(shell_quote("My Server"), "'My Server'");
    EXPECT_EQ(shell_quote("it's"), "'it'\\''s'");
    EXPECT_EQ(shell_quote("$(rm -rf /)"), "'$(rm -rf /)'");
    EXPECT_EQ(shell_quote(""), "''");
}

}  // namespace wsc::report::text
