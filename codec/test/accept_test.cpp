// Sec-WebSocket-Key and Sec-WebSocket-Accept (RFC 6455 §1.3, §4.1, §4.2.1 item 5,
// §4.2.2 item 5.4) and the strict base64 underneath them (RFC 4648).
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "../src/base64.hpp"
#include "wsc/handshake.hpp"

namespace {

TEST(compute_accept, rfc_6455_section_1_3_example) {
    EXPECT_EQ(wsc::compute_accept("dGhlIHNhbXBsZSBub25jZQ=="), "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
}

TEST(compute_accept, uses_the_key_as_a_string_not_decoded) {
    // §4.2.2: the key is concatenated "as a string, not base64-decoded", so any
    // text has an accept value, and different spellings give different values.
    EXPECT_EQ(wsc::compute_accept("x3JJHMbDL1EzLkh9GBhXDw=="), "HSmrc0sMlYUkAGmm5OPpG2HaGWk=");
    EXPECT_NE(wsc::compute_accept("dGhlIHNhbXBsZSBub25jZQ=="), wsc::compute_accept("dGhlIHNhbXBsZSBub25jZQ"));
    EXPECT_EQ(wsc::compute_accept("").size(), 28u);
}

TEST(is_valid_key, accepts_base64_of_16_bytes) {
    EXPECT_TRUE(wsc::is_valid_key("dGhlIHNhbXBsZSBub25jZQ=="));
    EXPECT_TRUE(wsc::is_valid_key("AAAAAAAAAAAAAAAAAAAAAA=="));
    EXPECT_TRUE(wsc::is_valid_key("/////////////////////w=="));
    EXPECT_TRUE(wsc::is_valid_key("+/+/+/+/+/+/+/+/+/+/+w=="));
}

TEST(is_valid_key, rejects_keys_of_15_or_17_bytes) {
    EXPECT_FALSE(wsc::is_valid_key("AAAAAAAAAAAAAAAAAAAA"));      // 15 bytes
    EXPECT_FALSE(wsc::is_valid_key("AAAAAAAAAAAAAAAAAAAAAAA="));  // 17 bytes
    EXPECT_FALSE(wsc::is_valid_key("AAAAAAAAAAAAAAAAAAAAAAAA"));  // 18 bytes
    EXPECT_FALSE(wsc::is_valid_key(""));
}

TEST(is_valid_key, rejects_non_base64_keys) {
    EXPECT_FALSE(wsc::is_valid_key("dGhlIHNhbXBsZSBub25jZQ"));     // padding missing
    EXPECT_FALSE(wsc::is_valid_key("dGhlIHNhbXBsZSBub25jZQ="));    // padding short
    EXPECT_FALSE(wsc::is_valid_key("dGhlIHNhbXBsZSBub25jZQ==="));  // padding long
    EXPECT_FALSE(wsc::is_valid_key("dGhlIHNhbXBsZSBub25jZ=Q="));   // '=' inside
    EXPECT_FALSE(wsc::is_valid_key("dGhlIHNhbXBsZSBub25jZQ!="));
    EXPECT_FALSE(wsc::is_valid_key("dGhlIHNhbXBs ZSBub25jZQ=="));  // whitespace inside
    EXPECT_FALSE(wsc::is_valid_key("-_-_-_-_-_-_-_-_-_-_-w=="));   // base64url alphabet
    EXPECT_FALSE(wsc::is_valid_key("dGhlIHNhbXBsZSBub25jZR=="));   // pad bits not zero
}

struct vector_case {
    const char* raw;
    const char* encoded;
};

TEST(base64, rfc_4648_section_10_test_vectors_round_trip) {
    for (const auto& c : {vector_case{"", ""}, vector_case{"f", "Zg=="}, vector_case{"fo", "Zm8="},
                          vector_case{"foo", "Zm9v"}, vector_case{"foob", "Zm9vYg=="},
                          vector_case{"fooba", "Zm9vYmE="}, vector_case{"foobar", "Zm9vYmFy"}}) {
        const std::string raw = c.raw;
        EXPECT_EQ(wsc::base64::encode(reinterpret_cast<const std::uint8_t*>(raw.data()), raw.size()), c.encoded);
        const auto back = wsc::base64::decode(c.encoded);
        ASSERT_TRUE(back.has_value()) << c.encoded;
        EXPECT_EQ(*back, raw);
    }
}

TEST(base64, every_byte_value_round_trips) {
    std::string raw;
    for (int i = 0; i < 256; ++i) raw += static_cast<char>(i);
    for (std::size_t n = 0; n <= raw.size(); n += 7) {
        const auto text = wsc::base64::encode(reinterpret_cast<const std::uint8_t*>(raw.data()), n);
        const auto back = wsc::base64::decode(text);
        ASSERT_TRUE(back.has_value());
        EXPECT_EQ(*back, raw.substr(0, n));
    }
}

TEST(base64, decode_rejects_non_canonical_text) {
    EXPECT_FALSE(wsc::base64::decode("Zh==").has_value());  // pad bits set
    EXPECT_FALSE(wsc::base64::decode("Zm9=").has_value());  // pad bits set
    EXPECT_FALSE(wsc::base64::decode("Zg=").has_value());
    EXPECT_FALSE(wsc::base64::decode("====").has_value());
    EXPECT_FALSE(wsc::base64::decode("Z===").has_value());
    EXPECT_FALSE(wsc::base64::decode("Zg==Zg==").has_value());  // padding in the middle
    EXPECT_FALSE(wsc::base64::decode("Zm9v\n").has_value());
}

}  // namespace
