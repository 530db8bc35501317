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

TEST(args, integers_name_their_range_and_refuse_fractions) {
    const auto message = [](std::initializer_list<const char*> l) {
        const auto args = v(l);
        try {
            parse_args(args, specs).integer("port", 1, 1, 256);
        } catch (const usage_error& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    EXPECT_EQ(message({"--port", "0"}), "--port: must be between 1 and 256, not 0");
    EXPECT_EQ(message({"--port", "1.5"}), "--port: '1.5' is not a whole number");
    EXPECT_EQ(message({"--port", "99999999999999999999"}), "--port: must be between 1 and 256, not 99999999999999999999");
    EXPECT_EQ(message({"--port", "256"}), "accepted");
    const auto frac = v({"--port", "0.001"});
    EXPECT_THROW(parse_args(frac, specs).number("port", 1, 0.01, 10), usage_error);
}
