// RFC 7692 §7.2.1 compressing a message.
#include <zlib.h>

#include <stdexcept>

#include "wsc/deflate.hpp"

namespace wsc {

struct deflate_compressor::impl {
    z_stream z{};
    bool reset_each_message = false;
};

deflate_compressor::deflate_compressor(role side, const deflate_params& params, int level) : impl_(new impl) {
    std::uint8_t bits = side == role::server ? params.server_max_window_bits : params.client_max_window_bits;
    impl_->reset_each_message =
        side == role::server ? params.server_no_context_takeover : params.client_no_context_takeover;
    // zlib has no raw 256-byte window. Stored blocks (level 0) hold no back
    // references at all, so they are valid for a peer with any window, 8 included.
    if (bits < 9) {
        bits = 9;
        level = 0;
    }
    if (deflateInit2(&impl_->z, level, Z_DEFLATED, -static_cast<int>(bits), 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("deflateInit2 failed");
}

deflate_compressor::~deflate_compressor() {
    if (impl_) deflateEnd(&impl_->z);
}

void deflate_compressor::compress(std::string_view message, std::string& out) {
    z_stream& z = impl_->z;
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(message.data()));
    z.avail_in = static_cast<uInt>(message.size());
    std::size_t start = out.size();
    for (;;) {
        std::size_t old = out.size();
        std::size_t room = deflateBound(&z, z.avail_in) + 16;
        out.resize(old + room);
        z.next_out = reinterpret_cast<Bytef*>(out.data() + old);
        z.avail_out = static_cast<uInt>(room);
        int rc = deflate(&z, Z_SYNC_FLUSH);
        out.resize(old + (room - z.avail_out));
        if (rc != Z_OK && rc != Z_BUF_ERROR) throw std::runtime_error("deflate failed");
        if (z.avail_in == 0 && z.avail_out != 0) break;
    }
    // §7.2.1: "Remove 4 octets (that are 0x00 0x00 0xff 0xff) from the tail end."
    if (out.size() - start >= 4 && out.compare(out.size() - 4, 4, std::string_view("\x00\x00\xff\xff", 4)) == 0)
        out.resize(out.size() - 4);
    if (impl_->reset_each_message) deflateReset(&z);
}

}  // namespace wsc
