// One byte stream to a peer, TCP or TLS over TCP, behind one small interface so
// the drivers above it never ask which. At most one read and one write may be
// outstanding at a time (Asio's rule for both stream kinds).
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "wsc/net/asio.hpp"

namespace wsc::net {

class transport {
public:
    using io_handler = std::function<void(const error_code&, std::size_t)>;
    using done_handler = std::function<void(const error_code&)>;

    // Plain TCP.
    explicit transport(tcp::socket socket);
    // TLS over the socket; the context is shared, and kept alive by the transport.
    transport(tcp::socket socket, std::shared_ptr<asio::ssl::context> tls);
    ~transport();
    transport(const transport&) = delete;
    transport& operator=(const transport&) = delete;

    bool is_tls() const noexcept { return tls_stream_ != nullptr; }
    tcp::socket& socket() noexcept;
    asio::any_io_executor executor() noexcept { return socket().get_executor(); }
    bool is_open() const noexcept { return open_; }

    // Small writes leave at once rather than waiting for an ACK (Nagle): chopped
    // frames must reach the wire as separate segments.
    void set_no_delay();

    // TLS handshakes; for plain TCP they complete at once. `server_name` is sent as
    // SNI and, unless verification is off in the context, checked against the
    // certificate.
    void async_client_handshake(const std::string& server_name, bool verify_name, done_handler h);
    void async_server_handshake(done_handler h);

    void async_read_some(asio::mutable_buffer into, io_handler h);
    // Writes the whole buffer (which must stay alive until h runs).
    void async_write(asio::const_buffer bytes, io_handler h);

    // Closes TCP. No TLS close_notify is waited for: a hostile peer could withhold
    // its half forever. Pending operations complete with operation_aborted.
    void close() noexcept;

    // "address:port" of the peer, or "" once closed.
    std::string peer() const;

private:
    std::optional<tcp::socket> plain_;
    std::shared_ptr<asio::ssl::context> tls_context_;
    std::unique_ptr<asio::ssl::stream<tcp::socket>> tls_stream_;
    bool open_ = true;
};

}  // namespace wsc::net
