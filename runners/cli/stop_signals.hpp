// SIGINT and SIGTERM as Asio events: the long-running subcommands stop starting new
// work, keep what is finished and end with exit code 130.
#pragma once

#include <csignal>
#include <cstdlib>
#include <functional>
#include <memory>

#include "wsc/net/asio.hpp"

namespace wsc::cli {

// Calls on_stop once, on the io_context's thread, at the first SIGINT or SIGTERM.
// A second signal ends the process at once (the user insists).
inline std::shared_ptr<net::asio::signal_set> on_stop_signal(net::asio::io_context& io, std::function<void()> on_stop) {
    auto signals = std::make_shared<net::asio::signal_set>(io, SIGINT, SIGTERM);
    signals->async_wait([signals, on_stop = std::move(on_stop)](const net::error_code& ec, int) {
        if (ec) return;
        signals->async_wait([](const net::error_code& again, int) {
            if (!again) std::_Exit(130);
        });
        on_stop();
    });
    return signals;
}

}  // namespace wsc::cli
