// frame_parse: wsc::frame_parser fed in pieces chosen by the input.
//
// Beyond "does not crash" it checks:
//  - every parsed frame re-serialised with write_frame (same FIN/RSV/opcode, same
//    mask key, same length form) gives back exactly the octets it was parsed from,
//    and parsing that again in one piece yields the same header and payload (all
//    frames of an input are re-parsed together, see check_round_trip);
//  - a header the parser accepts honours the configured checks (mask direction,
//    RSV, reserved opcodes, control-frame rules, size limit, minimal lengths);
//  - every accepted header equals the decoding of its octets by an independent
//    decoder in this file (FIN, RSV, opcode, mask bit and key, length, minimal);
//  - a failure names one of the framing enumerators and is justified by the octets
//    seen so far, as decided by that decoder's checks (a framing violation takes
//    precedence over the size limit: 1002, not 1009), and it happens at the first
//    octet that makes the header invalid;
//  - a failed parser stays failed and consumes nothing more.
//
// Prefix: [0] masking rule, [1] allowed RSV, [2] check flags, [3] max frame size,
// [4] chunk mode, [5] chunk seed.
#include <cstring>
#include <optional>

#include "common/fuzz_support.hpp"
#include "wsc/frame.hpp"
#include "wsc/opcode.hpp"

namespace {

using namespace wsc;
using wsc_fuzz::hex;

bool reserved(std::uint8_t op) { return (op >= 3 && op <= 7) || op >= 11; }

// A set of errors as bits (1 << enumerator): no allocation on the hot path.
struct error_set {
    std::uint64_t bits = 0;
    void push_back(error e) { bits |= std::uint64_t{1} << static_cast<unsigned>(e); }
    bool empty() const { return bits == 0; }
};

// The errors a header whose first `n` octets are `h` deserves under `cfg`, judged
// from the RFC rules alone. Empty when those octets are still a valid beginning.
WSC_FUZZ_NO_COVERAGE error_set header_errors(const std::uint8_t* h, std::size_t n, const frame_parser_config& cfg) {
    error_set out;
    if (n == 0) return out;
    const bool fin = h[0] & 0x80;
    const std::uint8_t rsv = (h[0] >> 4) & 7, op = h[0] & 15;
    if (cfg.check_reserved_opcodes && reserved(op)) out.push_back(error::reserved_opcode);
    if (rsv & ~cfg.allowed_rsv) out.push_back(error::reserved_bits_set);
    if (cfg.check_control_frames && (op & 8) && !fin) out.push_back(error::fragmented_control_frame);
    if (!out.empty() || n < 2) return out;
    const bool masked = h[1] & 0x80;
    if (cfg.masking == mask_rule::must_be_masked && !masked) out.push_back(error::unmasked_client_frame);
    if (cfg.masking == mask_rule::must_be_unmasked && masked) out.push_back(error::masked_server_frame);
    if (!out.empty()) return out;
    const std::uint8_t len7 = h[1] & 0x7F;
    const std::size_t ext = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
    if (n < 2 + ext + (masked ? 4 : 0)) return out;
    std::uint64_t len = len7;
    if (ext) {
        len = 0;
        for (std::size_t i = 0; i < ext; ++i) len = len << 8 | h[2 + i];
    }
    if (ext == 8 && (len >> 63)) out.push_back(error::length_msb_set);
    const bool minimal = ext == 0 || (ext == 2 ? len >= 126 : len > 0xFFFF);
    if (cfg.strict_lengths && !minimal) out.push_back(error::non_minimal_length);
    if (cfg.check_control_frames && (op & 8) && len > 125) out.push_back(error::control_frame_too_long);
    // A size limit (1009) applies to frames that are valid; a header that breaks a
    // framing rule is a protocol error (1002) whatever its length says.
    if (out.empty() && len > cfg.max_frame_size) out.push_back(error::frame_too_big);
    return out;
}

// The header fields, decoded here from a complete header of `n` octets.
WSC_FUZZ_NO_COVERAGE frame_header decode_header(const std::uint8_t* h, std::size_t n) {
    frame_header r;
    r.fin = h[0] & 0x80;
    r.rsv = (h[0] >> 4) & 7;
    r.opcode = h[0] & 15;
    r.masked = h[1] & 0x80;
    const std::uint8_t len7 = h[1] & 0x7F;
    const std::size_t ext = len7 == 126 ? 2 : len7 == 127 ? 8 : 0;
    r.length = len7;
    if (ext) {
        r.length = 0;
        for (std::size_t i = 0; i < ext; ++i) r.length = r.length << 8 | h[2 + i];
    }
    if (r.masked) std::memcpy(r.key.data(), h + 2 + ext, 4);
    r.header_size = static_cast<std::uint8_t>(n);
    r.minimal_length = ext == 0 || (ext == 2 ? r.length >= 126 : r.length > 0xFFFF);
    return r;
}

bool contains(error_set v, error e) { return (v.bits >> static_cast<unsigned>(e)) & 1; }

// The round trip, batched per input: every complete frame is recorded as it is
// parsed; at the end all of them are re-encoded (appended to `again`), the whole
// re-encoding is compared with the wire octets of those frames (they are contiguous
// from the start of the body) and parsed again in one piece. One second parser per
// input instead of one per frame, and the whole check runs under coverage_pause.
struct parsed_frame {
    frame_header h;
    std::size_t payload_at, wire_at, again_at;
};
struct round_trip_state {
    std::vector<parsed_frame> frames;
    std::string payloads, again;
    void clear() {
        frames.clear();
        payloads.clear();
        again.clear();
    }
};

// Records one parsed frame (header, payload, where it started in the body).
WSC_FUZZ_NO_COVERAGE void record(round_trip_state& rt, const frame_header& h, const std::string& payload, std::size_t wire_at) {
    rt.frames.push_back({h, rt.payloads.size(), wire_at, 0});
    rt.payloads += payload;
}

// Re-encodes every recorded frame with the same FIN/RSV/opcode, mask key and length
// form, compares with `wire` (the body up to the end of the last complete frame) and
// parses the re-encoding again.
WSC_FUZZ_NO_COVERAGE void check_round_trip(round_trip_state& rt, std::string_view wire) {
    if (rt.frames.empty()) return;
    for (auto& f : rt.frames) {
        const frame_header& h = f.h;
        frame_spec spec;
        spec.fin = h.fin;
        spec.rsv = h.rsv;
        spec.opcode = h.opcode;
        if (h.masked) spec.mask = h.key;
        spec.length_octets = static_cast<std::uint8_t>(h.header_size - 2 - (h.masked ? 4 : 0));
        f.again_at = rt.again.size();
        const std::string_view payload = std::string_view(rt.payloads).substr(f.payload_at, h.length);
        write_frame(rt.again, spec, payload);
        if (&f == &rt.frames.front())
            FUZZ_CHECK(encode_frame(spec, payload) == std::string_view(rt.again).substr(f.again_at),
                       "encode_frame differs from write_frame");
        FUZZ_CHECK(header_size_for(h.length, h.masked, spec.length_octets) == h.header_size,
                   "header_size_for disagrees with the parsed header size %u", h.header_size);
    }
    if (rt.again != wire) {
        // Name the first frame that differs.
        for (std::size_t i = 0; i < rt.frames.size(); ++i) {
            const auto& f = rt.frames[i];
            const std::size_t wend = i + 1 < rt.frames.size() ? rt.frames[i + 1].wire_at : wire.size();
            const std::size_t aend = i + 1 < rt.frames.size() ? rt.frames[i + 1].again_at : rt.again.size();
            const std::string_view w = wire.substr(f.wire_at, wend - f.wire_at);
            const std::string_view g = std::string_view(rt.again).substr(f.again_at, aend - f.again_at);
            FUZZ_CHECK(w == g, "re-encoded frame %zu differs: wire=%s again=%s", i, hex(w).c_str(), hex(g).c_str());
        }
        FUZZ_CHECK(false, "re-encoding differs from the wire");
    }

    // Parse the re-encoding in one piece with every check off.
    frame_parser_config open;
    open.allowed_rsv = 7;
    open.check_reserved_opcodes = false;
    open.check_control_frames = false;
    frame_parser p(open);
    auto* buf = reinterpret_cast<std::uint8_t*>(rt.again.data());  // unmasked in place; compared above
    const std::size_t buf_size = rt.again.size();
    std::size_t pos = 0, i = 0, got = 0;  // frame index, payload octets of frame i so far
    // At most three steps per frame (header, its payload in one piece, frame_end).
    for (std::size_t steps = 0; i < rt.frames.size(); ++steps) {
        FUZZ_CHECK(steps <= 3 * rt.frames.size(), "re-parse takes too many steps");
        const parsed_frame& f = rt.frames[i];
        const auto s = p.next(buf + pos, buf_size - pos);
        pos += s.consumed;
        switch (s.what) {
        case frame_parser::status::header: {
            FUZZ_CHECK(pos - s.consumed == f.again_at, "re-parsed frame %zu starts at %zu, not %zu", i, pos - s.consumed, f.again_at);
            const frame_header& r = p.header();
            FUZZ_CHECK(r.fin == f.h.fin && r.rsv == f.h.rsv && r.opcode == f.h.opcode && r.masked == f.h.masked &&
                           r.key == f.h.key && r.length == f.h.length && r.header_size == f.h.header_size &&
                           r.minimal_length == f.h.minimal_length,
                       "re-parsed header of frame %zu differs", i);
            got = 0;
            break;
        }
        case frame_parser::status::payload:
            FUZZ_CHECK(got + s.size <= f.h.length &&
                           std::memcmp(s.data, rt.payloads.data() + f.payload_at + got, s.size) == 0,
                       "re-parsed payload of frame %zu differs", i);
            got += s.size;
            break;
        case frame_parser::status::frame_end:
            FUZZ_CHECK(got == f.h.length, "re-parsed frame %zu has %zu payload octets, not %llu", i, got,
                       static_cast<unsigned long long>(f.h.length));
            ++i;
            got = 0;
            break;
        case frame_parser::status::failed: FUZZ_CHECK(false, "re-parse failed: %s", name_of(p.failure()).data());
        case frame_parser::status::need_more: FUZZ_CHECK(false, "re-parse wants more at %zu", pos);
        }
    }
    FUZZ_CHECK(i == rt.frames.size() && pos == buf_size, "re-parse incomplete: %zu of %zu frames", i, rt.frames.size());
}

}  // namespace

extern "C" WSC_FUZZ_NO_COVERAGE int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    wsc_fuzz::config_reader cr(data, size);
    frame_parser_config cfg;
    const std::uint8_t m = cr.byte();
    cfg.masking = m % 3 == 0 ? mask_rule::any : m % 3 == 1 ? mask_rule::must_be_masked : mask_rule::must_be_unmasked;
    cfg.allowed_rsv = cr.byte() & 7;
    const std::uint8_t flags = cr.byte();
    cfg.check_reserved_opcodes = !(flags & 1);
    cfg.check_control_frames = !(flags & 2);
    cfg.strict_lengths = flags & 4;
    const std::uint8_t lim = cr.byte();
    if (lim & 0x80) cfg.max_frame_size = lim & 0x7F;  // tiny limits reach frame_too_big
    else if (lim & 0x40) cfg.max_frame_size = std::uint64_t{1} << (lim & 0x3F);
    const std::uint8_t mode = cr.byte(), seed = cr.byte();
    wsc_fuzz::chunker chunks(mode, seed);
    const auto in = wsc_fuzz::body_of(data, size);

    frame_parser parser(cfg);
    FUZZ_CHECK(parser.config().max_frame_size == cfg.max_frame_size && parser.config().masking == cfg.masking,
               "config() differs from the configuration");
    std::size_t frame_start = 0, fed = 0;  // body offsets
    static std::string payload;
    static std::vector<std::uint8_t> out;
    static round_trip_state rt;
    rt.clear();
    payload.clear();
    bool failed = false, in_frame = false;

    for (std::size_t chunk_at = 0; chunk_at < in.body_size;) {
        const wsc_fuzz::piece_view piece(in.body + chunk_at, chunks.next(in.body_size - chunk_at));
        chunk_at += piece.size();
        std::size_t pos = 0;
        if (out.size() < piece.size() + 1) out.resize(piece.size() + 1);
        while (!failed) {
            const std::size_t avail = piece.size() - pos;
            const auto s = parser.next_into(piece.data() + pos, avail, out.data());
            FUZZ_CHECK(s.consumed <= avail, "consumed %zu of %zu", s.consumed, avail);
            pos += s.consumed;
            if (s.what == frame_parser::status::need_more) {
                FUZZ_CHECK(pos == piece.size(), "need_more with %zu octets left", piece.size() - pos);
                break;
            }
            if (s.what == frame_parser::status::header) {
                in_frame = true;
                const frame_header& h = parser.header();
                const std::size_t start = frame_start;
                const std::size_t end = fed + pos;
                FUZZ_CHECK(end - start == h.header_size, "header of %u octets took %zu", h.header_size, end - start);
                FUZZ_CHECK(header_errors(in.body + start, h.header_size, cfg).empty(),
                           "accepted a header the checks refuse: %s", hex({reinterpret_cast<const char*>(in.body + start), h.header_size}).c_str());
                const frame_header r = decode_header(in.body + start, h.header_size);
                FUZZ_CHECK(r.fin == h.fin && r.rsv == h.rsv && r.opcode == h.opcode && r.masked == h.masked &&
                               r.key == h.key && r.length == h.length && r.minimal_length == h.minimal_length,
                           "parsed header differs from the reference decoding of %s",
                           hex({reinterpret_cast<const char*>(in.body + start), h.header_size}).c_str());
                FUZZ_CHECK(parser.payload_remaining() == h.length, "payload_remaining != length");
                payload.clear();
            } else if (s.what == frame_parser::status::payload) {
                FUZZ_CHECK(in_frame && s.size > 0 && s.size == s.consumed && s.data == out.data(), "bad payload step");
                payload.append(reinterpret_cast<const char*>(s.data), s.size);
                FUZZ_CHECK(payload.size() <= parser.header().length, "payload longer than declared");
            } else if (s.what == frame_parser::status::frame_end) {
                FUZZ_CHECK(in_frame && s.consumed == 0, "frame_end without a frame");
                const frame_header& h = parser.header();
                FUZZ_CHECK(payload.size() == h.length, "payload %zu != length %llu", payload.size(),
                           static_cast<unsigned long long>(h.length));
                // §5.3: the payload is the wire octets XORed with the key, octet i
                // with key[i % 4]; here in place, in two pieces split at an odd offset.
                if (h.masked && h.length > 0 && h.length <= 256) {
                    std::vector<std::uint8_t> wire(in.body + frame_start + h.header_size,
                                                   in.body + frame_start + h.header_size + h.length);
                    const std::size_t cut = wire.size() / 2 | 1;
                    apply_mask(wire.data(), std::min(cut, wire.size()), h.key);
                    if (cut < wire.size()) apply_mask(wire.data() + cut, wire.size() - cut, h.key, cut);
                    FUZZ_CHECK(std::memcmp(wire.data(), payload.data(), wire.size()) == 0, "unmasked payload differs");
                }
                const std::size_t end = fed + pos;
                record(rt, h, payload, frame_start);
                frame_start = end;
                in_frame = false;
            } else {
                failed = true;
                const error e = parser.failure();
                const std::size_t end = fed + pos;
                const auto why = header_errors(in.body + frame_start, end - frame_start, cfg);
                FUZZ_CHECK(contains(why, e), "failure %s not justified by %s", name_of(e).data(),
                           hex({reinterpret_cast<const char*>(in.body + frame_start), end - frame_start}).c_str());
                // The first octet that made the header invalid is the last one consumed.
                FUZZ_CHECK(header_errors(in.body + frame_start, end - frame_start - 1, cfg).empty(),
                           "failure %s reported late", name_of(e).data());
                const auto again = parser.next_into(piece.data(), piece.size(), out.data());
                FUZZ_CHECK(again.what == frame_parser::status::failed && again.consumed == 0, "failed parser moved on");
            }
        }
        fed += piece.size();
    }
    // An empty body still reaches the parser, so a run from an empty corpus has
    // coverage to start from.
    if (in.body_size == 0) FUZZ_CHECK(parser.next_into(nullptr, 0, nullptr).what == frame_parser::status::need_more, "empty input");
    // A complete frame at the very end still owes its frame_end step.
    if (!failed && in_frame && parser.payload_remaining() == 0) {
        const auto s = parser.next_into(nullptr, 0, nullptr);
        FUZZ_CHECK(s.what == frame_parser::status::frame_end, "no frame_end after the last payload octet");
        record(rt, parser.header(), payload, frame_start);
        frame_start = fed;
    }
    {
        // The round trip re-encodes and re-parses frames this input already drove the
        // parser through: checked, but kept out of the feedback (see coverage_pause).
        const wsc_fuzz::coverage_pause pause;
        check_round_trip(rt, {reinterpret_cast<const char*>(in.body), frame_start});
    }
    return 0;
}
