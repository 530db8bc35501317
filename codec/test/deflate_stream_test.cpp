// RFC 7692 §7.2: compressing and decompressing messages with real zlib.
#include <gtest/gtest.h>

#include <zlib.h>

#include "wsc/deflate.hpp"

namespace wsc {
namespace {

std::string from_hex(std::string_view hex) {
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) out.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
    return out;
}

std::string inflate_all(deflate_decompressor& d, std::string_view data, error expect = error::none) {
    std::string out;
    error e = d.feed(reinterpret_cast<const std::uint8_t*>(data.data()), data.size(), out);
    if (e == error::none) e = d.finish(out);
    EXPECT_EQ(e, expect);
    return out;
}

TEST(DeflateStream, rfc7692_examples_decompress) {
    deflate_decompressor d(role::client, {}, 1 << 20);
    EXPECT_EQ(inflate_all(d, from_hex("f248cdc9c90700")), "Hello");          // §7.2.3.1
    EXPECT_EQ(inflate_all(d, from_hex("f200110000")), "Hello");              // §7.2.3.2, shared window
    deflate_decompressor stored(role::client, {}, 1 << 20);
    EXPECT_EQ(inflate_all(stored, from_hex("000500faff48656c6c6f00")), "Hello");  // §7.2.3.3 stored block
}

TEST(DeflateStream, empty_message_is_a_single_zero_octet) {
    deflate_compressor c(role::server, {});
    std::string out;
    c.compress("", out);
    EXPECT_EQ(out, std::string(1, '\0'));  // §7.2.3.6
    deflate_decompressor d(role::client, {}, 100);
    EXPECT_EQ(inflate_all(d, out), "");
}

TEST(DeflateStream, context_takeover_shrinks_a_repeated_message) {
    const std::string msg(2000, 'a');
    for (bool no_takeover : {false, true}) {
        deflate_params p;
        p.server_no_context_takeover = no_takeover;
        deflate_compressor c(role::server, p);
        deflate_decompressor d(role::client, p, 1 << 20);
        std::string first, second;
        c.compress("the quick brown fox " + msg, first);
        c.compress("the quick brown fox " + msg, second);
        if (no_takeover) EXPECT_EQ(first, second);
        else EXPECT_LT(second.size(), first.size());
        EXPECT_EQ(inflate_all(d, first), "the quick brown fox " + msg);
        EXPECT_EQ(inflate_all(d, second), "the quick brown fox " + msg);
    }
}

TEST(DeflateStream, round_trips_many_messages_in_both_roles_and_window_sizes) {
    for (std::uint8_t bits : {8, 9, 12, 15}) {
        deflate_params p;
        p.client_max_window_bits = bits;
        p.server_max_window_bits = bits;
        deflate_compressor c(role::client, p, 1);
        deflate_decompressor d(role::server, p, 1 << 20);
        for (int i = 0; i < 50; ++i) {
            std::string m;
            for (int k = 0; k < 200 + i * 37; ++k) m.push_back(static_cast<char>("abcdefgh"[(k * 7 + i) % 8] + (k % 13 == 0)));
            std::string z;
            c.compress(m, z);
            ASSERT_EQ(inflate_all(d, z), m) << int(bits) << " " << i;
        }
    }
}

TEST(DeflateStream, input_split_anywhere_inflates_the_same) {
    deflate_compressor c(role::server, {});
    std::string z;
    std::string m(5000, 'x');
    for (std::size_t i = 0; i < m.size(); i += 7) m[i] = static_cast<char>('a' + i % 26);
    c.compress(m, z);
    for (std::size_t cut = 0; cut <= z.size(); cut += 3) {
        deflate_decompressor d(role::client, {}, 1 << 20);
        std::string out;
        ASSERT_EQ(d.feed(reinterpret_cast<const std::uint8_t*>(z.data()), cut, out), error::none);
        ASSERT_EQ(d.feed(reinterpret_cast<const std::uint8_t*>(z.data()) + cut, z.size() - cut, out), error::none);
        ASSERT_EQ(d.finish(out), error::none);
        ASSERT_EQ(out, m);
    }
}

TEST(DeflateStream, a_decompression_bomb_stops_at_the_limit) {
    // 64 MiB of zeros compress to ~64 KiB; the limit is 1 MiB.
    std::string zeros(64 << 20, '\0');
    deflate_compressor c(role::client, {}, 9);
    std::string z;
    c.compress(zeros, z);
    ASSERT_LT(z.size(), 100000u);
    deflate_decompressor d(role::server, {}, 1 << 20);
    std::string out;
    EXPECT_EQ(d.feed(reinterpret_cast<const std::uint8_t*>(z.data()), z.size(), out), error::decompression_too_big);
    EXPECT_LE(out.size(), (1u << 20) + 64 * 1024 + 1);
}

TEST(DeflateStream, corrupt_data_fails) {
    deflate_decompressor d(role::server, {}, 1 << 20);
    inflate_all(d, from_hex("ffffffffff"), error::inflate_failed);
}

}  // namespace
}  // namespace wsc
