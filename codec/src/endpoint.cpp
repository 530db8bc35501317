// wsc::endpoint: construction and the thin public surface over endpoint::impl.
// The model is python-websockets' Protocol: bytes in, events and bytes out, and the
// instruction to close TCP as an explicit output instead of a socket call.
#include <stdexcept>
#include <utility>

#include "endpoint_impl.hpp"

namespace wsc {
namespace {

frame_parser_config parser_config(const endpoint_config& c) {
    frame_parser_config p;
    // §5.1: clients mask every frame, servers none.
    if (c.checks.masking) p.masking = c.side == role::server ? mask_rule::must_be_masked : mask_rule::must_be_unmasked;
    // RFC 7692 §6: permessage-deflate owns RSV1.
    p.allowed_rsv = c.checks.reserved_bits ? (c.deflate ? rsv1 : 0) : (rsv1 | rsv2 | rsv3);
    p.check_reserved_opcodes = c.checks.reserved_opcodes;
    p.check_control_frames = c.checks.control_frames;
    p.strict_lengths = c.strict_lengths;
    p.max_frame_size = c.max_frame_size;
    return p;
}

}  // namespace

endpoint::impl::impl(endpoint_config c) : cfg(std::move(c)), parser(parser_config(cfg)) {
    // §5.3: a client draws a fresh, unpredictable key for every frame; without a
    // source it cannot send anything valid.
    if (cfg.side == role::client && !cfg.random)
        throw std::invalid_argument("wsc::endpoint: a client needs endpoint_config::random for mask keys");
    if (cfg.deflate) {
        deflater = std::make_unique<deflate_compressor>(cfg.side, *cfg.deflate, cfg.deflate_level);
        inflater = std::make_unique<deflate_decompressor>(cfg.side, *cfg.deflate, cfg.max_message_size);
    }
}

endpoint::endpoint(endpoint_config cfg) : impl_(std::make_unique<impl>(std::move(cfg))) {}
endpoint::~endpoint() = default;
endpoint::endpoint(endpoint&&) noexcept = default;
endpoint& endpoint::operator=(endpoint&&) noexcept = default;

void endpoint::receive_data(std::string_view bytes) {
    impl& m = *impl_;
    (m.*m.input)(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
}

void endpoint::receive_eof() { impl_->receive_eof(); }

std::vector<event> endpoint::take_events() { return std::exchange(impl_->events, {}); }
std::string endpoint::take_output() { return std::exchange(impl_->out, {}); }
bool endpoint::eof_to_send() const noexcept { return impl_->eof_to_send; }
bool endpoint::close_expected() const noexcept { return impl_->close_expected && !impl_->eof_received; }

error endpoint::send_text(std::string_view data, bool fin) { return impl_->send_data(0x1, data, fin); }
error endpoint::send_binary(std::string_view data, bool fin) { return impl_->send_data(0x2, data, fin); }
error endpoint::send_continuation(std::string_view data, bool fin) { return impl_->send_data(0x0, data, fin); }
error endpoint::send_ping(std::string_view payload) { return impl_->send_control(0x9, payload); }
error endpoint::send_pong(std::string_view payload) { return impl_->send_control(0xA, payload); }
void endpoint::fail(error e, std::string detail) { impl_->fail(e, std::move(detail)); }

conn_state endpoint::state() const noexcept { return impl_->state; }
error endpoint::failure() const noexcept { return impl_->failure; }
const std::optional<close_event>& endpoint::close_received() const noexcept { return impl_->close_received; }
const std::optional<close_event>& endpoint::close_sent() const noexcept { return impl_->close_sent; }
bool endpoint::closing_handshake_complete() const noexcept {
    const impl& m = *impl_;
    // §7.1.1: the server may close TCP right after the exchange; the client's part
    // ends when it sees the server's TCP close.
    return m.close_sent && m.close_received && (m.cfg.side == role::server || m.eof_received);
}
const std::vector<frame_header>& endpoint::received_frames() const noexcept { return impl_->frames; }
const endpoint_config& endpoint::config() const noexcept { return impl_->cfg; }

}  // namespace wsc
