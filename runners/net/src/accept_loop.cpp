#include "wsc/net/accept_loop.hpp"

#include <chrono>

namespace wsc::net {

accept_loop::accept_loop(asio::io_context& io, const std::string& bind_address, std::uint16_t port,
                         std::shared_ptr<asio::ssl::context> tls, double tls_handshake_timeout_s)
    : io_(io), acceptor_(io), tls_(std::move(tls)), tls_timeout_s_(tls_handshake_timeout_s) {
    const tcp::endpoint where(asio::ip::make_address(bind_address), port);
    acceptor_.open(where.protocol());
    acceptor_.set_option(tcp::acceptor::reuse_address(true));
    acceptor_.bind(where);
    acceptor_.listen(asio::socket_base::max_listen_connections);
}

void accept_loop::start(connection_handler on_connection) {
    on_connection_ = std::move(on_connection);
    accept_next();
}

void accept_loop::stop() {
    stopped_ = true;
    error_code ignored;
    acceptor_.close(ignored);
}

std::uint16_t accept_loop::port() const {
    error_code ec;
    return acceptor_.local_endpoint(ec).port();
}

void accept_loop::accept_next() {
    if (stopped_) return;
    auto self = shared_from_this();
    acceptor_.async_accept([self](const error_code& ec, tcp::socket socket) {
        if (self->stopped_) return;
        if (!ec) {
            auto t = self->tls_ ? std::make_shared<transport>(std::move(socket), self->tls_)
                                : std::make_shared<transport>(std::move(socket));
            t->set_no_delay();
            if (self->tls_) self->tls_handshake(std::move(t));
            else self->on_connection_(std::move(t));
        }
        // Errors such as EMFILE concern one connection, not the listener: go on.
        self->accept_next();
    });
}

void accept_loop::tls_handshake(std::shared_ptr<transport> t) {
    auto timer = std::make_shared<asio::steady_timer>(io_);
    timer->expires_after(std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double>(tls_timeout_s_)));
    timer->async_wait([t](const error_code& ec) {
        if (!ec) t->close();
    });
    auto self = shared_from_this();
    t->async_server_handshake([self, t, timer](const error_code& ec) {
        timer->cancel();
        if (ec || !t->is_open() || self->stopped_) {
            t->close();
            return;
        }
        self->on_connection_(t);
    });
}

}  // namespace wsc::net
