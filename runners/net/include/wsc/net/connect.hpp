// Opening a transport to a ws:// or wss:// URL: resolve, connect, TCP_NODELAY and,
// for wss, the TLS handshake, all under one deadline.
#pragma once

#include <functional>
#include <memory>

#include "wsc/net/asio.hpp"
#include "wsc/net/tls_options.hpp"
#include "wsc/net/transport.hpp"
#include "wsc/net/url.hpp"

namespace wsc::net {

struct connect_options {
    double timeout_s = 30;  // Autobahn's TCP connect timeout (catalogue.md §1.4)
    tls_options tls;
    // Built once per run from `tls` (make_client_tls_context) and shared; required
    // for wss:// URLs.
    std::shared_ptr<asio::ssl::context> tls_context;
};

// Completes with asio::error::timed_out when the deadline passes, with the
// resolver's, connect's or TLS's error otherwise, and with an open transport on success.
using connect_handler = std::function<void(const error_code&, std::shared_ptr<transport>)>;
void async_connect(asio::io_context& io, const ws_url& url, const connect_options& opts, connect_handler h);

// True for the errors that mean "nobody is listening there" rather than "the peer
// misbehaved": the client command stops a server's run on these.
bool is_unreachable(const error_code& ec) noexcept;

}  // namespace wsc::net
