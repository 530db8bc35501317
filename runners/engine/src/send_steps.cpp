// Running a case's steps (cases/README.md "Steps", catalogue.md §1.1): raw frames of
// any shape, the message API with its fragmentation rule, streamed frames, closes,
// waits and timers. Frames are masked with a fresh key when the fuzzer is the client.
#include <algorithm>
#include <type_traits>

#include "session_impl.hpp"
#include "wsc/mask.hpp"

namespace wsc::engine {

namespace {

// chop=N: each slice in its own event-loop turn with a short scheduled gap, so the
// slices tend to leave as separate TCP segments.
constexpr double chop_gap_s = 10e-6;

template <class... F>
struct overload : F... {
    using F::operator()...;
};
template <class... F>
overload(F...) -> overload<F...>;

}  // namespace

std::optional<mask_key> session::impl::mask_for(const std::optional<bool>& masked) {
    // RFC 6455 §5.3: "The masking key is a 32-bit value chosen at random by the client
    // ... MUST pick a fresh masking key from the set of allowed 32-bit values" per frame.
    // A catalogue frame may ask for the opposite of what the role requires (0.13.x).
    if (!masked.value_or(fuzzer_is_client)) return std::nullopt;
    mask_key k{};
    cfg.random(k.data(), k.size());
    return k;
}

frame_spec session::impl::spec_for(int opcode, bool fin, int rsv, const std::optional<mask_key>& key) {
    frame_spec spec;
    spec.fin = fin;
    spec.rsv = static_cast<std::uint8_t>(rsv & 7);
    spec.opcode = static_cast<std::uint8_t>(opcode & 0xF);
    spec.mask = key;
    return spec;
}

std::string session::impl::encode(int opcode, bool fin, int rsv, std::string_view payload,
                                  std::optional<mask_key>& key) {
    return encode_frame(spec_for(opcode, fin, rsv, key), payload);
}

void session::impl::write(std::string bytes, bool sync, double gap_s) {
    if (close_tcp || tcp_gone || bytes.empty()) return;
    log_tx_octets(bytes, sync);
    // Frames written in one turn coalesce as they would in a socket buffer; sync frames
    // and chopped slices are writes of their own, which executors never merge.
    const bool standalone = sync || gap_s > 0;
    if (std::string* joined = standalone ? nullptr : coalescing_write()) {
        *joined += bytes;
    } else {
        writes.push_back(write_op{std::move(bytes), gap_s});
    }
    last_write_coalescable = !standalone;
}

std::string* session::impl::coalescing_write() {
    return last_write_coalescable && !writes.empty() ? &writes.back().bytes : nullptr;
}

void session::impl::send_raw_frame(int opcode, bool fin, int rsv, std::string_view payload, const tf_payload& shown,
                                   std::uint64_t chop, bool sync, std::optional<bool> masked) {
    if (close_tcp || tcp_gone) return;
    auto key = mask_for(masked);
    log_tx_frame(opcode, fin, rsv, key, shown, chop, sync);
    out_traffic.websocket += payload.size();
    if (std::string* out = chop == 0 && !sync ? coalescing_write() : nullptr) {
        // Straight into the write it coalesces with: 9.3.1's 65 537 frames all go out
        // in one write, and copying each frame again was a quarter of 9.3/9.4's CPU.
        const std::size_t at = out->size();
        write_frame(*out, spec_for(opcode, fin, rsv, key), payload);
        log_tx_octets(std::string_view(*out).substr(at), false);
        return;
    }
    std::string bytes = encode(opcode, fin, rsv, payload, key);
    if (chop == 0 || chop >= bytes.size()) {
        write(std::move(bytes), sync);
        return;
    }
    for (std::size_t at = 0; at < bytes.size(); at += chop)
        write(bytes.substr(at, static_cast<std::size_t>(std::min<std::uint64_t>(chop, bytes.size() - at))), sync,
              chop_gap_s);
}

void session::impl::send_message(int opcode, std::string_view payload, std::uint64_t fragment_size, bool compress) {
    if (ws != ws_state::open) return;  // the message API only sends on an open connection
    ++out_traffic.messages;
    out_traffic.app += payload.size();
    std::string compressed;
    std::string_view data = payload;
    if (compress && compressor) {
        compressor->compress(payload, compressed);
        data = compressed;
    }
    // RFC 7692 §6: RSV1 on the first frame of a compressed message only.
    const int first_rsv = compress && compressor ? rsv1 : 0;
    const std::uint64_t n = data.size(), f = fragment_size;
    if (f == 0 || n <= f) {
        send_raw_frame(opcode, true, first_rsv, data, tf_of_bytes(data));
        return;
    }
    // catalogue.md §1.1: a frame gets FIN only once the next slice would run past the
    // end, so an exact multiple ends with an extra empty CONT frame carrying FIN.
    for (std::uint64_t at = 0; at < n; at += f) {
        const std::uint64_t len = std::min(f, n - at);
        const bool fin = at + f > n;
        const std::string_view slice = data.substr(static_cast<std::size_t>(at), static_cast<std::size_t>(len));
        // Rendering each slice for the wire log only pays when the log is on.
        const tf_payload shown = wirelog_on ? tf_of_bytes(slice) : tf_payload{slice.size(), "", std::nullopt};
        send_raw_frame(at == 0 ? opcode : 0, fin, at == 0 ? first_rsv : 0, slice, shown);
        if (std::string* out = at == 0 ? coalescing_write() : nullptr) {
            // The other fragments coalesce into this write: size it once (14 octets
            // is the largest masked header).
            out->reserve(out->size() + static_cast<std::size_t>(n - len + (n / f + 1) * 14));
        }
    }
    if (n % f == 0) send_raw_frame(0, true, 0, {}, tf_of_bytes({}));
}

void session::impl::run_steps() {
    while (!steps_paused && !steps_stopped && next_step < tc.steps.size() && !tcp_gone && !close_tcp) {
        const catalogue::Step& step = tc.steps[next_step++];
        std::visit(
            overload{
                [&](const catalogue::SendFrame& f) {
                    send_raw_frame(f.opcode, f.fin, f.rsv, payload_bytes(f.payload), tf_of(f.payload), f.chop, f.sync,
                                   f.masked);
                },
                [&](const catalogue::SendMessage& m) {
                    send_message(m.opcode, payload_bytes(m.payload), m.fragment_size.value_or(tc.auto_fragment_size));
                },
                [&](const catalogue::SendStreamHeader& h) {
                    // One header announcing the whole length; the pieces follow later,
                    // masked as one continuous payload (6.4.3/6.4.4).
                    auto key = mask_for({});
                    frame_spec spec;
                    spec.fin = h.fin;
                    spec.opcode = static_cast<std::uint8_t>(h.opcode);
                    spec.mask = key;
                    std::string head;
                    write_header(head, spec, h.length);
                    stream_masked = key.has_value();
                    if (key) stream_key = *key;
                    stream_offset = 0;
                    log_tx_frame(h.opcode, h.fin, 0, key, tf_payload{h.length, "", std::nullopt}, 0, false);
                    write(std::move(head), false);
                },
                [&](const catalogue::SendStreamPiece& p) {
                    std::string piece = payload_bytes(p.payload);
                    if (stream_masked)
                        apply_mask(reinterpret_cast<std::uint8_t*>(piece.data()), piece.size(), stream_key,
                                   stream_offset);
                    stream_offset += piece.size();
                    out_traffic.websocket += piece.size();
                    write(std::move(piece), false);
                },
                [&](const catalogue::SendClose& c) {
                    send_close(c.code, c.reason ? payload_bytes(*c.reason) : std::string(), false);
                },
                [&](const catalogue::SendCloseRaw& c) { send_close_body(payload_bytes(c.payload), false); },
                [&](const catalogue::Wait& w) {
                    arm(w.seconds, timer_kind::resume);
                    steps_paused = true;
                },
                [&](const catalogue::ContinueLater& c) {
                    arm(c.delay, timer_kind::resume, c.tag, true);
                    steps_paused = true;
                },
                [&](const catalogue::KillAfter& k) { arm(k.seconds, timer_kind::kill); },
                [&](const catalogue::CloseAfter& c) { arm(c.seconds, timer_kind::close_after); },
                // The raw handshake steps are played by handshake_case.cpp before the rest.
                [&](const catalogue::SendRawRequest&) {},
                [&](const catalogue::SendRawResponse&) {},
            },
            step);
    }
}

}  // namespace wsc::engine
