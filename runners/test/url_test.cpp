#include <gtest/gtest.h>

#include "wsc/net/url.hpp"

using wsc::net::parse_ws_url;

TEST(ws_url, plain_url_with_port_and_path) {
    auto u = parse_ws_url("ws://127.0.0.1:9001/chat?x=1");
    ASSERT_TRUE(u);
    EXPECT_FALSE(u->tls);
    EXPECT_EQ(u->host, "127.0.0.1");
    EXPECT_EQ(u->port, 9001);
    EXPECT_EQ(u->target, "/chat?x=1");
    EXPECT_EQ(u->host_header(), "127.0.0.1:9001");
}

TEST(ws_url, defaults_and_host_header_without_default_port) {
    auto u = parse_ws_url("wss://example.org");
    ASSERT_TRUE(u);
    EXPECT_TRUE(u->tls);
    EXPECT_EQ(u->port, 443);
    EXPECT_EQ(u->target, "/");
    EXPECT_EQ(u->host_header(), "example.org");
}

TEST(ws_url, ipv6_literal) {
    auto u = parse_ws_url("ws://[::1]:8080");
    ASSERT_TRUE(u);
    EXPECT_EQ(u->host, "::1");
    EXPECT_EQ(u->host_header(), "[::1]:8080");
}

TEST(ws_url, query_without_path_gets_a_slash) {
    auto u = parse_ws_url("ws://h:1?a=b");
    ASSERT_TRUE(u);
    EXPECT_EQ(u->target, "/?a=b");
}

TEST(ws_url, refuses_what_section_3_forbids) {
    std::string why;
    EXPECT_FALSE(parse_ws_url("http://h/", &why));
    EXPECT_FALSE(parse_ws_url("ws://h/#frag", &why));  // §3: no fragment
    EXPECT_NE(why.find("fragment"), std::string::npos);
    EXPECT_FALSE(parse_ws_url("ws://:80/", &why));
    EXPECT_FALSE(parse_ws_url("ws://h:99999/", &why));
    EXPECT_FALSE(parse_ws_url("ws://h:x/", &why));
}
