// frame_parse: wsc::frame_parser fed in pieces chosen by the input.
//
// Beyond "does not crash" it checks:
//  - every parsed frame re-serialised with encode_frame (same FIN/RSV/opcode, same
//    mask key, same length form) gives back exactly the octets it was parsed from,
//    and parsing that again in one piece yields the same header and payload;
//  - a header the parser accepts honours the configured checks (mask direction,
//    RSV, reserved opcodes, control-frame rules, size limit, minimal lengths);
//  - a failure names one of the framing enumerators and is justified by the octets
//    seen so far, as decided by an independent header decoder in this file, and it
//    happens at the first octet that makes the header invalid;
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
    if (len > cfg.max_frame_size) out.push_back(error::frame_too_big);
    return out;
}

bool contains(error_set v, error e) { return (v.bits >> static_cast<unsigned>(e)) & 1; }

// Re-encodes a parsed frame and parses the result again.
WSC_FUZZ_NO_COVERAGE void round_trip(const frame_header& h, const std::string& payload, std::string_view wire) {
    frame_spec spec;
    spec.fin = h.fin;
    spec.rsv = h.rsv;
    spec.opcode = h.opcode;
    if (h.masked) spec.mask = h.key;
    const std::size_t ext = h.header_size - 2 - (h.masked ? 4 : 0);
    spec.length_octets = static_cast<std::uint8_t>(ext);
    static std::string again;
    again.clear();
    write_frame(again, spec, payload);
    FUZZ_CHECK(again == wire, "re-encoded frame differs: wire=%s again=%s", hex(wire).c_str(), hex(again).c_str());
    FUZZ_CHECK(header_size_for(payload.size(), h.masked, spec.length_octets) == h.header_size,
               "header_size_for disagrees with the parsed header size %u", h.header_size);

    // Parse the re-encoded frame in one piece with every check off.
    frame_parser_config open;
    open.allowed_rsv = 7;
    open.check_reserved_opcodes = false;
    open.check_control_frames = false;
    frame_parser p(open);
    static std::string buf_s, got;
    buf_s = again;
    got.clear();
    auto* buf = reinterpret_cast<std::uint8_t*>(buf_s.data());
    const std::size_t buf_size = buf_s.size();
    std::size_t pos = 0;
    bool saw_header = false, saw_end = false;
    for (int guard = 0; guard < 1000 && !saw_end; ++guard) {
        auto s = p.next(buf + pos, buf_size - pos);
        pos += s.consumed;
        switch (s.what) {
        case frame_parser::status::header: saw_header = true; break;
        case frame_parser::status::payload: got.append(reinterpret_cast<const char*>(s.data), s.size); break;
        case frame_parser::status::frame_end: saw_end = true; break;
        case frame_parser::status::failed: FUZZ_CHECK(false, "re-parse failed: %s", name_of(p.failure()).data());
        case frame_parser::status::need_more: FUZZ_CHECK(false, "re-parse wants more at %zu", pos);
        }
    }
    FUZZ_CHECK(saw_header && saw_end && pos == buf_size, "re-parse incomplete");
    const frame_header& r = p.header();
    FUZZ_CHECK(r.fin == h.fin && r.rsv == h.rsv && r.opcode == h.opcode && r.masked == h.masked &&
                   r.key == h.key && r.length == h.length && r.header_size == h.header_size &&
                   r.minimal_length == h.minimal_length,
               "re-parsed header differs");
    FUZZ_CHECK(got == payload, "re-parsed payload differs");
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
    std::size_t frame_start = 0, fed = 0;  // body offsets
    static std::string payload;
    static std::vector<std::uint8_t> out;
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
                const std::size_t end = fed + pos;
                round_trip(h, payload, {reinterpret_cast<const char*>(in.body + frame_start), end - frame_start});
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
        round_trip(parser.header(), payload, {reinterpret_cast<const char*>(in.body + frame_start), fed - frame_start});
    }
    return 0;
}
