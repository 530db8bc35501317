#include <stdexcept>

#include "wsc/net/tls_options.hpp"

namespace wsc::net {

namespace {

void load_own_identity(asio::ssl::context& ctx, const tls_options& opts) {
    error_code ec;
    if (!opts.cert_file.empty()) {
        ctx.use_certificate_chain_file(opts.cert_file, ec);
        if (ec) throw std::runtime_error("cannot load certificate " + opts.cert_file + ": " + ec.message());
    }
    if (!opts.key_file.empty()) {
        ctx.use_private_key_file(opts.key_file, asio::ssl::context::pem, ec);
        if (ec) throw std::runtime_error("cannot load private key " + opts.key_file + ": " + ec.message());
    }
}

}  // namespace

std::shared_ptr<asio::ssl::context> make_client_tls_context(const tls_options& opts) {
    auto ctx = std::make_shared<asio::ssl::context>(asio::ssl::context::tls_client);
    ctx->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                     asio::ssl::context::no_sslv3);
    error_code ec;
    if (!opts.ca_file.empty()) {
        ctx->load_verify_file(opts.ca_file, ec);
        if (ec) throw std::runtime_error("cannot load CA file " + opts.ca_file + ": " + ec.message());
    } else {
        ctx->set_default_verify_paths(ec);
    }
    load_own_identity(*ctx, opts);
    ctx->set_verify_mode(opts.insecure ? asio::ssl::verify_none : asio::ssl::verify_peer);
    return ctx;
}

std::shared_ptr<asio::ssl::context> make_server_tls_context(const tls_options& opts) {
    if (opts.cert_file.empty() || opts.key_file.empty())
        throw std::runtime_error("a TLS server needs both a certificate and a key file");
    auto ctx = std::make_shared<asio::ssl::context>(asio::ssl::context::tls_server);
    ctx->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                     asio::ssl::context::no_sslv3 | asio::ssl::context::single_dh_use);
    load_own_identity(*ctx, opts);
    if (!opts.ca_file.empty()) {
        // A CA for a server means: ask clients for a certificate and check it.
        error_code ec;
        ctx->load_verify_file(opts.ca_file, ec);
        if (ec) throw std::runtime_error("cannot load CA file " + opts.ca_file + ": " + ec.message());
        ctx->set_verify_mode(asio::ssl::verify_peer);
    }
    return ctx;
}

}  // namespace wsc::net
