// The send path: data and control frames out, masked by clients (§5.3) and
// compressed per message when permessage-deflate is on (RFC 7692 §7.2.1).
#include "endpoint_impl.hpp"

namespace wsc {

void endpoint::impl::write(std::uint8_t op, bool fin, std::uint8_t rsv, std::string_view payload) {
    frame_spec spec;
    spec.fin = fin;
    spec.rsv = rsv;
    spec.opcode = op;
    // §5.3: "The masking key is a 32-bit value chosen at random by the client. When
    // preparing a masked frame, the client MUST pick a fresh masking key from the
    // set of allowed 32-bit values."
    if (cfg.side == role::client) {
        mask_key key;
        cfg.random(key.data(), key.size());
        spec.mask = key;
    }
    write_frame(out, spec, payload);
}

error endpoint::impl::send_data(std::uint8_t op, std::string_view data, bool fin) {
    // §5.5.1: "After sending a Close frame, the application MUST NOT send any more
    // data frames." A failed or TCP-closed connection sends nothing either.
    if (close_sent || state == conn_state::closed) return error::data_after_close;
    // §5.4: our own fragments follow the same sequencing we demand of the peer.
    if (op == 0x0 && !sending_fragmented) return error::unexpected_continuation;
    if (op != 0x0 && sending_fragmented) return error::expected_continuation;

    // Compression works on whole messages (the compressor strips the flush tail of
    // a complete message), so only unfragmented messages are compressed; a message
    // sent in fragments goes out uncompressed, which RFC 7692 §6 allows per message.
    if (deflater && op != 0x0 && fin) {
        deflated.clear();
        deflater->compress(data, deflated);
        write(op, true, rsv1, deflated);
    } else {
        write(op, fin, 0, data);
    }
    sending_fragmented = !fin;
    return error::none;
}

error endpoint::impl::send_control(std::uint8_t op, std::string_view payload) {
    if (state == conn_state::closed) return error::data_after_close;
    // §5.5: control payloads are 125 octets at most.
    if (payload.size() > 125) return error::control_frame_too_long;
    write(op, true, 0, payload);
    return error::none;
}

}  // namespace wsc
