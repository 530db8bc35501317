// The endpoint's send path: golden bytes (RFC 6455 §5.7 with the example key
// injected as the client's random source), fragmentation order, control limits.
#include <string>

#include <gtest/gtest.h>

#include "wsc/endpoint.hpp"

namespace {

using wsc::error;

wsc::endpoint make(wsc::role side) {
    wsc::endpoint_config cfg;
    cfg.side = side;
    cfg.random = wsc::fixed_random(0x37fa213d);
    return wsc::endpoint(std::move(cfg));
}

TEST(endpoint_send, server_sends_unmasked_hello) {
    auto ep = make(wsc::role::server);
    EXPECT_EQ(ep.send_text("Hello"), error::none);
    EXPECT_EQ(ep.take_output(), std::string("\x81\x05Hello", 7));
}

TEST(endpoint_send, client_sends_masked_hello) {
    auto ep = make(wsc::role::client);
    EXPECT_EQ(ep.send_text("Hello"), error::none);
    EXPECT_EQ(ep.take_output(), std::string("\x81\x85\x37\xfa\x21\x3d\x7f\x9f\x4d\x51\x58", 11));
}

TEST(endpoint_send, server_sends_fragmented_hello) {
    auto ep = make(wsc::role::server);
    EXPECT_EQ(ep.send_text("Hel", false), error::none);
    EXPECT_EQ(ep.send_ping("Hello"), error::none);  // control frames may interleave
    EXPECT_EQ(ep.send_continuation("lo", true), error::none);
    EXPECT_EQ(ep.take_output(), std::string("\x01\x03Hel\x89\x05Hello\x80\x02lo", 16));
}

TEST(endpoint_send, fragment_order_is_enforced_on_our_own_sends) {
    auto ep = make(wsc::role::server);
    EXPECT_EQ(ep.send_continuation("x", true), error::unexpected_continuation);
    EXPECT_EQ(ep.send_binary("a", false), error::none);
    EXPECT_EQ(ep.send_text("b"), error::expected_continuation);
    EXPECT_EQ(ep.send_continuation("c", false), error::none);
    EXPECT_EQ(ep.send_continuation("d", true), error::none);
    EXPECT_EQ(ep.send_text("e"), error::none);
}

TEST(endpoint_send, binary_256_and_64_kib_headers) {
    auto ep = make(wsc::role::server);
    ep.send_binary(std::string(256, 'x'));
    EXPECT_EQ(ep.take_output().substr(0, 4), std::string("\x82\x7e\x01\x00", 4));
    ep.send_binary(std::string(65536, 'x'));
    EXPECT_EQ(ep.take_output().substr(0, 10), std::string("\x82\x7f\x00\x00\x00\x00\x00\x01\x00\x00", 10));
}

TEST(endpoint_send, control_payloads_over_125_octets_are_refused) {
    auto ep = make(wsc::role::client);
    EXPECT_EQ(ep.send_ping(std::string(126, 'p')), error::control_frame_too_long);
    EXPECT_EQ(ep.send_pong(std::string(125, 'p')), error::none);
}

TEST(endpoint_send, client_and_server_talk_through_each_other) {
    auto c = make(wsc::role::client);
    auto s = make(wsc::role::server);
    c.send_text("ping?");
    c.send_binary(std::string(70000, '\x01'));
    s.receive_data(c.take_output());
    auto events = s.take_events();
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(std::get<wsc::message_event>(events[0]).data, "ping?");
    EXPECT_EQ(std::get<wsc::message_event>(events[1]).data.size(), 70000u);
    s.send_close(1000);
    c.receive_data(s.take_output());
    s.receive_data(c.take_output());
    EXPECT_TRUE(s.closing_handshake_complete());
    EXPECT_TRUE(s.eof_to_send());
    c.receive_eof();
    EXPECT_TRUE(c.closing_handshake_complete());
    EXPECT_EQ(c.failure(), error::none);
    EXPECT_EQ(s.failure(), error::none);
}

}  // namespace
