#include "wsc/net/transport.hpp"

#include <openssl/ssl.h>

namespace wsc::net {

transport::transport(tcp::socket socket) : plain_(std::move(socket)) {}

transport::transport(tcp::socket socket, std::shared_ptr<asio::ssl::context> tls)
    : tls_context_(std::move(tls)),
      tls_stream_(std::make_unique<asio::ssl::stream<tcp::socket>>(std::move(socket), *tls_context_)) {}

transport::~transport() { close(); }

tcp::socket& transport::socket() noexcept { return tls_stream_ ? tls_stream_->next_layer() : *plain_; }

void transport::set_no_delay() {
    error_code ignored;
    socket().set_option(tcp::no_delay(true), ignored);
}

void transport::async_client_handshake(const std::string& server_name, bool verify_name, done_handler h) {
    if (!tls_stream_) {
        asio::post(executor(), [h = std::move(h)] { h(error_code{}); });
        return;
    }
    if (!server_name.empty()) {
        // SNI carries host names only; an address literal is not sent (RFC 6066 §3).
        error_code ec;
        asio::ip::make_address(server_name, ec);
        if (ec) SSL_set_tlsext_host_name(tls_stream_->native_handle(), server_name.c_str());
        if (verify_name) tls_stream_->set_verify_callback(asio::ssl::host_name_verification(server_name));
    }
    tls_stream_->async_handshake(asio::ssl::stream_base::client, std::move(h));
}

void transport::async_server_handshake(done_handler h) {
    if (!tls_stream_) {
        asio::post(executor(), [h = std::move(h)] { h(error_code{}); });
        return;
    }
    tls_stream_->async_handshake(asio::ssl::stream_base::server, std::move(h));
}

void transport::async_read_some(asio::mutable_buffer into, io_handler h) {
    if (tls_stream_) tls_stream_->async_read_some(into, std::move(h));
    else plain_->async_read_some(into, std::move(h));
}

void transport::async_write(asio::const_buffer bytes, io_handler h) {
    if (tls_stream_) asio::async_write(*tls_stream_, bytes, std::move(h));
    else asio::async_write(*plain_, bytes, std::move(h));
}

void transport::close() noexcept {
    if (!open_) return;
    open_ = false;
    error_code ignored;
    socket().shutdown(tcp::socket::shutdown_both, ignored);
    socket().close(ignored);
}

std::string transport::peer() const {
    error_code ec;
    const auto& s = tls_stream_ ? tls_stream_->next_layer() : *plain_;
    auto ep = s.remote_endpoint(ec);
    if (ec) return {};
    const auto addr = ep.address();
    return (addr.is_v6() ? "[" + addr.to_string() + "]" : addr.to_string()) + ":" + std::to_string(ep.port());
}

}  // namespace wsc::net
