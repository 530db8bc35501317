#include <gtest/gtest.h>

#include <array>

#include "args.hpp"

using namespace wsc::cli;

namespace {
constexpr std::array specs{
    option_spec{"port", 'p', "N", ""},
    option_spec{"cases", 0, "LIST", ""},
    option_spec{"quiet", 'q', "", ""},
};
std::vector<std::string> v(std::initializer_list<const char*> l) { return {l.begin(), l.end()}; }
}  // namespace

TEST(args, long_short_inline_and_positional) {
    auto args = v({"-p", "9001", "--cases=1.*", "--cases", "2.1,3.*", "url", "-q"});
    auto a = parse_args(args, specs);
    EXPECT_EQ(a.number("port", 0, 0, 65535), 9001);
    EXPECT_EQ(split_list(a.all("cases")), (std::vector<std::string>{"1.*", "2.1", "3.*"}));
    EXPECT_TRUE(a.has("quiet"));
    EXPECT_EQ(a.positional(), (std::vector<std::string>{"url"}));
}

TEST(args, errors_name_the_option) {
    auto unknown = v({"--bogus"});
    try {
        parse_args(unknown, specs);
        FAIL();
    } catch (const usage_error& e) {
        EXPECT_NE(std::string(e.what()).find("--bogus"), std::string::npos);
    }
    auto missing = v({"--port"});
    EXPECT_THROW(parse_args(missing, specs), usage_error);
    auto flag_value = v({"--quiet=1"});
    EXPECT_THROW(parse_args(flag_value, specs), usage_error);
    auto range = v({"--port", "70000"});
    EXPECT_THROW(parse_args(range, specs).number("port", 0, 0, 65535), usage_error);
}
