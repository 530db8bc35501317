// Plays a writer row: the golden octets must come out exactly (RFC 6455 §5.7 and
// each length form), and must parse back, in every chunking, to the same frames.
#include <gtest/gtest.h>

#include "byte_builder.hpp"
#include "players.hpp"
#include "wsc/frame.hpp"

namespace wsc::tables {
namespace {

struct parsed_frame {
    frame_header header;
    std::string payload;
};

// Parses with no policy at all (any mask, any opcode, any RSV): this checks the
// writer's encoding, not what an endpoint would accept.
std::vector<parsed_frame> parse_back(std::string_view octets, const chunking& how, std::string& failure) {
    frame_parser_config pc;
    pc.check_reserved_opcodes = false;
    pc.check_control_frames = false;
    pc.allowed_rsv = rsv1 | rsv2 | rsv3;
    frame_parser parser(pc);
    std::vector<parsed_frame> out;
    std::optional<parsed_frame> current;
    for (std::string_view piece : split(octets, how)) {
        std::string buf(piece);
        std::size_t pos = 0;
        for (;;) {
            auto* data = reinterpret_cast<std::uint8_t*>(buf.data()) + pos;
            const frame_parser::step s = parser.next(data, buf.size() - pos);
            pos += s.consumed;
            if (s.what == frame_parser::status::need_more) break;
            if (s.what == frame_parser::status::failed) {
                failure = std::string(name_of(parser.failure()));
                return out;
            }
            if (s.what == frame_parser::status::header) current = parsed_frame{parser.header(), {}};
            if (s.what == frame_parser::status::payload && current)
                current->payload.append(reinterpret_cast<const char*>(s.data), s.size);
            if (s.what == frame_parser::status::frame_end && current) {
                out.push_back(std::move(*current));
                current.reset();
            }
        }
    }
    if (current) failure = "the octets end inside a frame";
    return out;
}

}  // namespace

void play_writer(const writer_case& c, const chunking& how) {
    std::string written;
    if (c.endpoint) {
        endpoint_config cfg = c.endpoint->config;
        cfg.random = fixed_random(c.endpoint->mask_key);
        endpoint ep(cfg);
        run_actions(ep, c.endpoint->before, "send");
        written = ep.take_output();
    } else {
        for (const auto& [spec, frame] : c.frames) written += encode_frame(spec, frame.payload);
    }
    if (written != c.expected) ADD_FAILURE() << "written octets differ from the golden ones" << first_difference(c.expected, written);

    std::string failure;
    const auto frames = parse_back(c.expected, how, failure);
    EXPECT_EQ(failure, "") << "the golden octets do not parse back";
    if (c.endpoint) return;  // an endpoint's frames are only compared octet for octet
    ASSERT_EQ(frames.size(), c.frames.size()) << "frames parsed back from the golden octets";
    for (std::size_t i = 0; i < frames.size(); ++i) {
        const frame_header& h = frames[i].header;
        const writer_frame& w = c.frames[i].second;
        SCOPED_TRACE("frame " + std::to_string(i));
        EXPECT_EQ(h.fin, w.fin);
        EXPECT_EQ(h.rsv, w.rsv);
        EXPECT_EQ(h.opcode, w.opcode);
        EXPECT_EQ(h.masked, w.mask.has_value());
        if (w.mask) {
            EXPECT_EQ(to_hex({reinterpret_cast<const char*>(h.key.data()), 4}), to_hex({reinterpret_cast<const char*>(w.mask->data()), 4}));
        }
        EXPECT_EQ(h.length, w.payload.size());
        EXPECT_EQ(h.minimal_length, c.frames[i].first.length_octets == 0 ||
                                        header_size_for(w.payload.size(), false) ==
                                            header_size_for(w.payload.size(), false, c.frames[i].first.length_octets));
        if (frames[i].payload != w.payload) ADD_FAILURE() << "payload" << first_difference(w.payload, frames[i].payload);
    }
}

}  // namespace wsc::tables
