#include <gtest/gtest.h>

#include "request_target.hpp"

using namespace wsc::cli;

TEST(request_target, path_and_decoded_query) {
    auto t = parse_request_target("/runCase?case=12&agent=my%20agent%2F1.0&x");
    EXPECT_EQ(t.path, "/runCase");
    EXPECT_EQ(t.param("case"), "12");
    EXPECT_EQ(t.param("agent"), "my agent/1.0");
    EXPECT_EQ(t.param("x"), "");
    EXPECT_FALSE(t.param("casetuple"));
}

TEST(request_target, plus_is_a_space_and_bad_escapes_stay) {
    EXPECT_EQ(percent_decode("a+b%2"), "a b%2");
    EXPECT_EQ(percent_decode("%zz"), "%zz");
}

TEST(request_target, no_query) {
    auto t = parse_request_target("/getCaseCount");
    EXPECT_EQ(t.path, "/getCaseCount");
    EXPECT_TRUE(t.query.empty());
}
