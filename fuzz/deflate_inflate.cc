// deflate_inflate: arbitrary octets as compressed messages for a
// deflate_decompressor with a small per-message limit (real zlib). Beyond "does
// not crash":
//  - a message never produces more than `limit` octets, whatever the input
//    (decompression bombs end in decompression_too_big, RFC 7692 §8.1 concerns);
//  - errors are only inflate_failed or decompression_too_big;
//  - the first message, when the codec accepts it, inflates to what plain zlib
//    (raw inflate, 15-bit window, the 00 00 ff ff tail appended as §7.2.2 says)
//    produces from the same octets, and zlib does not find it over the limit.
//
// Prefix: [0] role and takeover bits, [1] window bits, [2] limit, [3] message
// split seed, [4] chunk mode, [5] chunk seed.
#include <zlib.h>

#include <optional>

#include "common/fuzz_support.hpp"
#include "wsc/deflate.hpp"

namespace {

using namespace wsc;

// Raw inflate of one message plus the tail; nullopt on a zlib error. A block with
// BFINAL set ends a DEFLATE stream and what follows starts a new one (the tail
// always does then, RFC 7692 §7.2.3.4). Stops past `cap` output octets.
std::optional<std::string> zlib_inflate(std::string_view in, std::size_t cap, bool& capped) {
    z_stream s{};
    if (inflateInit2(&s, -15) != Z_OK) return std::nullopt;
    std::string input(in);
    input.append("\x00\x00\xff\xff", 4);
    s.next_in = reinterpret_cast<Bytef*>(input.data());
    s.avail_in = static_cast<uInt>(input.size());
    std::string out;
    capped = false;
    bool ok = false;
    char buf[4096];
    for (;;) {
        s.next_out = reinterpret_cast<Bytef*>(buf);
        s.avail_out = sizeof buf;
        const int rc = inflate(&s, Z_SYNC_FLUSH);
        out.append(buf, sizeof buf - s.avail_out);
        if (out.size() > cap) {
            capped = ok = true;
            break;
        }
        if (rc == Z_STREAM_END && s.avail_in != 0) {
            inflateReset(&s);
            continue;
        }
        if (rc == Z_STREAM_END || (rc == Z_BUF_ERROR && s.avail_in == 0) ||
            (rc == Z_OK && s.avail_in == 0 && s.avail_out != 0)) {
            ok = true;
            break;
        }
        if (rc != Z_OK && rc != Z_BUF_ERROR) break;  // Z_DATA_ERROR and friends
    }
    inflateEnd(&s);
    if (!ok) return std::nullopt;
    return out;
}

void check_limit(const std::string& out, std::uint64_t limit) {
    // regressions/deflate_inflate/deflate_inflate-limit_plus_one: the decompressor
    // once handed out limit + 1 octets before reporting decompression_too_big.
    FUZZ_CHECK(out.size() <= limit, "%zu octets out, limit %llu", out.size(), static_cast<unsigned long long>(limit));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    wsc_fuzz::config_reader cr(data, size);
    const std::uint8_t opts = cr.byte(), bits = cr.byte(), lim = cr.byte(), split = cr.byte();
    const std::uint8_t mode = cr.byte(), seed = cr.byte();

    const role side = opts & 1 ? role::client : role::server;
    deflate_params p;
    p.server_no_context_takeover = opts & 2;
    p.client_no_context_takeover = opts & 4;
    p.server_max_window_bits = static_cast<std::uint8_t>(8 + (bits & 7));
    p.client_max_window_bits = static_cast<std::uint8_t>(8 + (bits >> 3 & 7));
    const std::uint64_t limit = lim & 0x80 ? static_cast<std::uint64_t>(lim & 0x7F) << 10 : lim;

    deflate_decompressor d(side, p, limit);
    wsc_fuzz::chunker cut(2 | (split & 1), split);
    wsc_fuzz::chunker chunks(mode, seed);
    const auto in = wsc_fuzz::body_of(data, size);
    std::size_t pos = 0;
    for (int messages = 0; pos < in.body_size; ++messages) {
        const std::size_t n = (opts & 8) ? in.body_size - pos : cut.next(in.body_size - pos);
        const std::uint8_t* msg = in.body + pos;
        pos += n;
        std::string out;
        error e = error::none;
        wsc_fuzz::for_each_chunk(msg, n, chunks, [&](const wsc_fuzz::piece_view& piece) {
            if (e != error::none) return;
            e = d.feed(piece.data(), piece.size(), out);
            check_limit(out, limit);
        });
        if (e == error::none) e = d.finish(out);
        check_limit(out, limit);
        FUZZ_CHECK(e == error::none || e == error::inflate_failed || e == error::decompression_too_big,
                   "unlisted inflate error %s", name_of(e).data());
        if (messages == 0 && e == error::none) {
            bool capped = false;
            const auto ref = zlib_inflate({reinterpret_cast<const char*>(msg), n}, limit, capped);
            FUZZ_CHECK(ref.has_value(), "the codec inflated what zlib calls corrupt");
            FUZZ_CHECK(!capped, "the codec stayed under the limit where zlib did not");
            FUZZ_CHECK(*ref == out, "inflated %zu octets, zlib %zu", out.size(), ref->size());
        }
        if (e != error::none) break;  // a real endpoint fails the connection here
    }
    return 0;
}
