// permessage-deflate inside the endpoint (RFC 7692 §6, §7.2): RSV1 rules, inflating
// as frames arrive, the bounded inflater, and what is sent compressed.
#include <string>
#include <variant>

#include <gtest/gtest.h>

#include "wsc/endpoint.hpp"

namespace {

using wsc::error;

const wsc::mask_key rfc_key{0x37, 0xfa, 0x21, 0x3d};

wsc::endpoint make(wsc::role side, std::uint64_t max_message = 64ull << 20) {
    wsc::endpoint_config cfg;
    cfg.side = side;
    cfg.random = wsc::fixed_random(0x37fa213d);
    cfg.deflate = wsc::deflate_params{};
    cfg.max_message_size = max_message;
    return wsc::endpoint(std::move(cfg));
}

std::string client_frame(std::uint8_t op, std::string_view payload, bool fin = true, std::uint8_t rsv = 0) {
    wsc::frame_spec s;
    s.opcode = op;
    s.fin = fin;
    s.rsv = rsv;
    s.mask = rfc_key;
    return wsc::encode_frame(s, payload);
}

// RFC 7692 §7.2.3.1: "Hello" compressed, without the 00 00 ff ff tail.
const std::string compressed_hello("\xf2\x48\xcd\xc9\xc9\x07\x00", 7);

TEST(endpoint_deflate, server_receives_rfc7692_compressed_hello) {
    auto ep = make(wsc::role::server);
    ep.receive_data(client_frame(0x1, compressed_hello, true, wsc::rsv1));
    auto events = ep.take_events();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(std::get<wsc::message_event>(events[0]).data, "Hello");
}

TEST(endpoint_deflate, server_receives_compressed_message_in_fragments_split_at_every_octet) {
    // RFC 7692 §7.2.3.1's fragmented example: RSV1 on the first frame only.
    const std::string wire = client_frame(0x1, compressed_hello.substr(0, 3), false, wsc::rsv1) +
                             client_frame(0x0, compressed_hello.substr(3), true);
    for (std::size_t cut = 0; cut <= wire.size(); ++cut) {
        auto ep = make(wsc::role::server);
        ep.receive_data(wire.substr(0, cut));
        ep.receive_data(wire.substr(cut));
        auto events = ep.take_events();
        ASSERT_EQ(events.size(), 1u) << cut;
        EXPECT_EQ(std::get<wsc::message_event>(events[0]).data, "Hello") << cut;
    }
}

TEST(endpoint_deflate, uncompressed_messages_still_pass) {
    auto ep = make(wsc::role::server);
    ep.receive_data(client_frame(0x1, "plain"));
    EXPECT_EQ(std::get<wsc::message_event>(ep.take_events().at(0)).data, "plain");
}

TEST(endpoint_deflate, rsv1_on_a_continuation_fails) {
    auto ep = make(wsc::role::server);
    ep.receive_data(client_frame(0x1, compressed_hello.substr(0, 3), false, wsc::rsv1) +
                    client_frame(0x0, compressed_hello.substr(3), true, wsc::rsv1));
    EXPECT_EQ(ep.failure(), error::compressed_continuation);
}

TEST(endpoint_deflate, rsv1_on_a_control_frame_fails) {
    auto ep = make(wsc::role::server);
    ep.receive_data(client_frame(0x9, "", true, wsc::rsv1));
    EXPECT_EQ(ep.failure(), error::compressed_control_frame);
}

TEST(endpoint_deflate, corrupt_deflate_data_fails) {
    auto ep = make(wsc::role::server);
    ep.receive_data(client_frame(0x2, std::string("\xff\xff\xff\xff", 4), true, wsc::rsv1));
    EXPECT_EQ(ep.failure(), error::inflate_failed);
    EXPECT_EQ(ep.close_sent()->code, 1002);
}

TEST(endpoint_deflate, inflated_size_is_bounded_by_max_message_size) {
    auto sender = make(wsc::role::client);
    sender.send_binary(std::string(100000, '\0'));  // compresses to a few hundred octets
    auto ep = make(wsc::role::server, 1000);
    ep.receive_data(sender.take_output());
    EXPECT_EQ(ep.failure(), error::decompression_too_big);
    EXPECT_EQ(ep.close_sent()->code, 1009);
}

TEST(endpoint_deflate, invalid_utf8_inside_compressed_text_fails) {
    auto sender = make(wsc::role::client);
    sender.send_binary("valid start \xff then junk");
    std::string wire = sender.take_output();
    wire[0] = static_cast<char>(0xC1);  // turn the binary frame into text, RSV1 kept
    auto ep = make(wsc::role::server);
    ep.receive_data(wire);
    EXPECT_EQ(ep.failure(), error::invalid_utf8);
}

TEST(endpoint_deflate, whole_messages_are_sent_compressed_and_round_trip) {
    auto c = make(wsc::role::client);
    auto s = make(wsc::role::server);
    const std::string text(5000, 'z');
    EXPECT_EQ(c.send_text(text), error::none);
    EXPECT_EQ(c.send_text(text), error::none);  // context takeover on the second
    const std::string wire = c.take_output();
    EXPECT_EQ(static_cast<std::uint8_t>(wire[0]), 0xC1);  // FIN + RSV1 + text
    EXPECT_LT(wire.size(), 2 * text.size());
    s.receive_data(wire);
    auto events = s.take_events();
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(std::get<wsc::message_event>(events[0]).data, text);
    EXPECT_EQ(std::get<wsc::message_event>(events[1]).data, text);
}

TEST(endpoint_deflate, fragmented_sends_go_out_uncompressed) {
    auto s = make(wsc::role::server);
    EXPECT_EQ(s.send_text("Hel", false), error::none);
    EXPECT_EQ(s.send_continuation("lo", true), error::none);
    EXPECT_EQ(s.take_output(), std::string("\x01\x03Hel\x80\x02lo", 9));
}

}  // namespace
