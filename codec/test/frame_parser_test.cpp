// The parser against RFC 6455 §5.7 examples, at every split point and one octet at
// a time, and one test per header error it reports.
#include <algorithm>
#include <utility>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "wsc/frame.hpp"
#include "wsc/utf8.hpp"

namespace {

using wsc::error;
using status = wsc::frame_parser::status;

const wsc::mask_key rfc_key{0x37, 0xfa, 0x21, 0x3d};

struct parsed_frame {
    wsc::frame_header header;
    std::string payload;
};

struct parse_result {
    std::vector<parsed_frame> frames;
    error failure = error::none;
    std::size_t consumed = 0;  // octets consumed before the failure (or all)
};

// Feeds `wire` in pieces cut at `cuts` (ascending offsets), like a socket would.
parse_result parse_pieces(std::string wire, const std::vector<std::size_t>& cuts, wsc::frame_parser_config cfg = {}) {
    wsc::frame_parser p(cfg);
    parse_result r;
    bool open = false;
    std::size_t start = 0;
    std::vector<std::size_t> ends = cuts;
    ends.push_back(wire.size());
    for (std::size_t end : ends) {
        auto* data = reinterpret_cast<std::uint8_t*>(wire.data()) + start;
        std::size_t n = end - start, pos = 0;
        for (;;) {
            auto s = p.next(data + pos, n - pos);
            pos += s.consumed;
            r.consumed += s.consumed;
            if (s.what == status::need_more) break;
            if (s.what == status::failed) {
                r.failure = p.failure();
                return r;
            }
            if (s.what == status::header) {
                r.frames.push_back({p.header(), {}});
                open = true;
            } else if (s.what == status::payload) {
                r.frames.back().payload.append(reinterpret_cast<char*>(s.data), s.size);
            } else if (s.what == status::frame_end) {
                EXPECT_TRUE(open);
                open = false;
            }
            if (pos == n && !p.in_payload() && s.what != status::header && s.what != status::payload) break;
        }
        start = end;
    }
    // Drain a trailing frame_end for frames that completed on the last octet.
    std::uint8_t dummy = 0;
    auto s = p.next(&dummy, 0);
    if (s.what == status::frame_end) open = false;
    EXPECT_FALSE(open) << "frame not finished";
    return r;
}

parse_result parse(std::string wire, wsc::frame_parser_config cfg = {}) { return parse_pieces(std::move(wire), {}, cfg); }

std::string frame(std::uint8_t op, std::string_view payload, bool fin = true, bool masked = false) {
    wsc::frame_spec s;
    s.opcode = op;
    s.fin = fin;
    if (masked) s.mask = rfc_key;
    return wsc::encode_frame(s, payload);
}

std::string raw(std::initializer_list<int> b) {
    std::string s;
    for (int x : b) s.push_back(static_cast<char>(x));
    return s;
}

void expect_same_at_every_split(const std::string& wire, const std::vector<std::string>& payloads) {
    for (std::size_t cut = 0; cut <= wire.size(); ++cut) {
        auto r = parse_pieces(wire, {cut});
        ASSERT_EQ(r.failure, error::none) << "cut " << cut;
        ASSERT_EQ(r.frames.size(), payloads.size()) << "cut " << cut;
        for (std::size_t i = 0; i < payloads.size(); ++i) ASSERT_EQ(r.frames[i].payload, payloads[i]) << "cut " << cut;
    }
    std::vector<std::size_t> every;
    for (std::size_t i = 1; i < wire.size(); ++i) every.push_back(i);
    auto r = parse_pieces(wire, every);
    ASSERT_EQ(r.frames.size(), payloads.size()) << "byte by byte";
    for (std::size_t i = 0; i < payloads.size(); ++i) ASSERT_EQ(r.frames[i].payload, payloads[i]) << "byte by byte";
}

TEST(frame_parser, client_receives_unmasked_hello_at_every_split) {
    const auto wire = raw({0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f});
    auto r = parse(wire);
    ASSERT_EQ(r.frames.size(), 1u);
    const auto& h = r.frames[0].header;
    EXPECT_TRUE(h.fin);
    EXPECT_EQ(h.opcode, 0x1);
    EXPECT_FALSE(h.masked);
    EXPECT_EQ(h.length, 5u);
    EXPECT_EQ(h.header_size, 2);
    expect_same_at_every_split(wire, {"Hello"});
}

TEST(frame_parser, server_receives_masked_hello_at_every_split) {
    const auto wire = raw({0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58});
    auto r = parse(wire);
    ASSERT_EQ(r.frames.size(), 1u);
    EXPECT_TRUE(r.frames[0].header.masked);
    EXPECT_EQ(r.frames[0].header.key, rfc_key);
    EXPECT_EQ(r.frames[0].header.header_size, 6);
    expect_same_at_every_split(wire, {"Hello"});
}

TEST(frame_parser, fragmented_hello_and_ping_pong_in_one_stream) {
    const auto wire = raw({0x01, 0x03, 0x48, 0x65, 0x6c, 0x89, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x80, 0x02, 0x6c,
                           0x6f, 0x8a, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58});
    auto r = parse(wire);
    ASSERT_EQ(r.frames.size(), 4u);
    EXPECT_FALSE(r.frames[0].header.fin);
    EXPECT_EQ(r.frames[1].header.opcode, 0x9);
    EXPECT_EQ(r.frames[2].header.opcode, 0x0);
    EXPECT_EQ(r.frames[3].header.opcode, 0xA);
    expect_same_at_every_split(wire, {"Hel", "Hello", "lo", "Hello"});
}

TEST(frame_parser, binary_256_and_64_kib_length_forms) {
    std::string p256(256, '\0'), p64k(65536, '\0');
    for (std::size_t i = 0; i < p64k.size(); ++i) p64k[i] = static_cast<char>(i * 13);
    for (std::size_t i = 0; i < p256.size(); ++i) p256[i] = static_cast<char>(i);
    const auto wire = frame(0x2, p256, true, true) + frame(0x2, p64k, true, true);
    auto r = parse(wire);
    ASSERT_EQ(r.frames.size(), 2u);
    EXPECT_EQ(r.frames[0].header.header_size, 8);
    EXPECT_EQ(r.frames[1].header.header_size, 14);
    EXPECT_EQ(r.frames[1].header.length, 65536u);
    EXPECT_EQ(r.frames[0].payload, p256);
    EXPECT_EQ(r.frames[1].payload, p64k);
    for (std::size_t cut : {1, 2, 3, 7, 8, 9, 200, 263, 264, 265, 270, 277, 278, 5000})
        ASSERT_EQ(parse_pieces(wire, {cut}).frames.at(1).payload, p64k) << cut;
}

TEST(frame_parser, empty_payload_still_ends_the_frame) {
    wsc::frame_parser p;
    auto wire = raw({0x89, 0x00, 0x8a, 0x00});
    auto* d = reinterpret_cast<std::uint8_t*>(wire.data());
    auto s = p.next(d, 4);
    EXPECT_EQ(s.what, status::header);
    EXPECT_EQ(s.consumed, 2u);
    s = p.next(d + 2, 2);
    EXPECT_EQ(s.what, status::frame_end);
    EXPECT_EQ(s.consumed, 0u);
    s = p.next(d + 2, 2);
    EXPECT_EQ(s.what, status::header);
    EXPECT_EQ(p.header().opcode, 0xA);
    s = p.next(d + 4, 0);
    EXPECT_EQ(s.what, status::frame_end);
    s = p.next(d + 4, 0);
    EXPECT_EQ(s.what, status::need_more);
}

TEST(frame_parser, next_into_leaves_read_only_input_untouched) {
    const auto wire = raw({0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58});
    const auto* d = reinterpret_cast<const std::uint8_t*>(wire.data());
    wsc::frame_parser p;
    auto s = p.next_into(d, wire.size(), nullptr);
    ASSERT_EQ(s.what, status::header);
    ASSERT_TRUE(p.in_payload());
    std::uint8_t out[5];
    s = p.next_into(d + s.consumed, wire.size() - 6, out);
    ASSERT_EQ(s.what, status::payload);
    EXPECT_EQ(std::string(reinterpret_cast<char*>(out), 5), "Hello");
    EXPECT_EQ(wire, raw({0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58}));
}

// ---- the fused unmask + UTF-8 pass (next / next_into with a validator)

// Reads one frame of `wire` in pieces of `piece` octets with a validator attached,
// unmasking in place (next) or into a separate buffer (next_into). Returns the
// failure (none if the frame was read) and the payload delivered before it.
std::pair<error, std::string> read_validated(std::string wire, std::size_t piece, bool in_place,
                                             wsc::utf8_validator& v, wsc::frame_parser_config cfg = {}) {
    wsc::frame_parser p(cfg);
    std::string payload;
    std::vector<std::uint8_t> out(wire.size());
    auto* d = reinterpret_cast<std::uint8_t*>(wire.data());
    std::size_t pos = 0;
    for (;;) {
        const std::size_t n = std::min(piece, wire.size() - pos);
        auto s = in_place ? p.next(d + pos, n, &v) : p.next_into(d + pos, n, out.data(), &v);
        pos += s.consumed;
        if (s.what == status::failed) return {p.failure(), payload};
        if (s.what == status::payload) payload.append(reinterpret_cast<char*>(s.data), s.size);
        if (s.what == status::frame_end) return {error::none, payload};
        if (s.what == status::need_more && pos == wire.size()) return {error::none, payload + "<incomplete>"};
    }
}

TEST(frame_parser, validator_sees_every_payload_octet_masked_or_not) {
    const std::string text = std::string(300, 'a') + "\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5" + std::string(700, 'z');
    for (bool masked : {true, false})
        for (bool in_place : {true, false})
            for (std::size_t piece : {std::size_t{1}, std::size_t{7}, std::size_t{301}, std::size_t{5000}}) {
                wsc::utf8_validator v;
                const auto [e, payload] = read_validated(frame(0x1, text, true, masked), piece, in_place, v);
                EXPECT_EQ(e, error::none) << masked << in_place << piece;
                EXPECT_EQ(payload, text) << masked << in_place << piece;
                EXPECT_TRUE(v.complete());
            }
}

TEST(frame_parser, validator_fails_the_parser_in_the_middle_of_the_frame) {
    // 0xff at offset 400 of a 2000-octet text frame: the step carrying it fails,
    // and no later octet is consumed.
    std::string text(2000, 'a');
    text[400] = '\xff';
    for (bool masked : {true, false})
        for (bool in_place : {true, false}) {
            wsc::utf8_validator v;
            const auto [e, payload] = read_validated(frame(0x1, text, true, masked), 100, in_place, v);
            EXPECT_EQ(e, error::invalid_utf8) << masked << in_place;
            EXPECT_EQ(payload.size(), 400u) << "pieces before the bad one are delivered";
            EXPECT_TRUE(v.failed());
        }
    // Without a validator the same frame is just octets.
    std::string wire = frame(0x1, text, true, true);
    auto r = parse(wire);
    EXPECT_EQ(r.failure, error::none);
    ASSERT_EQ(r.frames.size(), 1u);
    EXPECT_EQ(r.frames[0].payload, text);
}

TEST(frame_parser, validator_leaves_the_end_of_message_check_to_the_caller) {
    // A frame ending inside a sequence is a valid prefix: the message may go on in
    // a continuation frame, so only the caller can tell.
    wsc::utf8_validator v;
    const auto [e, payload] = read_validated(frame(0x1, "ab\xe2\x82", false, true), 3, true, v);
    EXPECT_EQ(e, error::none);
    EXPECT_EQ(payload, "ab\xe2\x82");
    EXPECT_FALSE(v.complete());
    EXPECT_FALSE(v.failed());
}

// ---- one test per error the header checks report

struct header_error_case {
    const char* name;
    std::string wire;
    wsc::frame_parser_config cfg;
    error expected;
    std::size_t fails_after;  // octets consumed when the failure is reported
};

wsc::frame_parser_config cfg_with(void (*f)(wsc::frame_parser_config&)) {
    wsc::frame_parser_config c;
    f(c);
    return c;
}

TEST(frame_parser, each_header_error_is_reported_at_its_first_octet) {
    const std::vector<header_error_case> cases = {
        {"reserved data opcode", raw({0x83, 0x00}), {}, error::reserved_opcode, 1},
        {"reserved control opcode", raw({0x8B, 0x00}), {}, error::reserved_opcode, 1},
        {"RSV1 without extension", raw({0xC1, 0x00}), {}, error::reserved_bits_set, 1},
        {"RSV3 with only RSV1 allowed", raw({0x91, 0x00}),
         cfg_with([](auto& c) { c.allowed_rsv = wsc::rsv1; }), error::reserved_bits_set, 1},
        {"fragmented ping", raw({0x09, 0x00}), {}, error::fragmented_control_frame, 1},
        {"unmasked frame to a server", raw({0x81, 0x00}),
         cfg_with([](auto& c) { c.masking = wsc::mask_rule::must_be_masked; }), error::unmasked_client_frame, 2},
        {"masked frame to a client", raw({0x81, 0x80, 1, 2, 3, 4}),
         cfg_with([](auto& c) { c.masking = wsc::mask_rule::must_be_unmasked; }), error::masked_server_frame, 2},
        {"64-bit length with MSB set", raw({0x82, 0x7F, 0x80, 0, 0, 0, 0, 0, 0, 1}), {}, error::length_msb_set, 10},
        {"16-bit form for 5 octets (strict)", raw({0x81, 0x7E, 0x00, 0x05}),
         cfg_with([](auto& c) { c.strict_lengths = true; }), error::non_minimal_length, 4},
        {"64-bit form for 300 octets (strict)", raw({0x81, 0x7F, 0, 0, 0, 0, 0, 0, 0x01, 0x2C}),
         cfg_with([](auto& c) { c.strict_lengths = true; }), error::non_minimal_length, 10},
        {"ping of 126 octets", raw({0x89, 0x7E, 0x00, 0x7E}), {}, error::control_frame_too_long, 4},
        {"close of 65536 octets", raw({0x88, 0x7F, 0, 0, 0, 0, 0, 1, 0, 0}), {}, error::control_frame_too_long, 10},
        {"frame over max_frame_size", raw({0x82, 0x7E, 0x01, 0x00}),
         cfg_with([](auto& c) { c.max_frame_size = 255; }), error::frame_too_big, 4},
    };
    for (const auto& c : cases) {
        auto r = parse(c.wire, c.cfg);
        EXPECT_EQ(r.failure, c.expected) << c.name << ": " << wsc::name_of(r.failure);
        EXPECT_EQ(r.consumed, c.fails_after) << c.name;
        EXPECT_TRUE(r.frames.empty()) << c.name;
        // Split anywhere, the same failure.
        for (std::size_t cut = 0; cut <= c.wire.size(); ++cut)
            EXPECT_EQ(parse_pieces(c.wire, {cut}, c.cfg).failure, c.expected) << c.name << " cut " << cut;
    }
}

TEST(frame_parser, stays_failed_after_a_failure) {
    wsc::frame_parser p;
    auto wire = raw({0x83, 0x00}) + frame(0x1, "fine");
    auto* d = reinterpret_cast<std::uint8_t*>(wire.data());
    auto s = p.next(d, wire.size());
    ASSERT_EQ(s.what, status::failed);
    EXPECT_EQ(p.next(d + 2, wire.size() - 2).what, status::failed);
    EXPECT_EQ(p.next(d + 2, wire.size() - 2).consumed, 0u);
    EXPECT_EQ(p.failure(), error::reserved_opcode);
}

TEST(frame_parser, lenient_settings_let_frames_through) {
    wsc::frame_parser_config c;
    c.check_reserved_opcodes = false;
    EXPECT_EQ(parse(raw({0x83, 0x01, 0x41}), c).frames.at(0).header.opcode, 0x3);

    // A 16-bit length of 5 is accepted unless strict, and flagged non-minimal.
    auto r = parse(raw({0x81, 0x7E, 0x00, 0x05, 'H', 'e', 'l', 'l', 'o'}));
    ASSERT_EQ(r.frames.size(), 1u);
    EXPECT_FALSE(r.frames[0].header.minimal_length);
    EXPECT_EQ(r.frames[0].payload, "Hello");

    // A control frame with a long length form but a short value is not too long.
    EXPECT_EQ(parse(raw({0x89, 0x7E, 0x00, 0x01, 'x'})).failure, error::none);

    wsc::frame_parser_config nc;
    nc.check_control_frames = false;
    EXPECT_EQ(parse(raw({0x09, 0x00}), nc).failure, error::none);

    wsc::frame_parser p;
    p.set_allowed_rsv(wsc::rsv1);
    auto wire = raw({0xC1, 0x00});
    auto s = p.next(reinterpret_cast<std::uint8_t*>(wire.data()), 2);
    EXPECT_EQ(s.what, status::header);
    EXPECT_EQ(p.header().rsv, wsc::rsv1);
}

TEST(frame_parser, writer_output_round_trips_for_many_lengths) {
    for (std::size_t n : {0, 1, 124, 125, 126, 127, 65535, 65536, 70000}) {
        std::string payload(n, 'a');
        for (std::size_t i = 0; i < n; ++i) payload[i] = static_cast<char>('a' + i % 26);
        auto r = parse(frame(0x2, payload, true, true));
        ASSERT_EQ(r.frames.size(), 1u) << n;
        EXPECT_EQ(r.frames[0].payload, payload) << n;
        EXPECT_TRUE(r.frames[0].header.minimal_length) << n;
    }
}

}  // namespace
