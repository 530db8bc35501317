// A codec-based WebSocket client connection: connect, send the opening handshake,
// read and check the response (RFC 6455 §4.1), all under deadlines. The echo
// client and the tests build on it.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "wsc/handshake.hpp"
#include "wsc/net/asio.hpp"
#include "wsc/net/connect.hpp"
#include "wsc/net/transport.hpp"
#include "wsc/net/url.hpp"

namespace wsc::net {

struct upgrade_result {
    error_code ec;                      // transport-level failure, or timed_out
    std::string what;                   // one line for people when it failed
    std::shared_ptr<transport> stream;  // open on success
    std::shared_ptr<client_handshake> handshake;  // the verdict and the response head
    std::string leftover;               // bytes after the response head
    bool ok() const { return !ec && handshake && stream; }
};

// cfg.host and cfg.target default to the URL's when empty.
void async_upgrade(asio::io_context& io, const ws_url& url, const connect_options& connect,
                   client_handshake_config cfg, double handshake_timeout_s,
                   std::function<void(upgrade_result)> done);

}  // namespace wsc::net
