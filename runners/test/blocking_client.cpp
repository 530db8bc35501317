#include "blocking_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <stdexcept>

namespace wsc::test {

int connect_loopback(std::uint16_t port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd);
        return -1;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

std::string read_some(int fd, std::chrono::milliseconds timeout, bool& eof) {
    eof = false;
    pollfd p{fd, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return {};
    char buf[65536];
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) {
        eof = true;
        return {};
    }
    return std::string(buf, static_cast<std::size_t>(n));
}

void write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n <= 0) return;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

blocking_client::blocking_client(std::uint16_t port, std::string target, bool offer_deflate,
                                 std::chrono::milliseconds timeout) {
    fd_ = connect_loopback(port);
    if (fd_ < 0) throw std::runtime_error("cannot connect to 127.0.0.1:" + std::to_string(port));
    client_handshake_config cfg;
    cfg.host = "127.0.0.1:" + std::to_string(port);
    cfg.target = std::move(target);
    cfg.random = system_random();
    if (offer_deflate) {
        deflate_offer offer;
        offer.client_max_window_bits = true;
        cfg.deflate_offers.push_back(offer);
    }
    hs_ = std::make_unique<client_handshake>(std::move(cfg));
    write_all(fd_, hs_->request());
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        bool eof = false;
        const std::string bytes = read_some(fd_, std::chrono::milliseconds(50), eof);
        if (eof) {
            eof_ = true;
            return;
        }
        if (bytes.empty()) continue;
        const auto status = hs_->receive_data(bytes);
        if (status == handshake_status::rejected) return;
        if (status == handshake_status::accepted) {
            endpoint_config ec;
            ec.side = role::client;
            ec.random = system_random();
            ec.deflate = hs_->deflate();
            ep_ = std::make_unique<endpoint>(std::move(ec));
            const std::string rest = hs_->take_leftover();
            if (!rest.empty()) ep_->receive_data(rest);
            return;
        }
    }
}

blocking_client::~blocking_client() {
    if (fd_ >= 0) ::close(fd_);
}

void blocking_client::shutdown() { ::shutdown(fd_, SHUT_RDWR); }

void blocking_client::flush() { write_all(fd_, ep_->take_output()); }

void blocking_client::send_raw(std::string_view bytes) { write_all(fd_, bytes); }

std::vector<event> blocking_client::next_events(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::vector<event> out = ep_->take_events();
    while (out.empty() && !eof_ && std::chrono::steady_clock::now() < deadline) {
        bool eof = false;
        const std::string bytes = read_some(fd_, std::chrono::milliseconds(20), eof);
        if (eof) {
            eof_ = true;
            ep_->receive_eof();
        } else if (!bytes.empty()) {
            ep_->receive_data(bytes);
        }
        flush();  // automatic pongs and close replies
        out = ep_->take_events();
    }
    return out;
}

bool blocking_client::wait_eof(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!eof_ && std::chrono::steady_clock::now() < deadline) {
        bool eof = false;
        const std::string bytes = read_some(fd_, std::chrono::milliseconds(20), eof);
        if (eof) {
            eof_ = true;
            if (ep_) ep_->receive_eof();
        } else if (!bytes.empty() && ep_) {
            ep_->receive_data(bytes);
            flush();
        }
    }
    return eof_;
}

}  // namespace wsc::test
