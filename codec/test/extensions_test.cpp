// RFC 6455 §9.1 Sec-WebSocket-Extensions grammar.
#include <gtest/gtest.h>

#include "wsc/extensions.hpp"

namespace wsc {
namespace {

TEST(Extensions, parses_several_extensions_with_parameters) {
    std::vector<extension> out;
    ASSERT_TRUE(parse_extensions("permessage-deflate; client_max_window_bits, x-foo;a=1; b=\"two\"", out));
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0].name, "permessage-deflate");
    ASSERT_EQ(out[0].params.size(), 1u);
    EXPECT_EQ(out[0].params[0].name, "client_max_window_bits");
    EXPECT_FALSE(out[0].params[0].value);
    EXPECT_EQ(out[1].name, "x-foo");
    ASSERT_EQ(out[1].params.size(), 2u);
    EXPECT_EQ(*out[1].params[0].value, "1");
    EXPECT_EQ(*out[1].params[1].value, "two");
}

TEST(Extensions, unquotes_escaped_characters) {
    std::vector<extension> out;
    ASSERT_TRUE(parse_extensions(R"(e; p="a\"b")", out));
    EXPECT_EQ(*out[0].params[0].value, "a\"b");
}

TEST(Extensions, rejects_syntax_errors) {
    for (const char* bad : {"", " ", ",", "a,,b", "a;", "a; =1", "a; p=", "a; p=\"open", "a b", "a; p=1 2", "@"}) {
        std::vector<extension> out;
        EXPECT_FALSE(parse_extensions(bad, out)) << bad;
    }
}

TEST(Extensions, format_round_trips) {
    std::vector<extension> out;
    ASSERT_TRUE(parse_extensions("a; b; c=15; d=\"x y\"", out));
    std::string text = format_extension(out[0]);
    EXPECT_EQ(text, "a; b; c=15; d=\"x y\"");
    std::vector<extension> again;
    ASSERT_TRUE(parse_extensions(text, again));
    EXPECT_EQ(format_extension(again[0]), text);
}

}  // namespace
}  // namespace wsc
