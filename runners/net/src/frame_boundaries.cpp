#include "wsc/net/frame_boundaries.hpp"

#include <algorithm>

namespace wsc::net {

namespace {
// Follows framing only: every check that could refuse a frame is the codec's job.
frame_parser_config permissive() {
    frame_parser_config cfg;
    cfg.masking = mask_rule::any;
    cfg.allowed_rsv = rsv1 | rsv2 | rsv3;
    cfg.check_reserved_opcodes = false;
    cfg.check_control_frames = false;
    return cfg;
}
}  // namespace

frame_boundaries::frame_boundaries() : parser_(permissive()), scratch_(new std::uint8_t[scratch_size]) {}

std::size_t frame_boundaries::through_next_frame(std::string_view bytes) {
    if (lost_) return bytes.size();
    const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.data());
    std::size_t used = 0;
    while (used < bytes.size()) {
        // Payload steps need room for what they unmask; feed at most the scratch size.
        const std::size_t n = std::min(bytes.size() - used, scratch_size);
        const auto step = parser_.next_into(data + used, n, scratch_.get());
        used += step.consumed;
        switch (step.what) {
        case frame_parser::status::frame_end:
            // A frame whose last payload octet ended the previous chunk reports its
            // end only now, having consumed nothing of this chunk.
            if (used > 0) return used;
            break;
        case frame_parser::status::failed: lost_ = true; return bytes.size();
        case frame_parser::status::need_more:
            if (step.consumed == 0) return bytes.size();
            break;
        case frame_parser::status::header:
        case frame_parser::status::payload: break;
        }
    }
    return used;
}

}  // namespace wsc::net
