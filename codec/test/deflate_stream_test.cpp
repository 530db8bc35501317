// RFC 7692 §7.2: compressing and decompressing messages with real zlib.
#include <gtest/gtest.h>

#include <zlib.h>

#include <cstdint>
#include <limits>
#include <random>

#include "wsc/deflate.hpp"

namespace wsc {
namespace {

std::string from_hex(std::string_view hex) {
    std::string out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        out.push_back(static_cast<char>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
    return out;
}

const std::uint8_t* bytes(std::string_view s) { return reinterpret_cast<const std::uint8_t*>(s.data()); }

// One whole message: feed the payload, then finish.
std::string inflate_all(deflate_decompressor& d, std::string_view data, error expect = error::none) {
    std::string out;
    error e = d.feed(bytes(data), data.size(), out);
    if (e == error::none) e = d.finish(out);
    EXPECT_EQ(e, expect);
    return out;
}

std::string compress(deflate_compressor& c, std::string_view message) {
    std::string out;
    c.compress(message, out);
    return out;
}

// Plain zlib as an independent peer with exactly `bits` of window, one output
// octet per call so that every back reference is checked against the window
// (zlib only polices distances beyond the output of the current call). Returns
// nullopt when the stream needs a larger window or is corrupt.
std::optional<std::string> inflate_with_window(int bits, const std::vector<std::string>& messages) {
    z_stream z{};
    if (inflateInit2(&z, -bits) != Z_OK) return std::nullopt;
    std::string all;
    bool ok = true;
    for (std::string m : messages) {
        m.append("\x00\x00\xff\xff", 4);
        z.next_in = reinterpret_cast<Bytef*>(m.data());
        z.avail_in = static_cast<uInt>(m.size());
        while (ok) {
            unsigned char c;
            z.next_out = &c;
            z.avail_out = 1;
            const int rc = inflate(&z, Z_SYNC_FLUSH);
            if (z.avail_out == 0) all.push_back(static_cast<char>(c));
            if (rc != Z_OK && rc != Z_BUF_ERROR) ok = false;
            // Bits already pulled from the input may still hold output, so stop
            // only when a call produced nothing with the input used up.
            if (z.avail_out != 0 && (z.avail_in == 0 || rc == Z_BUF_ERROR)) break;
        }
    }
    inflateEnd(&z);
    if (!ok) return std::nullopt;
    return all;
}

// Text with repeats near and far, so both short and long back references occur.
std::string sample(int i, std::size_t size) {
    std::string m;
    std::mt19937 rng(static_cast<unsigned>(i));
    while (m.size() < size) {
        if (m.size() > 64 && rng() % 3 == 0) {
            const std::size_t from = rng() % (m.size() - 32);
            m.append(m, from, 8 + rng() % 24);
        } else {
            for (int k = 0; k < 16; ++k) m.push_back(static_cast<char>('a' + rng() % 26));
        }
    }
    m.resize(size);
    return m;
}

// --- RFC 7692 §7.2.3 examples --------------------------------------------------

TEST(DeflateStream, rfc7692_examples_decompress) {
    deflate_decompressor d(role::client, {}, 1 << 20);
    EXPECT_EQ(inflate_all(d, from_hex("f248cdc9c90700")), "Hello");  // §7.2.3.1
    EXPECT_EQ(inflate_all(d, from_hex("f200110000")), "Hello");      // §7.2.3.2, refers into the first message
    deflate_decompressor stored(role::client, {}, 1 << 20);
    EXPECT_EQ(inflate_all(stored, from_hex("000500faff48656c6c6f00")), "Hello");  // §7.2.3.3 stored block
    deflate_decompressor two_blocks(role::client, {}, 1 << 20);
    EXPECT_EQ(inflate_all(two_blocks, from_hex("f24805000000ffffcac9c90700")), "Hello");  // §7.2.3.5
}

TEST(DeflateStream, a_final_block_ends_the_stream) {
    // §7.2.3.4: "Hello" in a block with BFINAL set, then the 0x00 that lets the
    // tail close an empty stored block of a new stream.
    deflate_decompressor d(role::client, {}, 1 << 20);
    EXPECT_EQ(inflate_all(d, from_hex("f348cdc9c9070000")), "Hello");
    EXPECT_EQ(inflate_all(d, from_hex("f248cdc9c90700")), "Hello");
    // Without the trailing 0x00 the payload ends with the stream; the tail is
    // not needed and the next message still works.
    EXPECT_EQ(inflate_all(d, from_hex("f348cdc9c90700")), "Hello");
    EXPECT_EQ(inflate_all(d, from_hex("f248cdc9c90700")), "Hello");
    // A final block followed by more data in the same message.
    EXPECT_EQ(inflate_all(d, from_hex("f348cdc9c90700") + from_hex("f248cdc9c90700")), "HelloHello");
    // The stream after a final block starts with an empty window, so §7.2.3.2's
    // back reference has nothing to refer to.
    EXPECT_EQ(inflate_all(d, from_hex("f348cdc9c90700")), "Hello");
    inflate_all(d, from_hex("f200110000"), error::inflate_failed);
}

TEST(DeflateStream, hello_round_trips) {
    deflate_compressor c(role::server, {});
    const std::string z = compress(c, "Hello");
    deflate_decompressor d(role::client, {}, 1 << 20);
    EXPECT_EQ(inflate_all(d, z), "Hello");
    // The shared-window example as our own compressor writes it (§7.2.3.2): the
    // second "Hello" is shorter.
    const std::string z2 = compress(c, "Hello");
    EXPECT_LT(z2.size(), z.size());
    EXPECT_EQ(inflate_all(d, z2), "Hello");
}

// --- §7.2.1 compression ----------------------------------------------------------

TEST(DeflateStream, empty_message_is_a_single_zero_octet) {
    // §7.2.3.6, on a fresh stream and after messages with context takeover (where
    // zlib itself would write nothing at all).
    deflate_compressor c(role::server, {});
    deflate_decompressor d(role::client, {}, 100);
    EXPECT_EQ(compress(c, ""), std::string(1, '\0'));
    EXPECT_EQ(compress(c, ""), std::string(1, '\0'));
    EXPECT_EQ(inflate_all(d, std::string(1, '\0')), "");
    EXPECT_EQ(inflate_all(d, compress(c, "abc")), "abc");
    EXPECT_EQ(compress(c, ""), std::string(1, '\0'));
    EXPECT_EQ(inflate_all(d, std::string(1, '\0')), "");
    EXPECT_EQ(inflate_all(d, compress(c, "abc")), "abc");
}

TEST(DeflateStream, an_empty_payload_inflates_to_an_empty_message_and_leaves_the_state_alone) {
    deflate_compressor c(role::server, {});
    deflate_decompressor d(role::client, {}, 100);
    EXPECT_EQ(inflate_all(d, compress(c, "abcabc")), "abcabc");
    EXPECT_EQ(inflate_all(d, ""), "");
    EXPECT_EQ(inflate_all(d, compress(c, "abcabc")), "abcabc");
}

TEST(DeflateStream, output_never_keeps_the_sync_flush_tail) {
    deflate_compressor c(role::client, {});
    for (std::size_t n : {1u, 10u, 1000u, 100000u}) {
        const std::string z = compress(c, sample(static_cast<int>(n), n));
        ASSERT_GE(z.size(), 1u);
        if (z.size() >= 4) {
            EXPECT_NE(z.substr(z.size() - 4), std::string("\x00\x00\xff\xff", 4));
        }
    }
}

TEST(DeflateStream, appends_to_the_output) {
    deflate_compressor c(role::server, {});
    std::string out = "prefix";
    c.compress("Hello", out);
    EXPECT_EQ(out.substr(0, 6), "prefix");
    deflate_decompressor d(role::client, {}, 100);
    EXPECT_EQ(inflate_all(d, out.substr(6)), "Hello");
}

TEST(DeflateStream, context_takeover_shrinks_a_repeated_message) {
    const std::string msg = "the quick brown fox " + sample(7, 2000);
    for (bool no_takeover : {false, true}) {
        deflate_params p;
        p.server_no_context_takeover = no_takeover;
        deflate_compressor c(role::server, p);
        deflate_decompressor d(role::client, p, 1 << 20);
        const std::string first = compress(c, msg), second = compress(c, msg);
        if (no_takeover) {
            EXPECT_EQ(first, second);
        } else {
            EXPECT_LT(second.size() * 4, first.size());
        }
        EXPECT_EQ(inflate_all(d, first), msg);
        EXPECT_EQ(inflate_all(d, second), msg);
    }
}

TEST(DeflateStream, no_context_takeover_resets_only_the_side_it_names) {
    // client_no_context_takeover: the client's compressor and the server's
    // decompressor reset; the other direction keeps its window.
    deflate_params p;
    p.client_no_context_takeover = true;
    deflate_compressor client_out(role::client, p), server_out(role::server, p);
    const std::string msg = sample(3, 3000);
    EXPECT_EQ(compress(client_out, msg), compress(client_out, msg));
    const std::string s1 = compress(server_out, msg), s2 = compress(server_out, msg);
    EXPECT_LT(s2.size(), s1.size());

    // A server that resets its inflater fails on a client that kept its context
    // (the back reference has no window), like RFC 7692 §7.2.3.2's second message.
    deflate_decompressor server_in(role::server, p, 1 << 20);
    EXPECT_EQ(inflate_all(server_in, from_hex("f248cdc9c90700")), "Hello");
    inflate_all(server_in, from_hex("f200110000"), error::inflate_failed);
    // The client's inflater keeps the server's context.
    deflate_decompressor client_in(role::client, p, 1 << 20);
    EXPECT_EQ(inflate_all(client_in, s1), msg);
    EXPECT_EQ(inflate_all(client_in, s2), msg);
}

TEST(DeflateStream, round_trips_many_messages_in_both_roles_window_sizes_and_takeover) {
    for (role sender : {role::client, role::server}) {
        const role receiver = sender == role::client ? role::server : role::client;
        for (std::uint8_t bits : {8, 9, 10, 12, 15}) {
            for (bool no_takeover : {false, true}) {
                deflate_params p;
                p.client_max_window_bits = bits;
                p.server_max_window_bits = bits;
                p.client_no_context_takeover = no_takeover;
                p.server_no_context_takeover = no_takeover;
                deflate_compressor c(sender, p);
                deflate_decompressor d(receiver, p, 1 << 20);
                std::vector<std::string> sent;
                for (int i = 0; i < 40; ++i) {
                    const std::string m = i % 10 == 9 ? std::string() : sample(i % 4, 100 + static_cast<std::size_t>(i) * 53);
                    const std::string z = compress(c, m);
                    ASSERT_EQ(inflate_all(d, z), m) << int(bits) << " " << no_takeover << " " << i;
                    sent.push_back(z);
                }
                // A peer holding exactly `bits` of window inflates all of it:
                // the compressor kept within the agreed window (§7.1.2). With
                // no_context_takeover each message alone must do.
                std::string expected;
                for (int i = 0; i < 40; ++i)
                    expected += i % 10 == 9 ? std::string() : sample(i % 4, 100 + static_cast<std::size_t>(i) * 53);
                if (!no_takeover) {
                    const auto got = inflate_with_window(bits, sent);
                    ASSERT_TRUE(got) << int(bits);
                    EXPECT_EQ(*got, expected) << int(bits);
                } else {
                    for (const auto& z : sent) EXPECT_TRUE(inflate_with_window(bits, {z})) << int(bits);
                }
            }
        }
    }
}

TEST(DeflateStream, the_window_check_of_the_test_peer_works) {
    // Long-distance repeats compressed with a 32 KiB window need more than 512
    // octets of window, which the 9-bit test peer refuses.
    deflate_compressor c(role::server, {});
    const std::string m = sample(1, 4000) + sample(1, 4000);
    EXPECT_FALSE(inflate_with_window(9, {compress(c, m)}));
    deflate_compressor c2(role::server, {});
    EXPECT_TRUE(inflate_with_window(15, {compress(c2, m)}));
}

TEST(DeflateStream, window_8_uses_no_back_references) {
    deflate_params p;
    p.server_max_window_bits = 8;
    deflate_compressor c(role::server, p);
    const std::string m(3000, 'z');
    const std::string z = compress(c, m);
    // Literals only: smaller than the input (Huffman codes), far from what LZ77
    // would make of 3000 equal octets.
    EXPECT_LT(z.size(), m.size());
    EXPECT_GT(z.size(), 300u);
    ASSERT_TRUE(inflate_with_window(8, {z}));
    deflate_compressor stored(role::server, p, 0);
    ASSERT_TRUE(inflate_with_window(8, {compress(stored, m)}));
}

TEST(DeflateStream, input_split_anywhere_inflates_the_same) {
    deflate_compressor c(role::server, {});
    const std::string m = sample(11, 5000);
    const std::string z = compress(c, m);
    for (std::size_t cut = 0; cut <= z.size(); cut += 3) {
        deflate_decompressor d(role::client, {}, 1 << 20);
        std::string out;
        ASSERT_EQ(d.feed(bytes(z), cut, out), error::none);
        ASSERT_EQ(d.feed(bytes(z) + cut, z.size() - cut, out), error::none);
        ASSERT_EQ(d.finish(out), error::none);
        ASSERT_EQ(out, m);
    }
    // And one octet at a time, across several messages with context takeover.
    deflate_compressor c2(role::server, {});
    deflate_decompressor d(role::client, {}, 1 << 20);
    for (int i = 0; i < 5; ++i) {
        const std::string mi = sample(i, 700);
        const std::string zi = compress(c2, mi);
        std::string out;
        for (char ch : zi) ASSERT_EQ(d.feed(reinterpret_cast<const std::uint8_t*>(&ch), 1, out), error::none);
        ASSERT_EQ(d.finish(out), error::none);
        ASSERT_EQ(out, mi);
    }
}

// --- §7.2.2 decompression limits and failures ------------------------------------

TEST(DeflateStream, a_decompression_bomb_stops_at_the_limit) {
    // 8 MiB of zeros compress to about 8 KiB; the limit is 1 MiB.
    const std::string zeros(8 << 20, '\0');
    deflate_compressor c(role::client, {}, 9);
    const std::string z = compress(c, zeros);
    ASSERT_LT(z.size(), 16u * 1024);
    constexpr std::uint64_t limit = 1 << 20;
    deflate_decompressor d(role::server, {}, limit);
    std::string out;
    EXPECT_EQ(d.feed(bytes(z), z.size(), out), error::decompression_too_big);
    EXPECT_LE(out.size(), limit);
    EXPECT_LE(out.capacity(), 2 * limit);
    // Fed in pieces the bomb stops as well, with the same bound.
    deflate_decompressor d2(role::server, {}, limit);
    std::string out2;
    error e = error::none;
    for (std::size_t i = 0; i < z.size() && e == error::none; i += 100)
        e = d2.feed(bytes(z) + i, std::min<std::size_t>(100, z.size() - i), out2);
    EXPECT_EQ(e, error::decompression_too_big);
    EXPECT_LE(out2.size(), limit);
}

TEST(DeflateStream, the_limit_is_exact) {
    const std::string m = sample(5, 1000);
    for (std::uint64_t limit : {999u, 1000u}) {
        deflate_compressor c(role::client, {});
        deflate_decompressor d(role::server, {}, limit);
        const std::string out = inflate_all(d, compress(c, m), limit < 1000 ? error::decompression_too_big : error::none);
        EXPECT_LE(out.size(), limit);
    }
    // The limit counts per message.
    deflate_compressor c(role::client, {});
    deflate_decompressor d(role::server, {}, 1000);
    for (int i = 0; i < 5; ++i) EXPECT_EQ(inflate_all(d, compress(c, m)), m);
    // No limit at all.
    deflate_compressor c2(role::client, {});
    deflate_decompressor unlimited(role::server, {}, std::numeric_limits<std::uint64_t>::max());
    EXPECT_EQ(inflate_all(unlimited, compress(c2, m)), m);
}

TEST(DeflateStream, corrupt_data_fails) {
    for (const char* hex : {
             "ffffffffff",              // BTYPE=11 is reserved
             "000500000048656c6c6f",    // stored block with LEN/NLEN disagreeing
             "f200110000",              // back reference before the start of an empty window
         }) {
        deflate_decompressor d(role::server, {}, 1 << 20);
        inflate_all(d, from_hex(hex), error::inflate_failed);
    }
}

TEST(DeflateStream, a_payload_cut_inside_a_block_fails) {
    // "Hello" cut after two octets: the appended tail lands inside the Huffman
    // block instead of closing an empty stored block.
    deflate_decompressor d(role::server, {}, 1 << 20);
    std::string out;
    const std::string z = from_hex("f248");
    error e = d.feed(bytes(z), z.size(), out);
    if (e == error::none) e = d.finish(out);
    EXPECT_EQ(e, error::inflate_failed);
}

}  // namespace
}  // namespace wsc
