// A misbehaving peer from runners/test/peers/ as a process: started with python3,
// its port read from its "listening on ws://127.0.0.1:PORT/" line, stopped by PID
// when the object goes (child_process).
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "listening_port.hpp"

namespace wsc::test {

inline std::unique_ptr<child_process> start_peer(const std::string& script, const std::vector<std::string>& args = {}) {
    std::vector<std::string> argv{std::string(WSC_PEERS_DIR) + "/" + script};
    argv.insert(argv.end(), args.begin(), args.end());
    return std::make_unique<child_process>(WSC_PYTHON3, argv);
}

// A port nobody listens on: bound by the kernel's choice, then closed again.
inline std::uint16_t dead_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

}  // namespace wsc::test
