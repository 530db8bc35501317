#include "wsc/testee/echo_server.hpp"

#include <algorithm>

#include "wsc/handshake.hpp"
#include "wsc/net/request_reader.hpp"

namespace wsc::testee {

echo_server::echo_server(net::asio::io_context& io, echo_server_options opts)
    : io_(io),
      opts_(std::move(opts)),
      acceptor_(std::make_shared<net::accept_loop>(io_, opts_.bind_address, opts_.port, opts_.tls,
                                                   opts_.handshake_timeout_s)) {}

echo_server::~echo_server() { acceptor_->stop(); }

std::uint16_t echo_server::port() const { return acceptor_->port(); }

void echo_server::start() {
    acceptor_->start([this](std::shared_ptr<net::transport> t) { serve(std::move(t)); });
}

void echo_server::stop() { acceptor_->stop(); }

namespace {

void echo(net::endpoint_stream& s, event& ev) {
    if (auto* m = std::get_if<message_event>(&ev)) {
        if (m->binary) s.ep().send_binary(m->data);
        else s.ep().send_text(m->data);
    }
    // Pings are answered by the codec (auto_pong); a received close is answered by
    // it too, and a protocol error makes it fail the connection (§7.1.7).
}

}  // namespace

void echo_server::serve(std::shared_ptr<net::transport> t) {
    // The handlers below copy what they need: connections may outlive stop().
    auto opts = std::make_shared<echo_server_options>(opts_);
    net::async_read_request_head(t, opts->handshake_timeout_s, 16 * 1024, [t, opts](net::request_head req) {
        if (req.how == net::request_head::outcome::timed_out || req.how == net::request_head::outcome::closed) {
            t->close();
            return;
        }
        server_handshake_config cfg;
        cfg.deflate.enabled = opts->deflate;
        cfg.subprotocols = opts->subprotocols;
        if (!opts->allowed_origins.empty()) {
            cfg.origin_allowed = [opts](std::optional<std::string_view> origin) {
                const auto& allowed = opts->allowed_origins;
                return !origin || std::find(allowed.begin(), allowed.end(), *origin) != allowed.end();
            };
        }
        cfg.extra_response_headers.push_back({"Server", opts->server_header});
        auto hs = std::make_shared<server_handshake>(std::move(cfg));
        const auto status = hs->receive_data(req.raw);
        if (status != handshake_status::accepted) {
            // §4.2.1: a request that is not a valid opening handshake gets an HTTP
            // error (the codec chose the status); then TCP is closed.
            if (opts->log) opts->log(t->peer() + ": handshake refused: " + hs->detail());
            auto response = std::make_shared<std::string>(hs->response());
            if (response->empty()) return t->close();
            t->async_write(net::asio::buffer(*response), [t, response](const net::error_code&, std::size_t) {
                t->close();
            });
            return;
        }
        auto response = std::make_shared<std::string>(hs->response());
        t->async_write(net::asio::buffer(*response), [t, response, hs, opts](const net::error_code& ec, std::size_t) {
            if (ec) return t->close();
            endpoint_config ec_cfg;
            ec_cfg.side = role::server;
            ec_cfg.random = system_random();
            ec_cfg.max_message_size = opts->max_message_size;
            ec_cfg.max_frame_size = opts->max_message_size;
            ec_cfg.deflate = hs->deflate();
            ec_cfg.deflate_level = opts->deflate_level;
            auto stream = std::make_shared<net::endpoint_stream>(t, endpoint(std::move(ec_cfg)), opts->limits);
            stream->start(hs->take_leftover(), echo, [opts, peer = t->peer()](net::endpoint_stream& s) {
                const error e = s.ep().failure();
                if (opts->log && e != error::none && e != error::unexpected_eof)
                    opts->log(peer + ": failed the connection: " + std::string(name_of(e)));
            });
        });
    });
}

}  // namespace wsc::testee
