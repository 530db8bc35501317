// Frame ends are found at any split of the input, whatever the frames contain.
#include <gtest/gtest.h>

#include "wsc/net/frame_boundaries.hpp"

using namespace wsc;

namespace {
std::string frame(std::uint8_t opcode, std::size_t size, bool masked, std::uint8_t rsv = 0) {
    frame_spec spec;
    spec.opcode = opcode;
    spec.rsv = rsv;
    if (masked) spec.mask = mask_key{1, 2, 3, 4};
    return encode_frame(spec, std::string(size, 'x'));
}
}  // namespace

TEST(frame_boundaries, splits_a_chunk_after_each_frame) {
    const std::string a = frame(0x1, 13, true), b = frame(0x5, 0, true, rsv2), c = frame(0x9, 0, true);
    net::frame_boundaries fb;
    const std::string all = a + b + c;
    std::string_view rest = all;
    EXPECT_EQ(fb.through_next_frame(rest), a.size());
    rest.remove_prefix(a.size());
    EXPECT_EQ(fb.through_next_frame(rest), b.size());
    rest.remove_prefix(b.size());
    EXPECT_EQ(fb.through_next_frame(rest), c.size());
}

TEST(frame_boundaries, byte_by_byte_reports_each_frame_end_once) {
    const std::string bytes = frame(0x2, 200, false) + frame(0x1, 70000, false) + frame(0x8, 2, false);
    net::frame_boundaries fb;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const std::size_t took = fb.through_next_frame(std::string_view(bytes).substr(i, 1));
        EXPECT_EQ(took, 1u);
    }
    // Whole input again, in one piece, with a fresh splitter: three frames.
    net::frame_boundaries whole;
    std::string_view rest = bytes;
    int frames = 0;
    while (!rest.empty()) {
        rest.remove_prefix(whole.through_next_frame(rest));
        ++frames;
    }
    EXPECT_EQ(frames, 3);
}

TEST(frame_boundaries, gives_up_on_a_length_with_the_top_bit_set) {
    std::string bad = "\x82\x7f\x80\x00\x00\x00\x00\x00\x00\x00rest";
    net::frame_boundaries fb;
    EXPECT_EQ(fb.through_next_frame(bad), bad.size());
    EXPECT_EQ(fb.through_next_frame("more"), 4u);
}
