// `wsconform echo-server`: the reference server under test.
#include <array>
#include <iostream>

#include "args.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "stop_signals.hpp"
#include "tls_args.hpp"
#include "version.hpp"
#include "wsc/testee/echo_server.hpp"

namespace wsc::cli {

namespace {

constexpr std::array specs{
    option_spec{"port", 'p', "N", "TCP port (default 9001; 0 picks a free one)"},
    option_spec{"bind", 0, "ADDR", "address to listen on (default 127.0.0.1)"},
    option_spec{"no-deflate", 0, "", "decline permessage-deflate"},
    option_spec{"deflate-level", 0, "N", "zlib level 0-9 for compressed echoes (default 1, the fastest)"},
    option_spec{"subprotocol", 0, "NAME", "speak this subprotocol (repeat or comma-separate, preferred first)"},
    option_spec{"allow-origin", 0, "ORIGIN", "admit only these Origins, 403 for others (repeatable)"},
    option_spec{"idle-timeout", 0, "SECONDS", "close connections silent this long (default 300)"},
    option_spec{"cert", 0, "FILE", "serve wss with this certificate chain (PEM)"},
    option_spec{"key", 0, "FILE", "private key (PEM) for --cert"},
    option_spec{"quiet", 'q', "", "do not log refused handshakes and failed connections"},
    option_spec{"help", 'h', "", "show this help"},
};

}  // namespace

int run_echo_server(std::span<const std::string> args) {
    const auto a = parse_args(args, specs);
    if (a.has("help")) {
        std::cout << format_help("wsconform echo-server [options]",
                                 "Echoes every text and binary message back with the same type; answers pings, "
                                 "completes closing handshakes and fails connections on protocol errors, all "
                                 "by the reference codec.",
                                 specs);
        return exit_code::ok;
    }
    if (!a.positional().empty()) throw usage_error("unexpected argument '" + a.positional().front() + "'");

    net::asio::io_context io;
    testee::echo_server_options opts;
    opts.port = static_cast<std::uint16_t>(a.number("port", 9001, 0, 65535));
    opts.bind_address = a.get_or("bind", "127.0.0.1");
    opts.deflate = !a.has("no-deflate");
    opts.deflate_level = static_cast<int>(a.number("deflate-level", 1, 0, 9));
    opts.subprotocols = split_list(a.all("subprotocol"));
    opts.allowed_origins = split_list(a.all("allow-origin"));
    opts.limits.idle_timeout_s = a.number("idle-timeout", 300, 0, 1e6);
    opts.server_header = std::string("wsconform-echo-server/") + version;
    if (a.has("cert") || a.has("key")) {
        net::tls_options t;
        t.cert_file = a.get_or("cert", "");
        t.key_file = a.get_or("key", "");
        opts.tls = net::make_server_tls_context(t);
    }
    if (!a.has("quiet")) opts.log = [](const std::string& line) { std::cerr << line << "\n"; };

    std::unique_ptr<testee::echo_server> server;
    try {
        server = std::make_unique<testee::echo_server>(io, opts);
    } catch (const std::exception& e) {
        std::cerr << "wsconform echo-server: cannot listen on " << opts.bind_address << ":" << opts.port << ": "
                  << e.what() << "\n";
        return exit_code::usage;
    }
    server->start();
    // Scripts read this line for the port when they pass --port 0.
    std::cout << "listening on " << (opts.tls ? "wss://" : "ws://") << opts.bind_address << ":" << server->port()
              << "/" << std::endl;
    auto signals = on_stop_signal(io, [&] {
        server->stop();
        io.stop();
    });
    io.run();
    return exit_code::ok;
}

}  // namespace wsc::cli
