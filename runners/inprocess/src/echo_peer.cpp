#include "wsc/inprocess/echo_peer.hpp"

#include <algorithm>
#include <utility>
#include <variant>

namespace wsc::inprocess {

echo_peer::echo_peer(echo_peer_options opts) : opts_(std::move(opts)) {
    if (!opts_.random) opts_.random = fixed_random(0x5a17c0de);
}

void echo_peer::start() {
    if (opts_.side != role::client) return;
    client_handshake_config cc;
    cc.host = opts_.host;
    cc.target = "/runCase?case=" + std::to_string(opts_.case_number) + "&agent=" + opts_.agent;
    cc.random = opts_.random;
    if (opts_.deflate) {
        // A common client offer: permessage-deflate, letting the server cap our window.
        deflate_offer o;
        o.client_max_window_bits = true;
        cc.deflate_offers.push_back(o);
    }
    client_hs_.emplace(std::move(cc));
    out_ += client_hs_->request();
}

void echo_peer::receive_data(std::string_view bytes) {
    if (gone_ || eof_) return;
    if (ep_) return feed(bytes);
    if (opts_.side == role::server) {
        if (!server_hs_) {
            server_handshake_config sc;
            sc.subprotocols = opts_.subprotocols;
            const auto allowed = opts_.allowed_origins;
            sc.origin_allowed = [allowed](std::optional<std::string_view> origin) {
                return !origin || std::find(allowed.begin(), allowed.end(), *origin) != allowed.end();
            };
            sc.deflate.enabled = opts_.deflate;
            server_hs_.emplace(std::move(sc));
        }
        const auto st = server_hs_->receive_data(bytes);
        if (st == handshake_status::need_more) return;
        out_ += server_hs_->response();
        if (st == handshake_status::rejected) {
            eof_ = true;
            return;
        }
        open(server_hs_->deflate(), server_hs_->take_leftover());
        return;
    }
    if (!client_hs_) return;
    const auto st = client_hs_->receive_data(bytes);
    if (st == handshake_status::need_more) return;
    if (st == handshake_status::rejected) {
        // RFC 6455 §4.1: "the client MUST _Fail the WebSocket Connection_" on a bad
        // response; no connection was opened, so nothing is sent, TCP is just closed.
        eof_ = true;
        return;
    }
    open(client_hs_->deflate(), client_hs_->take_leftover());
}

void echo_peer::open(std::optional<deflate_params> deflate, std::string leftover) {
    endpoint_config ec;
    ec.side = opts_.side;
    ec.random = opts_.random;
    ec.checks = opts_.checks;
    ec.deflate = deflate;
    ec.deflate_level = 1;  // as the network echo server: speed over ratio
    ec.max_message_size = opts_.max_message_size;
    ec.max_frame_size = opts_.max_message_size;
    ep_.emplace(std::move(ec));
    feed(leftover);
    pump();
}

std::size_t echo_peer::frame_boundary::until_end(const unsigned char* data, std::size_t n) {
    std::size_t used = 0;
    while (used < n) {
        if (in_payload) {
            const auto k = static_cast<std::size_t>(std::min<std::uint64_t>(payload_left, n - used));
            payload_left -= k;
            used += k;
            if (payload_left == 0) {
                in_payload = false;
                return used;
            }
            continue;
        }
        head[head_len++] = data[used++];
        if (head_len < 2) continue;
        const unsigned len7 = head[1] & 0x7F;
        const std::size_t need = 2 + (len7 == 126 ? 2 : len7 == 127 ? 8 : 0) + ((head[1] & 0x80) ? 4 : 0);
        if (head_len < need) continue;
        std::uint64_t len = len7;
        if (len7 == 126) len = (std::uint64_t{head[2]} << 8) | head[3];
        if (len7 == 127) {
            len = 0;
            for (int i = 0; i < 8; ++i) len = (len << 8) | head[2 + i];
        }
        head_len = 0;
        if (len == 0) return used;
        payload_left = len;
        in_payload = true;
    }
    return used;
}

void echo_peer::feed(std::string_view bytes) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    std::size_t n = bytes.size();
    while (n > 0 && !eof_ && !gone_) {
        const std::size_t k = boundary_.until_end(p, n);
        ep_->receive_data(std::string_view(reinterpret_cast<const char*>(p), k));
        pump();
        p += k;
        n -= k;
    }
}

void echo_peer::pump() {
    for (auto& ev : ep_->take_events()) {
        if (auto* m = std::get_if<message_event>(&ev)) {
            const error e = m->binary ? ep_->send_binary(m->data) : ep_->send_text(m->data);
            if (e == error::none) ++echoed_;
        }
    }
    out_ += ep_->take_output();
    if (ep_->eof_to_send()) eof_ = true;
}

void echo_peer::receive_eof() {
    gone_ = true;
    if (ep_) {
        ep_->receive_eof();
        ep_->take_events();
    }
}

std::string echo_peer::take_output() { return std::exchange(out_, {}); }

}  // namespace wsc::inprocess
