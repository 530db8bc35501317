#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "wsc/mask.hpp"
#include "wsc/random.hpp"

namespace {

const wsc::mask_key rfc_key{0x37, 0xfa, 0x21, 0x3d};

std::vector<std::uint8_t> bytes(std::string_view s) { return {s.begin(), s.end()}; }

// The definition from §5.3, one octet at a time.
std::vector<std::uint8_t> reference_mask(std::vector<std::uint8_t> v, const wsc::mask_key& k, std::uint64_t offset) {
    for (std::size_t i = 0; i < v.size(); ++i) v[i] ^= k[(offset + i) % 4];
    return v;
}

TEST(mask, rfc6455_5_7_masked_hello) {
    auto v = bytes("Hello");
    wsc::apply_mask(v.data(), v.size(), rfc_key);
    EXPECT_EQ(v, (std::vector<std::uint8_t>{0x7f, 0x9f, 0x4d, 0x51, 0x58}));
}

TEST(mask, masking_twice_restores_the_payload) {
    std::vector<std::uint8_t> v(1000);
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = static_cast<std::uint8_t>(i * 7);
    auto w = v;
    wsc::apply_mask(w.data(), w.size(), rfc_key, 3);
    EXPECT_NE(w, v);
    wsc::apply_mask(w.data(), w.size(), rfc_key, 3);
    EXPECT_EQ(w, v);
}

TEST(mask, matches_the_definition_for_every_length_and_offset) {
    for (std::size_t n = 0; n <= 150; ++n) {
        std::vector<std::uint8_t> v(n);
        for (std::size_t i = 0; i < n; ++i) v[i] = static_cast<std::uint8_t>(i * 31 + 5);
        for (std::uint64_t off = 0; off < 8; ++off) {
            auto w = v;
            wsc::apply_mask(w.data(), w.size(), rfc_key, off);
            ASSERT_EQ(w, reference_mask(v, rfc_key, off)) << n << " " << off;
        }
    }
}

TEST(mask, payload_split_at_any_point_unmasks_like_one_piece) {
    std::vector<std::uint8_t> v(300);
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = static_cast<std::uint8_t>(i);
    const auto whole = reference_mask(v, rfc_key, 0);
    for (std::size_t cut = 0; cut <= v.size(); ++cut) {
        auto w = v;
        wsc::apply_mask(w.data(), cut, rfc_key, 0);
        wsc::apply_mask(w.data() + cut, w.size() - cut, rfc_key, cut);
        ASSERT_EQ(w, whole) << cut;
    }
}

TEST(mask, copy_masked_leaves_the_source_alone) {
    const auto src = bytes("a payload longer than one 64-octet block of the fast path, to cover it all");
    std::vector<std::uint8_t> dst(src.size());
    wsc::copy_masked(dst.data(), src.data(), src.size(), rfc_key, 1);
    EXPECT_EQ(dst, reference_mask(src, rfc_key, 1));
    EXPECT_EQ(src, bytes("a payload longer than one 64-octet block of the fast path, to cover it all"));
}

TEST(random, fixed_random_repeats_the_value_big_endian) {
    std::uint8_t out[6];
    wsc::fixed_random(0x37fa213d)(out, 6);
    EXPECT_EQ(out[0], 0x37);
    EXPECT_EQ(out[1], 0xfa);
    EXPECT_EQ(out[2], 0x21);
    EXPECT_EQ(out[3], 0x3d);
    EXPECT_EQ(out[4], 0x37);
    EXPECT_EQ(out[5], 0xfa);
}

TEST(random, system_random_fills_the_buffer) {
    std::uint8_t a[32]{}, b[32]{};
    auto r = wsc::system_random();
    r(a, sizeof a);
    r(b, sizeof b);
    EXPECT_NE(std::string(a, a + 32), std::string(b, b + 32));
}

// Keys come from a per-thread pool; a forked child must draw fresh octets, not the
// ones its parent is about to hand out.
TEST(random, system_random_after_fork_does_not_repeat_the_parent) {
    auto r = wsc::system_random();
    std::uint8_t warm[4];
    r(warm, sizeof warm);  // the pool is now full of octets not yet handed out
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    const pid_t child = fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        std::uint8_t c[16];
        r(c, sizeof c);
        const bool ok = write(fds[1], c, sizeof c) == static_cast<ssize_t>(sizeof c);
        _exit(ok ? 0 : 1);
    }
    close(fds[1]);
    std::uint8_t from_child[16]{}, mine[16]{};
    ASSERT_EQ(read(fds[0], from_child, sizeof from_child), static_cast<ssize_t>(sizeof from_child));
    close(fds[0]);
    int status = 0;
    waitpid(child, &status, 0);
    r(mine, sizeof mine);
    EXPECT_NE(std::string(from_child, from_child + 16), std::string(mine, mine + 16));
}

}  // namespace
