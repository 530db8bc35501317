#include "wsc/net/connect.hpp"

#include <chrono>

namespace wsc::net {

namespace {

// Everything one attempt owns; the handlers share it, and the first of
// "finished" and "deadline" wins.
struct attempt : std::enable_shared_from_this<attempt> {
    attempt(asio::io_context& io, ws_url u, connect_options o, connect_handler h)
        : resolver(io), socket(io), timer(io), url(std::move(u)), opts(std::move(o)), handler(std::move(h)) {}

    tcp::resolver resolver;
    tcp::socket socket;
    asio::steady_timer timer;
    std::shared_ptr<transport> stream;
    ws_url url;
    connect_options opts;
    connect_handler handler;
    bool finished = false;

    void run() {
        auto self = shared_from_this();
        timer.expires_after(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::chrono::duration<double>(opts.timeout_s)));
        timer.async_wait([self](const error_code& ec) {
            if (ec || self->finished) return;
            self->resolver.cancel();
            error_code ignored;
            self->socket.close(ignored);
            if (self->stream) self->stream->close();
            self->finish(asio::error::timed_out);
        });
        resolver.async_resolve(url.host, std::to_string(url.port),
                               [self](const error_code& ec, tcp::resolver::results_type results) {
                                   if (ec) return self->finish(ec);
                                   self->connect(std::move(results));
                               });
    }

    void connect(tcp::resolver::results_type results) {
        auto self = shared_from_this();
        asio::async_connect(socket, results, [self](const error_code& ec, const tcp::endpoint&) {
            if (ec) return self->finish(ec);
            self->handshake();
        });
    }

    void handshake() {
        if (finished) return;
        if (url.tls) {
            if (!opts.tls_context) return finish(asio::error::no_protocol_option);
            stream = std::make_shared<transport>(std::move(socket), opts.tls_context);
        } else {
            stream = std::make_shared<transport>(std::move(socket));
        }
        stream->set_no_delay();
        const std::string name = opts.tls.sni.empty() ? url.host : opts.tls.sni;
        auto self = shared_from_this();
        stream->async_client_handshake(name, !opts.tls.insecure, [self](const error_code& ec) { self->finish(ec); });
    }

    void finish(const error_code& ec) {
        if (finished) return;
        finished = true;
        timer.cancel();
        auto h = std::move(handler);
        if (ec) {
            if (stream) stream->close();
            h(ec, nullptr);
        } else {
            h(ec, std::move(stream));
        }
    }
};

}  // namespace

void async_connect(asio::io_context& io, const ws_url& url, const connect_options& opts, connect_handler h) {
    std::make_shared<attempt>(io, url, opts, std::move(h))->run();
}

bool is_unreachable(const error_code& ec) noexcept {
    return ec == asio::error::connection_refused || ec == asio::error::host_unreachable ||
           ec == asio::error::network_unreachable || ec == asio::error::host_not_found ||
           ec == asio::error::host_not_found_try_again || ec == asio::error::timed_out;
}

}  // namespace wsc::net
