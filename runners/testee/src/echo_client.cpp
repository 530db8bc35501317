#include "wsc/testee/echo_client.hpp"

#include <charconv>

#include "wsc/handshake.hpp"
#include "wsc/net/client_upgrade.hpp"

namespace wsc::testee {

std::string url_encode(const std::string& text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                                c == '-' || c == '.' || c == '_' || c == '~';
        if (unreserved) {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

echo_client::echo_client(net::asio::io_context& io, echo_client_options opts) : io_(io), opts_(std::move(opts)) {}

std::string echo_client::path(const std::string& rest) const {
    std::string base = opts_.server.target;
    if (const auto q = base.find('?'); q != std::string::npos) base.resize(q);
    while (!base.empty() && base.back() == '/') base.pop_back();
    return base + rest;
}

void echo_client::run(done_handler done) {
    done_ = std::move(done);
    auto self = shared_from_this();
    visit(
        path("/getCaseCount"),
        [self](const message_event& m) {
            int value = -1;
            auto [end, ec] = std::from_chars(m.data.data(), m.data.data() + m.data.size(), value);
            if (ec == std::errc() && end == m.data.data() + m.data.size()) self->count_ = value;
        },
        [self](bool connected) {
            if (!connected) return self->done_(echo_client_outcome::unreachable, "cannot reach the fuzzing server");
            if (self->count_ < 0)
                return self->done_(echo_client_outcome::protocol_error, "getCaseCount did not answer with a number");
            self->run_case(1);
        });
}

void echo_client::run_case(int n) {
    if (n > count_) return update_reports();
    if (opts_.on_case) opts_.on_case(n, count_);
    auto self = shared_from_this();
    visit(path("/runCase?case=" + std::to_string(n) + "&agent=" + url_encode(opts_.agent)), nullptr,
          [self, n](bool connected) {
              if (!connected) return self->done_(echo_client_outcome::unreachable, "the fuzzing server went away");
              self->run_case(n + 1);
          });
}

void echo_client::update_reports() {
    auto self = shared_from_this();
    visit(path("/updateReports?agent=" + url_encode(opts_.agent)), nullptr, [self](bool connected) {
        if (!connected) return self->done_(echo_client_outcome::unreachable, "the fuzzing server went away");
        self->done_(echo_client_outcome::done, "ran " + std::to_string(self->count_) + " cases");
    });
}

void echo_client::visit(const std::string& target, std::function<void(const message_event&)> on_message,
                        std::function<void(bool connected)> next) {
    client_handshake_config cfg;
    cfg.target = target;
    cfg.random = system_random();
    if (opts_.deflate) {
        // Offer the widest acceptance: "client_max_window_bits" without a value lets
        // the server pick our window (RFC 7692 §7.1.2.2).
        deflate_offer offer;
        offer.client_max_window_bits = true;
        cfg.deflate_offers.push_back(offer);
    }
    auto self = shared_from_this();
    net::async_upgrade(
        io_, opts_.server, opts_.connect, std::move(cfg), opts_.handshake_timeout_s,
        [self, target, on_message = std::move(on_message), next = std::move(next)](net::upgrade_result r) mutable {
            if (!r.ok()) {
                if (self->opts_.log) self->opts_.log(target + ": " + r.what);
                // A refused handshake is the server's answer (e.g. an excluded case);
                // only a connection that could not be made stops the run.
                return next(r.handshake != nullptr && !net::is_unreachable(r.ec));
            }
            endpoint_config ec_cfg;
            ec_cfg.side = role::client;
            ec_cfg.random = system_random();
            ec_cfg.max_message_size = self->opts_.max_message_size;
            ec_cfg.max_frame_size = self->opts_.max_message_size;
            ec_cfg.deflate = r.handshake->deflate();
            ec_cfg.deflate_level = 1;  // as the echo server: speed over ratio
            auto stream = std::make_shared<net::endpoint_stream>(r.stream, endpoint(std::move(ec_cfg)),
                                                                 self->opts_.limits);
            stream->start(
                std::move(r.leftover),
                [on_message](net::endpoint_stream& s, event& ev) {
                    auto* m = std::get_if<message_event>(&ev);
                    if (!m) return;
                    if (on_message) return on_message(*m);
                    if (m->binary) s.ep().send_binary(m->data);
                    else s.ep().send_text(m->data);
                },
                [next = std::move(next)](net::endpoint_stream&) mutable { next(true); });
        });
}

}  // namespace wsc::testee
