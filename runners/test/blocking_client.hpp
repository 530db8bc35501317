// A WebSocket client for tests on plain blocking sockets and the codec: every wait
// has a deadline, and it only ever connects to 127.0.0.1.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wsc/endpoint.hpp"
#include "wsc/handshake.hpp"

namespace wsc::test {

// A TCP connection to 127.0.0.1:port; -1 on failure.
int connect_loopback(std::uint16_t port);
// Reads whatever arrives within `timeout`; "" and eof=true when the peer closed.
std::string read_some(int fd, std::chrono::milliseconds timeout, bool& eof);
void write_all(int fd, std::string_view bytes);

class blocking_client {
public:
    // Connects and performs the opening handshake; ok() says whether it was accepted.
    explicit blocking_client(std::uint16_t port, std::string target = "/", bool offer_deflate = false,
                             std::chrono::milliseconds timeout = std::chrono::seconds(5));
    ~blocking_client();

    bool ok() const { return ep_ != nullptr; }
    int fd() const { return fd_; }
    const client_handshake& handshake() const { return *hs_; }
    endpoint& ep() { return *ep_; }

    void flush();  // writes the endpoint's output
    void send_raw(std::string_view bytes);
    // Reads until at least one event arrives (or the peer closes, or timeout).
    std::vector<event> next_events(std::chrono::milliseconds timeout = std::chrono::seconds(5));
    // Reads until the peer closes TCP; false on timeout.
    bool wait_eof(std::chrono::milliseconds timeout = std::chrono::seconds(5));
    bool peer_closed() const { return eof_; }
    // Shuts the socket down both ways (unblocks a send() in another thread).
    void shutdown();

private:
    int fd_ = -1;
    std::unique_ptr<client_handshake> hs_;
    std::unique_ptr<endpoint> ep_;
    bool eof_ = false;
};

}  // namespace wsc::test
