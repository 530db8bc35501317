// A WebSocket echo server written on Boost.Beast, so that wsconform can be run
// against an implementation other than its own codec. Every message comes back
// with its type; Beast itself answers pings, validates UTF-8 and runs the
// closing handshake, which is what the conformance cases observe.
//
//   wsc_beast_echo [--port N] [--no-deflate]
//
// Listens on 127.0.0.1 only. Prints "listening on 127.0.0.1:PORT" once it
// accepts connections (--port 0 picks a free port).
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>

namespace {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = boost::asio::ip::tcp;

// Autobahn's §9 sends messages of up to 16 MiB; Beast's default limit is exactly
// that, so leave headroom rather than fail the largest cases on a limit.
constexpr std::size_t message_limit = 64u << 20;

void echo(tcp::socket socket, bool deflate) {
    websocket::stream<tcp::socket> ws(std::move(socket));
    if (deflate) {
        websocket::permessage_deflate pmd;
        pmd.server_enable = true;
        ws.set_option(pmd);
    }
    ws.read_message_max(message_limit);
    ws.auto_fragment(false);
    beast::error_code ec;
    ws.accept(ec);
    if (ec) return;
    beast::flat_buffer buffer;
    for (;;) {
        // An error here is either the end of a closing handshake or a protocol
        // violation that Beast has already answered with a close frame.
        ws.read(buffer, ec);
        if (ec) return;
        ws.text(ws.got_text());
        ws.write(buffer.data(), ec);
        if (ec) return;
        buffer.consume(buffer.size());
    }
}

int usage() {
    std::cerr << "usage: wsc_beast_echo [--port N] [--no-deflate]\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    unsigned short port = 9001;
    bool deflate = true;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--port" && i + 1 < argc) {
            port = static_cast<unsigned short>(std::strtoul(argv[++i], nullptr, 10));
        } else if (arg == "--no-deflate") {
            deflate = false;
        } else {
            return usage();
        }
    }
    try {
        boost::asio::io_context io;
        tcp::acceptor acceptor(io, {boost::asio::ip::make_address("127.0.0.1"), port});
        std::cout << "listening on 127.0.0.1:" << acceptor.local_endpoint().port() << std::endl;
        for (;;) {
            tcp::socket socket(io);
            acceptor.accept(socket);
            std::thread(echo, std::move(socket), deflate).detach();
        }
    } catch (const std::exception& e) {
        std::cerr << "wsc_beast_echo: " << e.what() << "\n";
        return 1;
    }
}
