// RFC 7692 §7.2.1 compressing a message.
#include <zlib.h>

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "wsc/deflate.hpp"

namespace wsc {
namespace {

constexpr std::string_view sync_tail("\x00\x00\xff\xff", 4);

}  // namespace

struct deflate_compressor::impl {
    z_stream z{};
    bool reset_each_message = false;
};

deflate_compressor::deflate_compressor(role side, const deflate_params& params, int level) : impl_(new impl) {
    // Our compressor is bound by the window bits named after our own role
    // (§7.1.2.1 for a server, §7.1.2.2 for a client).
    int bits = side == role::server ? params.server_max_window_bits : params.client_max_window_bits;
    bits = std::clamp(bits, 8, 15);
    impl_->reset_each_message =
        side == role::server ? params.server_no_context_takeover : params.client_no_context_takeover;
    int strategy = Z_DEFAULT_STRATEGY;
    if (bits == 8) {
        // zlib has no raw 256-octet window: deflateInit2 rejects windowBits -8
        // (since 1.2.9; older versions silently used 9). A 512-octet window's back
        // references could reach past what an 8-bit peer keeps, so that stream
        // would break the agreement. Huffman-only coding emits no back references
        // at all (level 0 emits stored blocks, which have none either): such a
        // stream inflates with any window, and 9 is merely zlib's buffer size.
        bits = 9;
        strategy = Z_HUFFMAN_ONLY;
    }
    if (deflateInit2(&impl_->z, level, Z_DEFLATED, -bits, 8, strategy) != Z_OK)
        throw std::runtime_error("deflateInit2 failed");
}

deflate_compressor::~deflate_compressor() {
    if (impl_) deflateEnd(&impl_->z);
}

void deflate_compressor::compress(std::string_view message, std::string& out) {
    z_stream& z = impl_->z;
    const std::size_t start = out.size();
    // §7.2.1: "Compress all the octets of the payload of the message using
    // DEFLATE." then flush to an octet boundary with an empty stored block
    // (Z_SYNC_FLUSH), so the message ends where the peer can stop reading.
    // avail_in is 32 bits wide: huge messages go in slices.
    constexpr std::size_t slice = std::numeric_limits<uInt>::max() / 2;
    std::size_t done = 0;
    do {
        const std::size_t n = std::min(message.size() - done, slice);
        const bool last = done + n == message.size();
        z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(message.data() + done));
        z.avail_in = static_cast<uInt>(n);
        done += n;
        for (;;) {
            const std::size_t old = out.size();
            const std::size_t room = deflateBound(&z, z.avail_in) + 16;
            out.resize(old + room);
            z.next_out = reinterpret_cast<Bytef*>(out.data() + old);
            z.avail_out = static_cast<uInt>(room);
            // Z_BUF_ERROR only says "no progress possible", e.g. a second flush in
            // a row with no new input; it is not a failure.
            const int rc = deflate(&z, last ? Z_SYNC_FLUSH : Z_NO_FLUSH);
            out.resize(old + (room - z.avail_out));
            if (rc != Z_OK && rc != Z_BUF_ERROR) throw std::runtime_error("deflate failed");
            // Done when all input is taken and zlib left room unused, i.e. it had
            // nothing more to write.
            if (z.avail_in == 0 && z.avail_out != 0) break;
        }
    } while (done < message.size());

    // §7.2.1: "Remove 4 octets (that are 0x00 0x00 0xff 0xff) from the tail end."
    if (out.size() - start >= 4 && std::string_view(out).substr(out.size() - 4) == sync_tail)
        out.resize(out.size() - 4);
    // §7.2.3.6: an empty message is sent as the single octet 0x00 (the header bits
    // of an empty stored block whose LEN/NLEN the receiver's appended tail
    // supplies). zlib gives 00 00 00 ff ff -> 00 for it on a fresh stream, but
    // nothing at all when the previous message already ended with a sync flush;
    // an empty payload would leave the peer's inflater inside a block header.
    if (out.size() == start) out.push_back('\0');
    // §7.1.1.1/§7.1.1.2: with no_context_takeover for our side, every message
    // starts from an empty window.
    if (impl_->reset_each_message) deflateReset(&z);
}

}  // namespace wsc
