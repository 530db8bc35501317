// Misbehaving WebSocket servers for tests of `wsconform client`: each accepted
// connection runs a behaviour on its own thread. Listens on 127.0.0.1 only.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace wsc::test {

class hostile_server {
public:
    // behaviour(fd, stop): owns the connection; should return soon after stop is set.
    using behaviour = std::function<void(int fd, const std::atomic<bool>& stop)>;

    explicit hostile_server(behaviour b);
    ~hostile_server();
    std::uint16_t port() const { return port_; }
    int connections() const { return connections_; }

private:
    int listen_fd_ = -1;
    std::uint16_t port_ = 0;
    behaviour behaviour_;
    std::atomic<bool> stop_{false};
    std::atomic<int> connections_{0};
    std::thread acceptor_;
    std::mutex m_;
    std::vector<std::thread> workers_;
};

// Building blocks for behaviours.
// Reads the opening-handshake request; returns its Sec-WebSocket-Key or "".
std::string read_handshake_key(int fd, const std::atomic<bool>& stop);
// Answers with a valid 101 for `key`.
void send_switching_protocols(int fd, const std::string& key);
// Blocks until the peer closes or stop is set, discarding what arrives.
void drain_until_closed(int fd, const std::atomic<bool>& stop);
// Closes with an RST instead of a FIN.
void reset_connection(int fd);

// A whole behaviour: completes the opening handshake, then reads everything and
// answers nothing (no echo, no pong, no close) until the peer hangs up.
void accept_then_ignore(int fd, const std::atomic<bool>& stop);

}  // namespace wsc::test
