// The reference server under test: accepts the opening handshake with the codec
// (permessage-deflate on unless switched off), echoes every text and binary message
// with its type, and leaves pings, closing and failing to the codec. One handler
// chain per connection; any number of connections at once.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "wsc/net/accept_loop.hpp"
#include "wsc/net/asio.hpp"
#include "wsc/net/endpoint_stream.hpp"

namespace wsc::testee {

struct echo_server_options {
    std::string bind_address = "127.0.0.1";
    std::uint16_t port = 9001;  // 0 picks a free port
    bool deflate = true;
    // Echoes are compressed at zlib level 1: the RFC 7692 sections send 100+ MB per
    // case, and a conformance peer has no use for a better ratio.
    int deflate_level = 1;
    // The subprotocols it speaks, in its order of preference (none: it selects none).
    std::vector<std::string> subprotocols;
    // When not empty, the only Origins it admits (403 for others, RFC 6455 §4.2.2);
    // a request without Origin, from a non-browser client, is admitted.
    std::vector<std::string> allowed_origins;
    std::string server_header = "wsconform-echo-server";
    double handshake_timeout_s = 5;  // Autobahn's openHandshakeTimeout
    net::stream_limits limits{2.0, 300.0, 4u << 20};
    std::uint64_t max_message_size = 64ull << 20;
    std::shared_ptr<net::asio::ssl::context> tls;  // wss when set
    // Called with one line per connection that ended badly (handshake refused,
    // protocol error); unset: silent.
    std::function<void(const std::string&)> log;
};

class echo_server {
public:
    // Binds at once; throws boost::system::system_error when the port is taken.
    echo_server(net::asio::io_context& io, echo_server_options opts);
    ~echo_server();
    std::uint16_t port() const;
    void start();
    void stop();

private:
    void serve(std::shared_ptr<net::transport> t);

    net::asio::io_context& io_;
    echo_server_options opts_;
    std::shared_ptr<net::accept_loop> acceptor_;
};

}  // namespace wsc::testee
