// Golden bytes from RFC 6455 §5.7 and the length forms of §5.2.
#include <string>

#include <gtest/gtest.h>

#include "wsc/frame.hpp"

namespace {

const wsc::mask_key rfc_key{0x37, 0xfa, 0x21, 0x3d};

std::string hex(std::string_view s, std::size_t limit = 64) {
    static const char* d = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < s.size() && i < limit; ++i) {
        if (i) out += ' ';
        out += d[std::uint8_t(s[i]) >> 4];
        out += d[std::uint8_t(s[i]) & 15];
    }
    return out;
}

wsc::frame_spec spec(std::uint8_t op, bool fin = true) {
    wsc::frame_spec s;
    s.opcode = op;
    s.fin = fin;
    return s;
}

TEST(frame_writer, server_sends_unmasked_hello) {
    EXPECT_EQ(hex(wsc::encode_frame(spec(0x1), "Hello")), "81 05 48 65 6c 6c 6f");
}

TEST(frame_writer, client_sends_masked_hello) {
    auto s = spec(0x1);
    s.mask = rfc_key;
    EXPECT_EQ(hex(wsc::encode_frame(s, "Hello")), "81 85 37 fa 21 3d 7f 9f 4d 51 58");
}

TEST(frame_writer, server_sends_fragmented_hello) {
    EXPECT_EQ(hex(wsc::encode_frame(spec(0x1, false), "Hel")), "01 03 48 65 6c");
    EXPECT_EQ(hex(wsc::encode_frame(spec(0x0, true), "lo")), "80 02 6c 6f");
}

TEST(frame_writer, ping_and_masked_pong) {
    EXPECT_EQ(hex(wsc::encode_frame(spec(0x9), "Hello")), "89 05 48 65 6c 6c 6f");
    auto s = spec(0xA);
    s.mask = rfc_key;
    EXPECT_EQ(hex(wsc::encode_frame(s, "Hello")), "8a 85 37 fa 21 3d 7f 9f 4d 51 58");
}

TEST(frame_writer, binary_256_octets_uses_16_bit_length) {
    const std::string f = wsc::encode_frame(spec(0x2), std::string(256, 'x'));
    EXPECT_EQ(hex(f, 4), "82 7e 01 00");
    EXPECT_EQ(f.size(), 4u + 256);
}

TEST(frame_writer, binary_64_kib_uses_64_bit_length) {
    const std::string f = wsc::encode_frame(spec(0x2), std::string(65536, 'x'));
    EXPECT_EQ(hex(f, 10), "82 7f 00 00 00 00 00 01 00 00");
    EXPECT_EQ(f.size(), 10u + 65536);
}

TEST(frame_writer, length_form_boundaries_are_minimal) {
    EXPECT_EQ(hex(wsc::encode_frame(spec(0x2), std::string(125, 0)), 2), "82 7d");
    EXPECT_EQ(hex(wsc::encode_frame(spec(0x2), std::string(126, 0)), 4), "82 7e 00 7e");
    EXPECT_EQ(hex(wsc::encode_frame(spec(0x2), std::string(65535, 0)), 4), "82 7e ff ff");
    EXPECT_EQ(wsc::header_size_for(125, false), 2u);
    EXPECT_EQ(wsc::header_size_for(126, false), 4u);
    EXPECT_EQ(wsc::header_size_for(65535, true), 8u);
    EXPECT_EQ(wsc::header_size_for(65536, true), 14u);
}

TEST(frame_writer, forced_length_octets_produce_non_minimal_forms) {
    auto s = spec(0x1);
    s.length_octets = 2;
    EXPECT_EQ(hex(wsc::encode_frame(s, "Hello")), "81 7e 00 05 48 65 6c 6c 6f");
    s.length_octets = 8;
    EXPECT_EQ(hex(wsc::encode_frame(s, "Hi")), "81 7f 00 00 00 00 00 00 00 02 48 69");
    EXPECT_EQ(wsc::header_size_for(2, false, 8), 10u);
    // A 16-bit form cannot hold 70000: the writer widens rather than truncates.
    s.length_octets = 2;
    EXPECT_EQ(wsc::header_size_for(70000, false, 2), 10u);
}

TEST(frame_writer, declared_length_differs_from_payload_for_streaming) {
    auto s = spec(0x2);
    s.declared_length = 1000;
    std::string out;
    wsc::write_header(out, s, 0);
    EXPECT_EQ(hex(out), "82 7e 03 e8");
    EXPECT_EQ(hex(wsc::encode_frame(s, "ab")), "82 7e 03 e8 61 62");
}

TEST(frame_writer, rsv_bits_and_raw_opcodes_go_on_the_wire_as_given) {
    auto s = spec(0x3);
    s.rsv = wsc::rsv1 | wsc::rsv3;
    EXPECT_EQ(hex(wsc::encode_frame(s, "")), "d3 00");
}

TEST(frame_writer, write_header_then_payload_equals_write_frame_unmasked) {
    std::string a, b;
    wsc::write_header(a, spec(0x1), 5);
    a += "Hello";
    wsc::write_frame(b, spec(0x1), "Hello");
    EXPECT_EQ(a, b);
}

}  // namespace
