// Finds where frames end in a received chunk, so a driver can hand the codec one
// frame at a time and send its reaction (an echo) before the next frame is even
// looked at. Without this, "TXT; bad frame" arriving in one read is failed as a
// whole and the echo of the valid message never leaves: Autobahn grades that
// NON-STRICT (3.2, 4.1.3, 5.15, ...), while RFC 6455 lets the valid frame be
// processed first.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "wsc/frame.hpp"

namespace wsc::net {

class frame_boundaries {
public:
    frame_boundaries();
    // How many leading octets of `bytes` reach up to the end of the frame in
    // progress (all of them if it does not end inside `bytes`). Once the framing
    // can no longer be followed (a header the parser refuses), every call answers
    // bytes.size(): the codec will fail the connection on its own.
    std::size_t through_next_frame(std::string_view bytes);

private:
    frame_parser parser_;
    std::unique_ptr<std::uint8_t[]> scratch_;  // unmasked payload goes here, unused
    bool lost_ = false;
    static constexpr std::size_t scratch_size = 64 * 1024;
};

}  // namespace wsc::net
