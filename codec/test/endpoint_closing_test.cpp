// The closing handshake (RFC 6455 §5.5.1, §7.1.1-§7.1.7): who replies, who closes
// TCP, what happens to input after a close or a failure, and EOF.
#include <string>
#include <variant>
#include <vector>

#include <gtest/gtest.h>

#include "wsc/endpoint.hpp"

namespace {

using wsc::error;

const wsc::mask_key rfc_key{0x37, 0xfa, 0x21, 0x3d};

wsc::endpoint server(wsc::endpoint_config cfg = {}) {
    cfg.side = wsc::role::server;
    return wsc::endpoint(std::move(cfg));
}

wsc::endpoint client(wsc::endpoint_config cfg = {}) {
    cfg.side = wsc::role::client;
    cfg.random = wsc::fixed_random(0x37fa213d);
    return wsc::endpoint(std::move(cfg));
}

std::string client_frame(std::uint8_t op, std::string_view payload) {
    wsc::frame_spec s;
    s.opcode = op;
    s.mask = rfc_key;
    return wsc::encode_frame(s, payload);
}
std::string server_frame(std::uint8_t op, std::string_view payload) {
    wsc::frame_spec s;
    s.opcode = op;
    return wsc::encode_frame(s, payload);
}
std::string close_body(std::uint16_t code, std::string_view reason = {}) {
    std::string b{static_cast<char>(code >> 8), static_cast<char>(code & 0xFF)};
    return b.append(reason);
}

template <class T>
const T& as(const wsc::event& e) {
    const T* p = std::get_if<T>(&e);
    if (!p) throw std::runtime_error("unexpected event kind");
    return *p;
}

TEST(endpoint_closing, server_receives_close_and_echoes_the_code) {
    auto ep = server();
    ep.receive_data(client_frame(0x8, close_body(1000, "bye")));
    auto events = ep.take_events();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(as<wsc::close_event>(events[0]).code, 1000);
    EXPECT_EQ(as<wsc::close_event>(events[0]).reason, "bye");
    EXPECT_EQ(ep.take_output(), server_frame(0x8, close_body(1000)));
    EXPECT_EQ(ep.state(), wsc::conn_state::closed);
    // §7.1.1: the server closes TCP first.
    EXPECT_TRUE(ep.eof_to_send());
    EXPECT_FALSE(ep.close_expected());
    EXPECT_TRUE(ep.closing_handshake_complete());
    EXPECT_EQ(ep.failure(), error::none);
}

TEST(endpoint_closing, server_receives_empty_close_and_answers_with_empty_close) {
    auto ep = server();
    ep.receive_data(client_frame(0x8, ""));
    EXPECT_FALSE(as<wsc::close_event>(ep.take_events().at(0)).code.has_value());
    EXPECT_EQ(ep.take_output(), std::string("\x88\x00", 2));
}

TEST(endpoint_closing, client_sends_close_and_waits_for_the_server_to_drop_tcp) {
    auto ep = client();
    EXPECT_EQ(ep.send_close(1000, "done"), error::none);
    EXPECT_EQ(ep.state(), wsc::conn_state::closing);
    // Masked with the injected key: 88 86 37 fa 21 3d, then 03 e8 "done" masked.
    const std::string out = ep.take_output();
    EXPECT_EQ(out.substr(0, 6), std::string("\x88\x86\x37\xfa\x21\x3d", 6));
    ep.receive_data(server_frame(0x8, close_body(1000)));
    EXPECT_TRUE(ep.take_output().empty());  // no second close
    EXPECT_EQ(ep.state(), wsc::conn_state::closed);
    EXPECT_TRUE(ep.close_expected());
    EXPECT_FALSE(ep.eof_to_send());
    EXPECT_FALSE(ep.closing_handshake_complete());
    ep.receive_eof();
    EXPECT_TRUE(ep.closing_handshake_complete());
    EXPECT_FALSE(ep.close_expected());
    EXPECT_TRUE(ep.take_events().size() == 1);  // just the close, no failure
    EXPECT_EQ(ep.failure(), error::none);
}

TEST(endpoint_closing, server_sends_close_first_then_refuses_data) {
    auto ep = server();
    EXPECT_EQ(ep.send_close(1001), error::none);
    EXPECT_EQ(ep.take_output(), server_frame(0x8, close_body(1001)));
    // §5.5.1: no data frames after a close.
    EXPECT_EQ(ep.send_text("late"), error::data_after_close);
    EXPECT_EQ(ep.send_binary("late"), error::data_after_close);
    EXPECT_EQ(ep.send_close(1000), error::data_after_close);
    EXPECT_TRUE(ep.take_output().empty());
    // The peer may still send data until it sees our close.
    ep.receive_data(client_frame(0x1, "in flight"));
    EXPECT_EQ(as<wsc::message_event>(ep.take_events().at(0)).data, "in flight");
    EXPECT_FALSE(ep.eof_to_send());
    ep.receive_data(client_frame(0x8, close_body(1001)));
    EXPECT_TRUE(ep.take_output().empty());
    EXPECT_TRUE(ep.eof_to_send());
    EXPECT_TRUE(ep.closing_handshake_complete());
}

TEST(endpoint_closing, anything_after_the_peers_close_is_discarded) {
    auto ep = server();
    ep.receive_data(client_frame(0x8, close_body(1000)) + client_frame(0x1, "after close") + "\x83garbage");
    EXPECT_EQ(ep.take_events().size(), 1u);
    EXPECT_EQ(ep.failure(), error::none);
}

TEST(endpoint_closing, server_receives_close_with_one_octet_body) {
    auto ep = server();
    ep.receive_data(client_frame(0x8, "\x03"));
    auto events = ep.take_events();
    EXPECT_EQ(as<wsc::failure_event>(events.at(0)).err, error::close_payload_one_byte);
    EXPECT_EQ(ep.take_output(), server_frame(0x8, close_body(1002)));
}

TEST(endpoint_closing, server_receives_close_codes_that_must_not_be_sent) {
    for (std::uint16_t code : {0, 999, 1004, 1005, 1006, 1015, 1016, 2999, 5000, 65535}) {
        auto ep = server();
        ep.receive_data(client_frame(0x8, close_body(code)));
        EXPECT_EQ(ep.failure(), error::invalid_close_code) << code;
        EXPECT_EQ(ep.take_output(), server_frame(0x8, close_body(1002))) << code;
    }
    for (std::uint16_t code : {1000, 1003, 1007, 1011, 1012, 1014, 3000, 4999}) {
        auto ep = server();
        ep.receive_data(client_frame(0x8, close_body(code)));
        EXPECT_EQ(ep.failure(), error::none) << code;
        EXPECT_EQ(ep.take_output(), server_frame(0x8, close_body(code))) << code;
    }
}

TEST(endpoint_closing, server_receives_close_reason_that_is_not_utf8) {
    auto ep = server();
    ep.receive_data(client_frame(0x8, close_body(1000, "\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5\xed\xa0\x80")));
    EXPECT_EQ(ep.failure(), error::invalid_close_reason);
    EXPECT_EQ(ep.take_output(), server_frame(0x8, close_body(1007)));
}

TEST(endpoint_closing, checks_off_close_codes_accepts_any_code) {
    wsc::endpoint_config cfg;
    cfg.checks.close_codes = false;
    auto ep = server(cfg);
    ep.receive_data(client_frame(0x8, close_body(1005)));
    EXPECT_EQ(ep.failure(), error::none);
    EXPECT_EQ(as<wsc::close_event>(ep.take_events().at(0)).code, 1005);
}

TEST(endpoint_closing, fail_sends_one_close_then_discards) {
    auto ep = server();
    ep.fail(error::message_too_big, "caller's limit");
    EXPECT_EQ(ep.take_output(), server_frame(0x8, close_body(1009)));
    auto events = ep.take_events();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(as<wsc::failure_event>(events[0]).detail, "caller's limit");
    EXPECT_TRUE(ep.eof_to_send());
    ep.fail(error::invalid_utf8);  // already failed: nothing more
    ep.receive_data(client_frame(0x1, "x"));
    EXPECT_TRUE(ep.take_output().empty());
    EXPECT_TRUE(ep.take_events().empty());
    EXPECT_EQ(ep.failure(), error::message_too_big);
    EXPECT_EQ(ep.send_ping(), error::data_after_close);
}

TEST(endpoint_closing, failing_after_sending_close_sends_no_second_close) {
    auto ep = server();
    ASSERT_EQ(ep.send_close(1000), error::none);
    ep.take_output();
    ep.receive_data(client_frame(0x1, "\xff"));
    EXPECT_EQ(ep.failure(), error::invalid_utf8);
    EXPECT_TRUE(ep.take_output().empty());
    EXPECT_EQ(ep.close_sent()->code, 1000);
}

TEST(endpoint_closing, eof_without_closing_handshake_is_unexpected) {
    auto ep = server();
    ep.receive_data(client_frame(0x1, "Hel").substr(0, 4));  // a partial frame
    ep.receive_eof();
    auto events = ep.take_events();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(as<wsc::failure_event>(events[0]).err, error::unexpected_eof);
    EXPECT_EQ(ep.state(), wsc::conn_state::closed);
    EXPECT_TRUE(ep.take_output().empty());  // nobody to send a close to
    EXPECT_TRUE(ep.eof_to_send());
    EXPECT_FALSE(ep.closing_handshake_complete());
    ep.receive_data(client_frame(0x1, "x"));
    EXPECT_TRUE(ep.take_events().empty());
}

TEST(endpoint_closing, eof_after_our_close_but_before_theirs_is_unexpected) {
    auto ep = client();
    ep.send_close(1000);
    ep.receive_eof();
    EXPECT_EQ(ep.failure(), error::unexpected_eof);
    EXPECT_FALSE(ep.closing_handshake_complete());
}

TEST(endpoint_closing, eof_after_failure_adds_no_event) {
    auto ep = client();
    ep.receive_data(std::string("\x83\x00", 2));
    ep.take_events();
    EXPECT_TRUE(ep.close_expected());
    ep.receive_eof();
    EXPECT_TRUE(ep.take_events().empty());
    EXPECT_EQ(ep.failure(), error::reserved_opcode);
    EXPECT_FALSE(ep.close_expected());
    EXPECT_TRUE(ep.eof_to_send());
}

TEST(endpoint_closing, send_close_refuses_what_the_rfc_forbids) {
    auto ep = server();
    EXPECT_EQ(ep.send_close(1005), error::invalid_close_code);
    EXPECT_EQ(ep.send_close(1000, std::string(124, 'r')), error::control_frame_too_long);
    EXPECT_EQ(ep.send_close(1000, "\xff"), error::invalid_close_reason);
    EXPECT_EQ(ep.send_close(std::nullopt, "reason without code"), error::invalid_close_reason);
    EXPECT_TRUE(ep.take_output().empty());
    EXPECT_EQ(ep.send_close(std::nullopt), error::none);
    EXPECT_EQ(ep.take_output(), std::string("\x88\x00", 2));
    EXPECT_FALSE(ep.close_sent()->code.has_value());
}

TEST(endpoint_closing, pings_are_still_answered_after_our_close) {
    // §5.5.2: pong unless a close was *received*; §5.5.1 only forbids data frames.
    auto ep = server();
    ep.send_close(1000);
    ep.take_output();
    ep.receive_data(client_frame(0x9, "p"));
    EXPECT_EQ(ep.take_output(), server_frame(0xA, "p"));
}

}  // namespace
