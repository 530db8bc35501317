// RFC 6455 §9.1 Sec-WebSocket-Extensions grammar.
#include <gtest/gtest.h>

#include "wsc/extensions.hpp"

namespace wsc {
namespace {

std::vector<extension> parsed(std::string_view header) {
    std::vector<extension> out;
    EXPECT_TRUE(parse_extensions(header, out)) << header;
    return out;
}

TEST(Extensions, parses_several_extensions_with_parameters) {
    const auto out = parsed("permessage-deflate; client_max_window_bits, x-foo;a=1; b=\"two\"");
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

TEST(Extensions, optional_whitespace_around_every_separator) {
    const auto out = parsed(" \tpermessage-deflate ;\tserver_max_window_bits = 10 ; q = \"v w\" ,  x ; y\t");
    ASSERT_EQ(out.size(), 2u);
    EXPECT_EQ(out[0].name, "permessage-deflate");
    ASSERT_EQ(out[0].params.size(), 2u);
    EXPECT_EQ(out[0].params[0].name, "server_max_window_bits");
    EXPECT_EQ(*out[0].params[0].value, "10");
    EXPECT_EQ(*out[0].params[1].value, "v w");
    EXPECT_EQ(out[1].name, "x");
    ASSERT_EQ(out[1].params.size(), 1u);
    EXPECT_EQ(out[1].params[0].name, "y");
}

TEST(Extensions, unquotes_escaped_characters) {
    EXPECT_EQ(*parsed(R"(e; p="a\"b")")[0].params[0].value, "a\"b");
    EXPECT_EQ(*parsed(R"(e; p="a\\b\c")")[0].params[0].value, "a\\bc");
    EXPECT_EQ(*parsed(R"(e; p="")")[0].params[0].value, "");
    // obs-text (0x80-0xff) is allowed inside a quoted-string.
    EXPECT_EQ(*parsed("e; p=\"\xc3\xa9\"")[0].params[0].value, "\xc3\xa9");
}

// RFC 9110 §5.6.1.2: "a recipient MUST parse and ignore a reasonable number of
// empty list elements".
TEST(Extensions, empty_list_elements_are_skipped) {
    for (const char* text : {"a, , b", "a,,b", ", a, b", "a, b ,", " ,a,\t,b, "}) {
        const auto out = parsed(text);
        ASSERT_EQ(out.size(), 2u) << text;
        EXPECT_EQ(out[0].name, "a");
        EXPECT_EQ(out[1].name, "b");
    }
}

TEST(Extensions, appends_to_what_is_there) {
    std::vector<extension> out(1);
    ASSERT_TRUE(parse_extensions("a, b", out));
    EXPECT_EQ(out.size(), 3u);
}

TEST(Extensions, rejects_syntax_errors) {
    for (const char* bad : {
             "", " ", ",", " , ,",                  // 1#extension: at least one
             "a;", "a; ", "a;;b", "a; =1",          // parameter without a name
             "a; p=", "a; p= ", "a; p==1",          // "=" without a value
             "a; p=\"open", "a; p=\"x\\",           // unterminated quoted-string
             "a; p=\"x\"y", "a; p=1 2", "a b",      // junk after an item
             "a=1", "@", "a; p=@", "a; p@=1",       // not tokens
             "a; p=\"x\x01\"", "a; p=\"\x7f\"",     // controls are not qdtext
             "a; p=\"x\\\x01\"", "a\r\n",           // nor quoted-pair
             "a; p=\"x\"; q=\"y",
         }) {
        std::vector<extension> out;
        EXPECT_FALSE(parse_extensions(bad, out)) << bad;
    }
}

TEST(Extensions, format_writes_the_canonical_form_and_round_trips) {
    const auto out = parsed("a ;b;c = 15;  d=\"x y\"; e=\"tok\"; f=\"q\\\"\\\\\"; g=\"\"");
    const std::string text = format_extension(out[0]);
    EXPECT_EQ(text, "a; b; c=15; d=\"x y\"; e=tok; f=\"q\\\"\\\\\"; g=\"\"");
    const auto again = parsed(text);
    ASSERT_EQ(again.size(), 1u);
    ASSERT_EQ(again[0].params.size(), out[0].params.size());
    for (std::size_t i = 0; i < out[0].params.size(); ++i) {
        EXPECT_EQ(again[0].params[i].name, out[0].params[i].name);
        EXPECT_EQ(again[0].params[i].value, out[0].params[i].value);
    }
    EXPECT_EQ(format_extension(again[0]), text);
    EXPECT_EQ(format_extension(extension{"permessage-deflate", {}}), "permessage-deflate");
}

}  // namespace
}  // namespace wsc
