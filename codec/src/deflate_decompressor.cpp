// RFC 7692 §7.2.2 decompressing a message, with a hard bound on the output.
#include <zlib.h>

#include <algorithm>
#include <limits>
#include <stdexcept>

#include "wsc/deflate.hpp"

namespace wsc {
namespace {

// zlib inflates into this buffer and only what fits under the limit is copied
// out, so a bomb costs at most `limit` octets of the caller's string plus this.
constexpr std::size_t piece_size = 16 * 1024;

}  // namespace

struct deflate_decompressor::impl {
    z_stream z{};
    bool reset_each_message = false;
    std::uint64_t limit = 0;
    std::uint64_t produced = 0;  // octets of the current message so far
    std::uint64_t consumed = 0;  // compressed octets of the current message so far
    // A final block ended the DEFLATE stream and nothing was inflated after it.
    bool stream_ended = false;
    std::string* out = nullptr;
    unsigned char piece[piece_size];

    // A block with BFINAL set ends the DEFLATE stream. §7.2.3.4 allows it as a
    // flush method and follows it with an octet 0x00 "necessary to allow the
    // payload to be decompressed in the same manner as messages flushed using
    // DEFLATE blocks with BFINAL unset": what comes after a final block, the
    // appended tail included, is read as a new stream. A new stream starts with
    // an empty window (RFC 1951 §2: "a distance cannot refer past the beginning
    // of the output stream"), as zlib-based peers that finish a stream see it.
    bool restart_stream() {
        if (inflateReset(&z) != Z_OK) return false;
        stream_ended = true;
        return true;
    }

    error run(const std::uint8_t* data, std::size_t n) {
        z.next_in = const_cast<Bytef*>(data);
        z.avail_in = static_cast<uInt>(n);
        for (;;) {
            z.next_out = piece;
            z.avail_out = piece_size;
            const uInt before = z.avail_in;
            const int rc = inflate(&z, Z_SYNC_FLUSH);
            if (z.avail_in != before) stream_ended = false;
            const std::size_t got = piece_size - z.avail_out;
            // RFC 6455 §10.4 / RFC 7692 §8.1: stop as soon as the message would
            // exceed the limit, before handing out a single octet over it.
            if (got > limit - produced) return error::decompression_too_big;
            produced += got;
            out->append(reinterpret_cast<const char*>(piece), got);
            if (rc == Z_STREAM_END) {
                if (!restart_stream()) return error::inflate_failed;
                if (z.avail_in == 0) return error::none;
                continue;
            }
            // Z_BUF_ERROR: no progress without more input (all of it is taken).
            if (rc == Z_BUF_ERROR) return error::none;
            if (rc != Z_OK) return error::inflate_failed;  // Z_DATA_ERROR and the like
            // All input taken and zlib stopped short of filling the buffer: it
            // holds no more output for now.
            if (z.avail_in == 0 && z.avail_out != 0) return error::none;
        }
    }
};

deflate_decompressor::deflate_decompressor(role side, const deflate_params& params, std::uint64_t limit)
    : impl_(new impl) {
    // The peer compresses within its own max_window_bits (8..15), so its back
    // references reach at most 2^bits octets back. An inflater with a 2^15 window
    // decodes every such stream, and one window size fits all agreements: peers
    // whose zlib rounds 8 up to 9 keep working. (Policing the peer's window would
    // need inflateInit2 with the agreed bits instead.)
    impl_->reset_each_message =
        side == role::server ? params.client_no_context_takeover : params.server_no_context_takeover;
    impl_->limit = limit;
    if (inflateInit2(&impl_->z, -15) != Z_OK) throw std::runtime_error("inflateInit2 failed");
}

deflate_decompressor::~deflate_decompressor() {
    if (impl_) inflateEnd(&impl_->z);
}

error deflate_decompressor::feed(const std::uint8_t* data, std::size_t n, std::string& out) {
    impl_->out = &out;
    impl_->consumed += n;
    // avail_in is 32 bits wide.
    constexpr std::size_t slice = std::numeric_limits<uInt>::max() / 2;
    while (n != 0) {
        const std::size_t k = std::min(n, slice);
        if (error e = impl_->run(data, k); e != error::none) return e;
        data += k;
        n -= k;
    }
    return error::none;
}

error deflate_decompressor::finish(std::string& out) {
    impl& d = *impl_;
    d.out = &out;
    error e = error::none;
    // An empty payload (nothing fed) skips the tail: the sender's compressor wrote
    // nothing, so its state moved no further than ours, while the tail alone
    // would leave us inside a stored-block header. §7.2.3.6 spells an empty
    // message 0x00 to avoid that, but a sender with nothing left to flush may
    // still send no octets at all.
    // A payload that ends right after a final block (§7.2.3.4 without its
    // trailing 0x00) needs no tail either: there is no unfinished block to close,
    // and the tail alone would open one.
    if (d.consumed != 0 && !d.stream_ended) {
        // §7.2.2: "Append 4 octets of 0x00 0x00 0xff 0xff to the tail end of the
        // payload of the message." and decompress the result.
        static const std::uint8_t tail[4] = {0x00, 0x00, 0xff, 0xff};
        e = d.run(tail, 4);
        // A well-formed payload ends where the removed sync-flush tail began
        // (§7.2.1), so the appended octets close an empty stored block and the
        // inflater stops on a block boundary, where zlib sets bit 128 of
        // data_type. Anywhere else the payload was cut short inside a block and
        // the tail was read as block data: the rest of the connection would be
        // inflated against a broken state.
        if (e == error::none && !d.stream_ended && (d.z.data_type & 128) == 0) e = error::inflate_failed;
    }
    d.produced = 0;
    d.consumed = 0;
    d.stream_ended = false;
    // §7.1.1.1/§7.1.1.2: with no_context_takeover for the peer's side it starts
    // each message with an empty window, and so can we (§7.2.2).
    if (d.reset_each_message && inflateReset(&d.z) != Z_OK && e == error::none) e = error::inflate_failed;
    return e;
}

}  // namespace wsc
