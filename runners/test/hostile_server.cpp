#include "hostile_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

#include "blocking_client.hpp"
#include "wsc/handshake.hpp"
#include "wsc/http.hpp"

namespace wsc::test {

hostile_server::hostile_server(behaviour b) : behaviour_(std::move(b)) {
    listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listen_fd_, 64) != 0)
        throw std::runtime_error("hostile_server: cannot listen");
    socklen_t len = sizeof addr;
    getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    acceptor_ = std::thread([this] {
        while (!stop_) {
            pollfd p{listen_fd_, POLLIN, 0};
            if (poll(&p, 1, 50) <= 0) continue;
            const int fd = ::accept(listen_fd_, nullptr, nullptr);
            if (fd < 0) continue;
            ++connections_;
            std::lock_guard lock(m_);
            workers_.emplace_back([this, fd] {
                behaviour_(fd, stop_);
                ::close(fd);
            });
        }
    });
}

hostile_server::~hostile_server() {
    stop_ = true;
    acceptor_.join();
    std::lock_guard lock(m_);
    for (auto& w : workers_) w.join();
    ::close(listen_fd_);
}

std::string read_handshake_key(int fd, const std::atomic<bool>& stop) {
    http_head_reader reader(http_head_reader::kind::request, 16384);
    while (!stop) {
        bool eof = false;
        const std::string bytes = read_some(fd, std::chrono::milliseconds(50), eof);
        if (eof) return {};
        if (bytes.empty()) continue;
        const auto st = reader.receive(bytes);
        if (st == http_head_reader::status::failed) return {};
        if (st == http_head_reader::status::done) {
            auto key = reader.head().value("Sec-WebSocket-Key");
            return key ? std::string(*key) : std::string();
        }
    }
    return {};
}

void send_switching_protocols(int fd, const std::string& key) {
    write_all(fd, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  "Server: HostilePeer/1.0\r\nSec-WebSocket-Accept: " +
                      compute_accept(key) + "\r\n\r\n");
}

void drain_until_closed(int fd, const std::atomic<bool>& stop) {
    while (!stop) {
        bool eof = false;
        read_some(fd, std::chrono::milliseconds(50), eof);
        if (eof) return;
    }
}

void reset_connection(int fd) {
    linger l{1, 0};
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
}

void accept_then_ignore(int fd, const std::atomic<bool>& stop) {
    const std::string key = read_handshake_key(fd, stop);
    if (key.empty()) return;
    send_switching_protocols(fd, key);
    drain_until_closed(fd, stop);
}

}  // namespace wsc::test
