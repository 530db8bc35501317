// RFC 7692 §7.2.2 decompressing a message, with a hard bound on the output.
#include <zlib.h>

#include <algorithm>
#include <stdexcept>

#include "wsc/deflate.hpp"

namespace wsc {

struct deflate_decompressor::impl {
    z_stream z{};
    bool reset_each_message = false;
    std::uint64_t limit = 0;
    std::uint64_t produced = 0;

    error run(const std::uint8_t* data, std::size_t n, std::string& out) {
        z.next_in = const_cast<Bytef*>(data);
        z.avail_in = static_cast<uInt>(n);
        for (;;) {
            // One byte over the limit is enough to know the message is too big, so
            // a bomb never costs more than the limit plus one chunk.
            std::uint64_t room64 = std::min<std::uint64_t>(64 * 1024, limit - produced + 1);
            std::size_t room = static_cast<std::size_t>(room64);
            std::size_t old = out.size();
            out.resize(old + room);
            z.next_out = reinterpret_cast<Bytef*>(out.data() + old);
            z.avail_out = static_cast<uInt>(room);
            int rc = inflate(&z, Z_SYNC_FLUSH);
            std::size_t got = room - z.avail_out;
            out.resize(old + got);
            produced += got;
            if (produced > limit) return error::decompression_too_big;
            if (rc == Z_STREAM_END) {
                // A block with BFINAL set ends the DEFLATE stream; the next bytes of
                // the message (if any) start a new one (RFC 7692 §7.2.3.4).
                inflateReset(&z);
                if (z.avail_in == 0) return error::none;
                continue;
            }
            if (rc == Z_BUF_ERROR) return error::none;  // needs more input
            if (rc != Z_OK) return error::inflate_failed;
            if (z.avail_in == 0 && z.avail_out != 0) return error::none;
        }
    }
};

deflate_decompressor::deflate_decompressor(role side, const deflate_params& params, std::uint64_t limit)
    : impl_(new impl) {
    // The peer's compressor is bound by its own max_window_bits; a 15-bit inflate
    // window decodes any smaller window too.
    impl_->reset_each_message =
        side == role::server ? params.client_no_context_takeover : params.server_no_context_takeover;
    impl_->limit = limit;
    if (inflateInit2(&impl_->z, -15) != Z_OK) throw std::runtime_error("inflateInit2 failed");
}

deflate_decompressor::~deflate_decompressor() {
    if (impl_) inflateEnd(&impl_->z);
}

error deflate_decompressor::feed(const std::uint8_t* data, std::size_t n, std::string& out) {
    if (n == 0) return error::none;
    return impl_->run(data, n, out);
}

error deflate_decompressor::finish(std::string& out) {
    // §7.2.2: "Append 4 octets of 0x00 0x00 0xff 0xff to the tail end of the payload."
    static const std::uint8_t tail[4] = {0x00, 0x00, 0xff, 0xff};
    error e = impl_->run(tail, 4, out);
    impl_->produced = 0;
    if (impl_->reset_each_message) inflateReset(&impl_->z);
    return e;
}

}  // namespace wsc
