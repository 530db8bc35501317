#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "wsc/mask.hpp"
#include "wsc/utf8.hpp"

namespace {

using bytes = std::vector<std::uint8_t>;

// RFC 3629 written out as a plain decoder: the oracle the automaton is compared
// against. Returns the number of octets that form a valid prefix (== size when the
// whole input is valid and complete), or -1-(index of the first impossible octet).
long reference_check(const bytes& s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const std::uint8_t b = s[i];
        int len;
        std::uint32_t cp, min;
        if (b < 0x80) { ++i; continue; }
        else if (b >= 0xC2 && b <= 0xDF) { len = 2; cp = b & 0x1F; min = 0x80; }
        else if (b >= 0xE0 && b <= 0xEF) { len = 3; cp = b & 0x0F; min = 0x800; }
        else if (b >= 0xF0 && b <= 0xF4) { len = 4; cp = b & 0x07; min = 0x10000; }
        else return -1 - static_cast<long>(i);
        for (int k = 1; k < len; ++k) {
            if (i + k >= s.size()) return static_cast<long>(i);  // valid so far, incomplete
            const std::uint8_t c = s[i + k];
            if ((c & 0xC0) != 0x80) return -1 - static_cast<long>(i + k);
            cp = (cp << 6) | (c & 0x3F);
            // The first continuation octet already decides overlong, surrogate and
            // range errors; check as soon as the value is pinned down enough.
            const int left = len - 1 - k;
            const std::uint32_t lo = cp << (6 * left), hi = lo | ((1u << (6 * left)) - 1);
            if (hi < min || lo > 0x10FFFF || (lo >= 0xD800 && hi <= 0xDFFF)) return -1 - static_cast<long>(i + k);
        }
        i += len;
    }
    return static_cast<long>(s.size());
}

// Index at which feeding one octet at a time first fails, or -1.
long fail_index_bytewise(const bytes& s) {
    wsc::utf8_validator v;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (!v.feed(&s[i], 1)) return static_cast<long>(i);
    return -1;
}

bool whole_valid(const bytes& s) {
    return wsc::is_valid_utf8(std::string_view(reinterpret_cast<const char*>(s.data()), s.size()));
}

TEST(utf8, accepts_valid_text) {
    EXPECT_TRUE(wsc::is_valid_utf8(""));
    EXPECT_TRUE(wsc::is_valid_utf8("Hello-µ@ßöäüàá-UTF-8!!"));
    EXPECT_TRUE(wsc::is_valid_utf8("\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5"));  // κόσμε
    EXPECT_TRUE(wsc::is_valid_utf8("\xf4\x8f\xbf\xbf"));                              // U+10FFFF
    EXPECT_TRUE(wsc::is_valid_utf8("\xef\xbf\xbf"));                                  // U+FFFF
    EXPECT_TRUE(wsc::is_valid_utf8("\xed\x9f\xbf"));                                  // U+D7FF
    EXPECT_TRUE(wsc::is_valid_utf8("\xee\x80\x80"));                                  // U+E000
}

struct bad_case {
    const char* what;
    bytes input;
    long fails_at;  // index of the first impossible octet
};

TEST(utf8, rejects_at_the_first_impossible_octet) {
    const std::vector<bad_case> cases = {
        {"lone continuation", {0x61, 0x80}, 1},
        {"C0 overlong lead", {0xC0, 0x80}, 0},
        {"C1 overlong lead", {0xC1, 0xBF}, 0},
        {"3-octet overlong", {0xE0, 0x80, 0x80}, 1},
        {"4-octet overlong", {0xF0, 0x8F, 0xBF, 0xBF}, 1},
        {"surrogate D800", {0xED, 0xA0, 0x80}, 1},
        {"surrogate DFFF", {0xED, 0xBF, 0xBF}, 1},
        {"above U+10FFFF", {0xF4, 0x90, 0x80, 0x80}, 1},
        {"F5 lead", {0xF5, 0x80, 0x80, 0x80}, 0},
        {"FF", {0x41, 0xFF}, 1},
        {"ascii inside a sequence", {0xE2, 0x82, 0x41}, 2},
        {"new lead inside a sequence", {0xE2, 0xE2}, 1},
    };
    for (const auto& c : cases) {
        EXPECT_EQ(fail_index_bytewise(c.input), c.fails_at) << c.what;
        EXPECT_EQ(reference_check(c.input), -1 - c.fails_at) << c.what;
        EXPECT_FALSE(whole_valid(c.input)) << c.what;
    }
}

TEST(utf8, fails_fast_when_fed_in_pieces) {
    wsc::utf8_validator v;
    EXPECT_TRUE(v.feed("Hello \xed"));  // could still be U+D000..U+D7FF
    EXPECT_FALSE(v.complete());
    EXPECT_FALSE(v.feed("\xa0"));  // now it is a surrogate
    EXPECT_TRUE(v.failed());
    EXPECT_FALSE(v.feed("more ascii"));  // stays failed
    v.reset();
    EXPECT_TRUE(v.feed("ok"));
}

TEST(utf8, sequence_split_across_feeds_completes) {
    wsc::utf8_validator v;
    EXPECT_TRUE(v.feed("\xf0\x9f"));
    EXPECT_FALSE(v.complete());
    EXPECT_TRUE(v.feed("\x98"));
    EXPECT_TRUE(v.feed("\x80"));  // U+1F600
    EXPECT_TRUE(v.complete());
}

TEST(utf8, truncated_sequence_is_a_valid_prefix_but_not_complete) {
    wsc::utf8_validator v;
    EXPECT_TRUE(v.feed("abc\xe2\x82"));
    EXPECT_FALSE(v.complete());
    EXPECT_FALSE(v.failed());
    EXPECT_FALSE(wsc::is_valid_utf8("abc\xe2\x82"));
}

TEST(utf8, ascii_fast_path_does_not_hide_bad_octets_at_any_position) {
    for (std::size_t pos = 0; pos < 100; ++pos) {
        bytes s(100, 'a');
        s[pos] = 0xFF;
        ASSERT_EQ(fail_index_bytewise(s), static_cast<long>(pos));
        wsc::utf8_validator v;
        ASSERT_FALSE(v.feed(s.data(), s.size())) << pos;
        // A multi-octet character placed anywhere in a long ASCII run is fine.
        bytes t(100, 'a');
        if (pos + 3 <= t.size()) {
            t[pos] = 0xE2, t[pos + 1] = 0x82, t[pos + 2] = 0xAC;  // €
            ASSERT_TRUE(whole_valid(t)) << pos;
        }
    }
}

TEST(utf8, agrees_with_reference_on_all_two_and_three_octet_inputs) {
    for (int a = 0; a < 256; ++a)
        for (int b = 0; b < 256; ++b) {
            bytes s{std::uint8_t(a), std::uint8_t(b)};
            const long ref = reference_check(s);
            ASSERT_EQ(whole_valid(s), ref == 2) << a << " " << b;
            ASSERT_EQ(fail_index_bytewise(s), ref < 0 ? -1 - ref : -1) << a << " " << b;
        }
    for (int a = 0xC0; a < 256; ++a)
        for (int b = 0x70; b < 0xC8; ++b)
            for (int c = 0x70; c < 0xC8; ++c) {
                bytes s{std::uint8_t(a), std::uint8_t(b), std::uint8_t(c)};
                const long ref = reference_check(s);
                ASSERT_EQ(whole_valid(s), ref == 3) << a << " " << b << " " << c;
                ASSERT_EQ(fail_index_bytewise(s), ref < 0 ? -1 - ref : -1) << a << " " << b << " " << c;
            }
}

TEST(utf8, agrees_with_reference_on_random_inputs_fed_in_random_pieces) {
    std::mt19937 rng(6455);
    const std::vector<std::uint8_t> alphabet = {0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2,
                                                0xDF, 0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF3, 0xF4, 0xF5, 0xFF};
    for (int round = 0; round < 20000; ++round) {
        bytes s(rng() % 12);
        for (auto& x : s) x = alphabet[rng() % alphabet.size()];
        const long ref = reference_check(s);
        wsc::utf8_validator v;
        std::size_t i = 0;
        long failed_in_piece_ending = -1;
        while (i < s.size()) {
            const std::size_t k = 1 + rng() % (s.size() - i);
            if (!v.feed(s.data() + i, k)) {
                failed_in_piece_ending = static_cast<long>(i + k);
                break;
            }
            i += k;
        }
        if (ref < 0) {
            const long bad = -1 - ref;
            ASSERT_GE(failed_in_piece_ending, bad + 1);  // failed in the piece holding the bad octet
            ASSERT_LE(static_cast<long>(i), bad);
        } else {
            ASSERT_EQ(failed_in_piece_ending, -1);
            ASSERT_EQ(v.complete(), ref == static_cast<long>(s.size()));
        }
    }
}

// ---- feed_masked: the fused unmask + validate pass must behave exactly like
// copy_masked followed by feed, whatever the block boundaries (256 octets).

// Runs `plain`, masked with `key` from payload offset `offset`, through feed_masked in
// the given pieces, in place or into a second buffer. Returns the index of the piece
// that failed (or -1), and leaves the unmasked octets in `out`.
long feed_masked_pieces(const bytes& plain, const wsc::mask_key& key, std::uint64_t offset,
                        const std::vector<std::size_t>& pieces, bool in_place, wsc::utf8_validator& v, bytes& out) {
    bytes wire = plain;
    wsc::apply_mask(wire.data(), wire.size(), key, offset);
    out.assign(plain.size(), 0);
    std::size_t at = 0;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        std::uint8_t* dst = in_place ? wire.data() + at : out.data() + at;
        const bool ok = v.feed_masked(dst, wire.data() + at, pieces[i], key, offset + at);
        if (in_place) std::copy(wire.begin() + at, wire.begin() + at + pieces[i], out.begin() + at);
        if (!ok) return static_cast<long>(i);
        at += pieces[i];
    }
    return -1;
}

const wsc::mask_key test_key{0x37, 0xfa, 0x21, 0x3d};

TEST(utf8, feed_masked_unmasks_like_copy_masked_for_every_length_and_offset) {
    bytes plain(1000);
    for (std::size_t i = 0; i < plain.size(); ++i) plain[i] = static_cast<std::uint8_t>(0x20 + i % 95);
    for (std::size_t n : {0u, 1u, 3u, 15u, 16u, 255u, 256u, 257u, 511u, 512u, 513u, 1000u})
        for (std::uint64_t offset = 0; offset < 4; ++offset)
            for (bool in_place : {false, true}) {
                const bytes p(plain.begin(), plain.begin() + static_cast<long>(n));
                wsc::utf8_validator v;
                bytes out;
                ASSERT_EQ(feed_masked_pieces(p, test_key, offset, {n}, in_place, v, out), -1) << n;
                ASSERT_EQ(out, p) << "n " << n << " offset " << offset << " in place " << in_place;
                ASSERT_TRUE(v.complete());
            }
}

TEST(utf8, feed_masked_finds_a_bad_octet_at_every_position_of_ascii_blocks) {
    // A lone 0xff (never valid) and a lone continuation 0x80 at every position of
    // 600 ASCII octets: the block check must hand the right block to the automaton.
    for (std::uint8_t bad : {std::uint8_t{0xFF}, std::uint8_t{0x80}})
        for (std::size_t pos = 0; pos < 600; ++pos) {
            bytes p(600, 'a');
            p[pos] = bad;
            wsc::utf8_validator v;
            bytes out;
            ASSERT_EQ(feed_masked_pieces(p, test_key, pos % 4, {p.size()}, pos % 2 == 0, v, out), 0) << pos;
            ASSERT_TRUE(v.failed());
            // Everything up to the bad octet is unmasked already.
            ASSERT_TRUE(std::equal(p.begin(), p.begin() + static_cast<long>(pos) + 1, out.begin())) << pos;
        }
}

TEST(utf8, feed_masked_checks_an_ascii_block_that_follows_an_open_sequence) {
    // The first block ends with a lead octet; the next block is all ASCII, so its
    // high bits are clear, yet its first octet must fail the open sequence.
    for (std::uint8_t lead : {std::uint8_t{0xC3}, std::uint8_t{0xE2}, std::uint8_t{0xF0}}) {
        bytes p(512, 'a');
        p[255] = lead;
        wsc::utf8_validator v;
        bytes out;
        EXPECT_EQ(feed_masked_pieces(p, test_key, 0, {p.size()}, false, v, out), 0) << int(lead);
        // Cut right after the lead octet: the second feed must fail at its first octet.
        wsc::utf8_validator w;
        EXPECT_EQ(feed_masked_pieces(p, test_key, 0, {256, 256}, true, w, out), 1) << int(lead);
    }
    // And a sequence completed across the block boundary is fine: "é" = c3 a9 at 255.
    bytes p(512, 'a');
    p[255] = 0xC3;
    p[256] = 0xA9;
    wsc::utf8_validator v;
    bytes out;
    EXPECT_EQ(feed_masked_pieces(p, test_key, 0, {p.size()}, false, v, out), -1);
    EXPECT_TRUE(v.complete());
    EXPECT_EQ(out, p);
}

TEST(utf8, feed_masked_agrees_with_copy_masked_then_feed_on_random_input_in_random_pieces) {
    std::mt19937 rng(7692);
    const std::vector<std::uint8_t> alphabet = {0x20, 0x41, 0x7A, 0x7F, 0x80, 0x9F, 0xA0, 0xBF, 0xC2, 0xC3,
                                                0xDF, 0xE0, 0xE2, 0xED, 0xF0, 0xF4, 0xF5, 0xFF};
    for (int round = 0; round < 3000; ++round) {
        // Mostly ASCII with a few other octets, so both block paths are taken.
        bytes plain(rng() % 1500);
        for (auto& x : plain) x = rng() % 64 == 0 ? alphabet[rng() % alphabet.size()] : static_cast<std::uint8_t>('a' + rng() % 26);
        const wsc::mask_key key{static_cast<std::uint8_t>(rng()), static_cast<std::uint8_t>(rng()),
                                static_cast<std::uint8_t>(rng()), static_cast<std::uint8_t>(rng())};
        const std::uint64_t offset = rng() % 8;
        std::vector<std::size_t> pieces;
        for (std::size_t left = plain.size(); left > 0;) {
            const std::size_t k = std::min<std::size_t>(left, rng() % 700);
            pieces.push_back(k);
            left -= k;
        }
        // The two-pass oracle, with the same pieces.
        wsc::utf8_validator ref;
        long ref_fail = -1;
        std::size_t at = 0;
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            if (!ref.feed(plain.data() + at, pieces[i])) {
                ref_fail = static_cast<long>(i);
                break;
            }
            at += pieces[i];
        }
        wsc::utf8_validator v;
        bytes out;
        const long got = feed_masked_pieces(plain, key, offset, pieces, round % 2 == 0, v, out);
        ASSERT_EQ(got, ref_fail) << "round " << round;
        if (got < 0) {
            ASSERT_EQ(out, plain) << "round " << round;
            ASSERT_EQ(v.complete(), ref.complete()) << "round " << round;
        }
    }
}

TEST(utf8, feed_masked_after_a_failure_stays_failed) {
    wsc::utf8_validator v;
    const std::uint8_t bad = 0xFF;
    std::uint8_t out[300];
    EXPECT_FALSE(v.feed(&bad, 1));
    const bytes ascii(300, 'a');
    EXPECT_FALSE(v.feed_masked(out, ascii.data(), ascii.size(), test_key));
    EXPECT_TRUE(v.failed());
}

}  // namespace
