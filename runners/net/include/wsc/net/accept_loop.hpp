// Listening socket that hands every accepted connection to a callback, as a
// transport (TCP_NODELAY set; TLS handshake done when a context is given).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "wsc/net/asio.hpp"
#include "wsc/net/transport.hpp"

namespace wsc::net {

class accept_loop : public std::enable_shared_from_this<accept_loop> {
public:
    using connection_handler = std::function<void(std::shared_ptr<transport>)>;

    // Binds at once, so a port in use is reported to the caller (system_error)
    // before anything runs. Port 0 picks a free port (see port()).
    accept_loop(asio::io_context& io, const std::string& bind_address, std::uint16_t port,
                std::shared_ptr<asio::ssl::context> tls = nullptr, double tls_handshake_timeout_s = 5);

    void start(connection_handler on_connection);
    void stop();
    std::uint16_t port() const;

private:
    void accept_next();
    void tls_handshake(std::shared_ptr<transport> t);

    asio::io_context& io_;
    tcp::acceptor acceptor_;
    std::shared_ptr<asio::ssl::context> tls_;
    double tls_timeout_s_;
    connection_handler on_connection_;
    bool stopped_ = false;
};

}  // namespace wsc::net
