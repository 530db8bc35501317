// The endpoint's receive path (RFC 6455 §5.4, §5.5, §8.1): message assembly,
// control frames in between fragments, fail-fast validation and the checks switches.
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

// What a client puts on the wire (masked) and what a server does (unmasked).
std::string client_frame(std::uint8_t op, std::string_view payload, bool fin = true, std::uint8_t rsv = 0) {
    wsc::frame_spec s;
    s.opcode = op;
    s.fin = fin;
    s.rsv = rsv;
    s.mask = rfc_key;
    return wsc::encode_frame(s, payload);
}
std::string server_frame(std::uint8_t op, std::string_view payload, bool fin = true) {
    wsc::frame_spec s;
    s.opcode = op;
    s.fin = fin;
    return wsc::encode_frame(s, payload);
}

template <class T>
const T& as(const wsc::event& e) {
    const T* p = std::get_if<T>(&e);
    if (!p) throw std::runtime_error("unexpected event kind");
    return *p;
}

// §7.1.7 seen from outside: a close with the error's code went out, a failure
// event came, and the endpoint is closed.
void expect_failing(wsc::endpoint& ep, error e, std::uint16_t code) {
    auto events = ep.take_events();
    ASSERT_FALSE(events.empty());
    EXPECT_EQ(as<wsc::failure_event>(events.back()).err, e) << wsc::name_of(as<wsc::failure_event>(events.back()).err);
    EXPECT_EQ(ep.failure(), e);
    EXPECT_EQ(ep.state(), wsc::conn_state::closed);
    ASSERT_TRUE(ep.close_sent().has_value());
    EXPECT_EQ(ep.close_sent()->code, code);
    // The last frame written is that close, masked or not.
    std::string out = ep.take_output();
    wsc::frame_parser p;
    auto* d = reinterpret_cast<std::uint8_t*>(out.data());
    std::size_t pos = 0;
    std::string last_payload;
    std::uint8_t last_op = 0;
    while (pos < out.size() || p.in_payload()) {
        auto s = p.next(d + pos, out.size() - pos);
        pos += s.consumed;
        if (s.what == wsc::frame_parser::status::header) last_op = p.header().opcode, last_payload.clear();
        if (s.what == wsc::frame_parser::status::payload) last_payload.append(reinterpret_cast<char*>(s.data), s.size);
        if (s.what == wsc::frame_parser::status::need_more || s.what == wsc::frame_parser::status::failed) break;
    }
    EXPECT_EQ(last_op, 0x8);
    EXPECT_EQ(last_payload, std::string({static_cast<char>(code >> 8), static_cast<char>(code & 0xFF)}));
}

TEST(endpoint_receive, server_receives_masked_text_message) {
    auto ep = server();
    ep.receive_data(client_frame(0x1, "Hello"));
    auto events = ep.take_events();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_FALSE(as<wsc::message_event>(events[0]).binary);
    EXPECT_EQ(as<wsc::message_event>(events[0]).data, "Hello");
    EXPECT_TRUE(ep.take_output().empty());
    EXPECT_EQ(ep.state(), wsc::conn_state::open);
}

TEST(endpoint_receive, client_receives_rfc_example_bytes) {
    auto ep = client();
    ep.receive_data(std::string("\x81\x05Hello\x82\x00", 9));
    auto events = ep.take_events();
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(as<wsc::message_event>(events[0]).data, "Hello");
    EXPECT_TRUE(as<wsc::message_event>(events[1]).binary);
    EXPECT_EQ(as<wsc::message_event>(events[1]).data, "");
}

TEST(endpoint_receive, server_receives_stream_split_at_every_octet) {
    const std::string wire = client_frame(0x1, "Hel", false) + client_frame(0x9, "p") + client_frame(0x0, "lo ", false) +
                             client_frame(0x0, "w\xc3\xb6rld", true) + client_frame(0x2, std::string(300, 'b'));
    for (std::size_t cut = 0; cut <= wire.size(); ++cut) {
        auto ep = server();
        ep.receive_data(std::string_view(wire).substr(0, cut));
        ep.receive_data(std::string_view(wire).substr(cut));
        auto events = ep.take_events();
        ASSERT_EQ(events.size(), 3u) << cut;
        EXPECT_EQ(as<wsc::ping_event>(events[0]).payload, "p");
        EXPECT_EQ(as<wsc::message_event>(events[1]).data, "Hello w\xc3\xb6rld");
        EXPECT_EQ(as<wsc::message_event>(events[2]).data, std::string(300, 'b'));
    }
    auto ep = server();
    for (char c : wire) ep.receive_data(std::string_view(&c, 1));
    EXPECT_EQ(ep.take_events().size(), 3u);
}

TEST(endpoint_receive, server_receives_fragments_with_interleaved_ping_and_answers_pong) {
    // §5.4: "Control frames MAY be injected in the middle of a fragmented message."
    auto ep = server();
    ep.receive_data(client_frame(0x1, "Hel", false));
    ep.receive_data(client_frame(0x9, "are you there"));
    ep.receive_data(client_frame(0xA, "unsolicited"));
    ep.receive_data(client_frame(0x0, "lo", true));
    auto events = ep.take_events();
    ASSERT_EQ(events.size(), 3u);
    EXPECT_EQ(as<wsc::ping_event>(events[0]).payload, "are you there");
    EXPECT_EQ(as<wsc::pong_event>(events[1]).payload, "unsolicited");
    EXPECT_EQ(as<wsc::message_event>(events[2]).data, "Hello");
    // §5.5.3: the pong carries the ping's application data; the server does not mask.
    EXPECT_EQ(ep.take_output(), server_frame(0xA, "are you there"));
}

TEST(endpoint_receive, client_answers_ping_with_masked_pong) {
    auto ep = client();
    ep.receive_data(server_frame(0x9, "Hello"));
    EXPECT_EQ(ep.take_output(), std::string("\x8a\x85\x37\xfa\x21\x3d\x7f\x9f\x4d\x51\x58", 11));
}

TEST(endpoint_receive, auto_pong_off_leaves_answering_to_the_caller) {
    wsc::endpoint_config cfg;
    cfg.auto_pong = false;
    auto ep = server(cfg);
    ep.receive_data(client_frame(0x9, "x"));
    EXPECT_EQ(ep.take_events().size(), 1u);
    EXPECT_TRUE(ep.take_output().empty());
}

TEST(endpoint_receive, server_receives_continuation_without_message) {
    auto ep = server();
    ep.receive_data(client_frame(0x0, "lo"));
    expect_failing(ep, error::unexpected_continuation, 1002);
}

TEST(endpoint_receive, server_receives_new_message_inside_fragmented_one) {
    auto ep = server();
    ep.receive_data(client_frame(0x1, "Hel", false) + client_frame(0x1, "lo"));
    expect_failing(ep, error::expected_continuation, 1002);
}

TEST(endpoint_receive, server_receives_unmasked_frame) {
    auto ep = server();
    ep.receive_data(server_frame(0x1, "Hello"));
    expect_failing(ep, error::unmasked_client_frame, 1002);
    EXPECT_TRUE(ep.eof_to_send());
}

TEST(endpoint_receive, client_receives_masked_frame) {
    auto ep = client();
    ep.receive_data(client_frame(0x1, "Hello"));
    expect_failing(ep, error::masked_server_frame, 1002);
    EXPECT_FALSE(ep.eof_to_send());
    EXPECT_TRUE(ep.close_expected());
}

TEST(endpoint_receive, server_receives_reserved_opcode_and_rsv_bits) {
    auto a = server();
    a.receive_data(client_frame(0x3, ""));
    expect_failing(a, error::reserved_opcode, 1002);
    auto b = server();
    b.receive_data(client_frame(0x1, "x", true, wsc::rsv2));
    expect_failing(b, error::reserved_bits_set, 1002);
    auto c = server();  // RSV1 without permessage-deflate
    c.receive_data(client_frame(0x1, "x", true, wsc::rsv1));
    expect_failing(c, error::reserved_bits_set, 1002);
}

TEST(endpoint_receive, server_receives_bad_control_frames) {
    auto a = server();
    a.receive_data(client_frame(0x9, "x", false));
    expect_failing(a, error::fragmented_control_frame, 1002);
    auto b = server();
    b.receive_data(client_frame(0x9, std::string(126, 'x')));
    expect_failing(b, error::control_frame_too_long, 1002);
}

TEST(endpoint_receive, server_fails_on_invalid_utf8_in_the_middle_of_a_frame) {
    // The frame declares 100 octets; only the first 10 arrive, the 6th is 0xFF.
    auto ep = server();
    std::string payload = "Hello" + std::string("\xff") + std::string(94, 'a');
    const std::string wire = client_frame(0x1, payload);
    ep.receive_data(std::string_view(wire).substr(0, 6 + 2 + 10));  // 8-octet header
    expect_failing(ep, error::invalid_utf8, 1007);
}

TEST(endpoint_receive, server_fails_on_invalid_utf8_in_a_first_fragment) {
    auto ep = server();
    ep.receive_data(client_frame(0x1, "\xed\xa0\x80", false));  // a surrogate, FIN clear
    expect_failing(ep, error::invalid_utf8, 1007);
}

TEST(endpoint_receive, text_ending_inside_a_sequence_fails_at_the_end) {
    auto ep = server();
    ep.receive_data(client_frame(0x1, "\xe2\x82", false));
    EXPECT_TRUE(ep.take_events().empty());  // a valid prefix so far
    ep.receive_data(client_frame(0x0, "", true));
    expect_failing(ep, error::invalid_utf8, 1007);
}

TEST(endpoint_receive, sequence_split_across_fragments_is_valid) {
    auto ep = server();
    ep.receive_data(client_frame(0x1, "\xe2\x82", false) + client_frame(0x0, "\xac", true));
    auto events = ep.take_events();
    ASSERT_EQ(events.size(), 1u);
    EXPECT_EQ(as<wsc::message_event>(events[0]).data, "\xe2\x82\xac");
}

TEST(endpoint_receive, binary_messages_are_not_utf8_checked) {
    auto ep = server();
    ep.receive_data(client_frame(0x2, "\xff\xfe"));
    EXPECT_EQ(as<wsc::message_event>(ep.take_events().at(0)).data, "\xff\xfe");
}

TEST(endpoint_receive, max_message_size_counts_all_fragments) {
    wsc::endpoint_config cfg;
    cfg.max_message_size = 10;
    auto ep = server(cfg);
    ep.receive_data(client_frame(0x1, "123456", false));
    EXPECT_TRUE(ep.take_events().empty());
    // Refused on the header: the 6 octets are not even read.
    ep.receive_data(client_frame(0x0, "789012", true).substr(0, 6));
    expect_failing(ep, error::message_too_big, 1009);

    auto ok = server(cfg);
    ok.receive_data(client_frame(0x1, "12345", false) + client_frame(0x0, "67890", true));
    EXPECT_EQ(as<wsc::message_event>(ok.take_events().at(0)).data, "1234567890");
}

TEST(endpoint_receive, max_frame_size_refuses_on_the_header) {
    wsc::endpoint_config cfg;
    cfg.max_frame_size = 100;
    auto ep = server(cfg);
    ep.receive_data(client_frame(0x2, std::string(101, 'x')).substr(0, 8));
    expect_failing(ep, error::frame_too_big, 1009);
}

TEST(endpoint_receive, strict_lengths_fail_non_minimal_encodings) {
    wsc::frame_spec s;
    s.opcode = 0x1;
    s.mask = rfc_key;
    s.length_octets = 2;
    const std::string wire = wsc::encode_frame(s, "Hello");
    auto lenient = server();
    lenient.receive_data(wire);
    EXPECT_EQ(as<wsc::message_event>(lenient.take_events().at(0)).data, "Hello");
    wsc::endpoint_config cfg;
    cfg.strict_lengths = true;
    auto strict = server(cfg);
    strict.receive_data(wire);
    expect_failing(strict, error::non_minimal_length, 1002);
}

TEST(endpoint_receive, after_failing_no_later_octet_is_processed) {
    auto ep = server();
    ep.receive_data(client_frame(0x3, "") + client_frame(0x1, "ignored") + client_frame(0x9, "ignored"));
    expect_failing(ep, error::reserved_opcode, 1002);
    ep.receive_data(client_frame(0x1, "still ignored") + client_frame(0x8, "\x03\xe8"));
    EXPECT_TRUE(ep.take_events().empty());
    EXPECT_TRUE(ep.take_output().empty());
}

TEST(endpoint_receive, record_frames_keeps_received_headers) {
    wsc::endpoint_config cfg;
    cfg.record_frames = true;
    auto ep = server(cfg);
    ep.receive_data(client_frame(0x1, "a", false) + client_frame(0x9, "") + client_frame(0x0, "b"));
    const auto& f = ep.received_frames();
    ASSERT_EQ(f.size(), 3u);
    EXPECT_EQ(f[0].opcode, 0x1);
    EXPECT_FALSE(f[0].fin);
    EXPECT_EQ(f[1].opcode, 0x9);
    EXPECT_TRUE(f[2].masked);
    EXPECT_EQ(f[2].key, rfc_key);
}

// ---- deliberately broken endpoints for the catalogue's self-tests

TEST(endpoint_receive, checks_off_utf8_accepts_invalid_text) {
    wsc::endpoint_config cfg;
    cfg.checks.utf8 = false;
    auto ep = server(cfg);
    ep.receive_data(client_frame(0x1, "\xff"));
    EXPECT_EQ(as<wsc::message_event>(ep.take_events().at(0)).data, "\xff");
}

TEST(endpoint_receive, checks_off_masking_accepts_unmasked_client_frames) {
    wsc::endpoint_config cfg;
    cfg.checks.masking = false;
    auto ep = server(cfg);
    ep.receive_data(server_frame(0x1, "Hello"));
    EXPECT_EQ(as<wsc::message_event>(ep.take_events().at(0)).data, "Hello");
}

TEST(endpoint_receive, checks_off_reserved_bits_and_opcodes_ignore_them) {
    wsc::endpoint_config cfg;
    cfg.checks.reserved_bits = false;
    cfg.checks.reserved_opcodes = false;
    auto ep = server(cfg);
    ep.receive_data(client_frame(0x1, "a", true, wsc::rsv1 | wsc::rsv3) + client_frame(0x3, "junk") +
                    client_frame(0xB, "junk") + client_frame(0x1, "b"));
    auto events = ep.take_events();
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(as<wsc::message_event>(events[0]).data, "a");
    EXPECT_EQ(as<wsc::message_event>(events[1]).data, "b");
}

TEST(endpoint_receive, checks_off_fragmentation_and_control_frames) {
    wsc::endpoint_config cfg;
    cfg.checks.fragmentation = false;
    cfg.checks.control_frames = false;
    auto ep = server(cfg);
    ep.receive_data(client_frame(0x0, "orphan") + client_frame(0x9, std::string(200, 'p'), false));
    auto events = ep.take_events();
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(as<wsc::message_event>(events[0]).data, "orphan");
    EXPECT_EQ(as<wsc::ping_event>(events[1]).payload.size(), 200u);
}

TEST(endpoint_config_rules, client_without_random_source_is_refused) {
    wsc::endpoint_config cfg;
    cfg.side = wsc::role::client;
    EXPECT_THROW(wsc::endpoint{cfg}, std::invalid_argument);
}

TEST(endpoint_config_rules, endpoint_moves) {
    auto a = server();
    a.receive_data(client_frame(0x1, "Hel", false));
    wsc::endpoint b = std::move(a);
    b.receive_data(client_frame(0x0, "lo"));
    EXPECT_EQ(as<wsc::message_event>(b.take_events().at(0)).data, "Hello");
}

}  // namespace
