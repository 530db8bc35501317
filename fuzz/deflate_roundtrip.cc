// deflate_roundtrip: real zlib on both ends (no mock). The body is cut into
// several messages; each is compressed by one side's deflate_compressor and fed, in
// pieces, to the other side's deflate_decompressor with the same agreed
// parameters. Beyond "does not crash":
//  - every message inflates back to exactly its input, across messages, with and
//    without context takeover (RFC 7692 §7.2.1/§7.2.2), both through our
//    decompressor and through plain zlib held to the window the sender agreed
//    to (§7.1.2.1/§7.1.2.2: a peer may keep only that much history);
//  - the compressed form never ends in the 00 00 ff ff tail §7.2.1 removes
//    (checked for non-empty output that zlib would end with a sync flush);
//  - with no_context_takeover for the compressing side, a message compresses to
//    the same octets whatever came before it (§7.1.1.1, §7.1.2.1).
//
// Prefix: [0] role and takeover bits, [1] window bits, [2] message split seed,
// [3] chunk mode, [4] chunk seed.
#include <zlib.h>

#include "common/fuzz_support.hpp"
#include "wsc/deflate.hpp"

namespace {
using namespace wsc;
using wsc_fuzz::hex;

// Plain zlib with exactly the window the sender agreed to (2^bits octets): a back
// reference further than that fails here ("invalid distance too far back"),
// although our own decompressor, which always keeps 2^15, would follow it.
struct agreed_window_inflater {
    z_stream z{};
    explicit agreed_window_inflater(int bits) {
        FUZZ_CHECK(inflateInit2(&z, -bits) == Z_OK, "inflateInit2(-%d)", bits);
    }
    ~agreed_window_inflater() { inflateEnd(&z); }
    WSC_FUZZ_NO_COVERAGE bool inflate_message(std::string_view in, std::string& out) {
        std::string input(in);
        input.append("\x00\x00\xff\xff", 4);
        z.next_in = reinterpret_cast<Bytef*>(input.data());
        z.avail_in = static_cast<uInt>(input.size());
        char buf[4096];
        for (;;) {
            z.next_out = reinterpret_cast<Bytef*>(buf);
            z.avail_out = sizeof buf;
            const int rc = inflate(&z, Z_SYNC_FLUSH);
            out.append(buf, sizeof buf - z.avail_out);
            if (rc != Z_OK && rc != Z_BUF_ERROR) return false;
            if (z.avail_in == 0 && z.avail_out != 0) return true;
        }
    }
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    wsc_fuzz::config_reader cr(data, size);
    const std::uint8_t opts = cr.byte(), bits = cr.byte(), split = cr.byte(), mode = cr.byte(), seed = cr.byte();

    const role sender = opts & 1 ? role::client : role::server;
    const role receiver = sender == role::client ? role::server : role::client;
    deflate_params p;
    p.server_no_context_takeover = opts & 2;
    p.client_no_context_takeover = opts & 4;
    p.server_max_window_bits = static_cast<std::uint8_t>(8 + (bits & 7));
    p.client_max_window_bits = static_cast<std::uint8_t>(8 + (bits >> 3 & 7));
    const bool sender_resets = sender == role::server ? p.server_no_context_takeover : p.client_no_context_takeover;

    deflate_compressor c(sender, p);
    // Messages are at most 300 octets (below); a limit near that keeps the
    // decompressor's buffers small and the run fast with one-octet pieces.
    deflate_decompressor d(receiver, p, 4096);
    agreed_window_inflater zlib_peer(sender == role::server ? p.server_max_window_bits : p.client_max_window_bits);
    wsc_fuzz::chunker cut(3, split);                // message lengths: 1..300 octets
    wsc_fuzz::chunker chunks(mode, seed);           // feeding the inflater

    const auto in = wsc_fuzz::body_of(data, size);
    std::size_t pos = 0;
    int messages = 0;
    // At most 32 messages: each costs a zlib round trip, and more add no coverage.
    while ((pos < in.body_size || messages == 0) && messages < 32) {
        const std::size_t n = pos < in.body_size ? cut.next(in.body_size - pos) : 0;
        const std::string_view msg(reinterpret_cast<const char*>(in.body + pos), n);
        pos += n;
        ++messages;

        std::string z;
        c.compress(msg, z);
        if (z.size() >= 4) FUZZ_CHECK(z.substr(z.size() - 4) != std::string_view("\0\0\xff\xff", 4) || n == 0,
                                      "compressed message keeps the sync-flush tail: %s", hex(z).c_str());
        if (sender_resets && messages > 1 && messages <= 4) {
            deflate_compressor fresh(sender, p);
            std::string z2;
            fresh.compress(msg, z2);
            FUZZ_CHECK(z == z2, "no_context_takeover, yet the output depends on earlier messages");
        }

        std::string out;
        const auto* zp = reinterpret_cast<const std::uint8_t*>(z.data());
        wsc_fuzz::for_each_chunk(zp, z.size(), chunks, [&](const wsc_fuzz::piece_view& piece) {
            const error e = d.feed(piece.data(), piece.size(), out);
            FUZZ_CHECK(e == error::none, "inflating our own output failed: %s", name_of(e).data());
        });
        const error e = d.finish(out);
        FUZZ_CHECK(e == error::none, "finishing our own output failed: %s", name_of(e).data());
        FUZZ_CHECK(out == msg, "message %d (%zu octets) came back as %zu octets", messages, n, out.size());
        std::string plain;
        FUZZ_CHECK(zlib_peer.inflate_message(z, plain) && plain == msg,
                   "message %d does not inflate within the agreed %d-bit window: %s", messages,
                   sender == role::server ? p.server_max_window_bits : p.client_max_window_bits, zlib_peer.z.msg ? zlib_peer.z.msg : "");
        if (sender_resets) inflateReset(&zlib_peer.z);
    }
    return 0;
}
