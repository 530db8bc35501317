// The reference testee, sans-I/O: an echo endpoint built on the codec, in either role.
// As a server it answers the opening handshake (permessage-deflate on request) and
// echoes every message with the same type; as a client it behaves like Autobahn's
// client under test: it opens /runCase?case=N&agent=A and echoes. Its checks can be
// switched off one by one to make deliberately broken testees. Executors feed it
// bytes and EOF and carry out its output and its request to close TCP.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wsc/endpoint.hpp"
#include "wsc/handshake.hpp"
#include "wsc/random.hpp"
#include "wsc/role.hpp"

namespace wsc::inprocess {

struct echo_peer_options {
    role side = role::server;  // the peer's own role
    endpoint_checks checks;    // all on: a conforming endpoint
    bool deflate = true;       // offer (client) / accept (server) permessage-deflate
    std::string agent = "wsc-reference";
    int case_number = 1;                 // client: the N of /runCase?case=N
    std::string host = "127.0.0.1:9001";  // client: Host header
    // Server: the subprotocols it speaks, and the origins it admits (a request without
    // Origin is always admitted; with an Origin not listed it is refused with 403).
    std::vector<std::string> subprotocols = {"wsc.echo"};
    std::vector<std::string> allowed_origins = {"https://allowed.example"};
    // What the testee declares, for cases that `require` a capability.
    std::vector<std::string> capabilities = {"origin-policy", "subprotocol:wsc.echo"};
    random_source random;  // masks and keys; defaults to a fixed pattern when empty
    std::uint64_t max_message_size = 64ull << 20;
};

class echo_peer {
public:
    explicit echo_peer(echo_peer_options opts);

    void start();  // client: queues the opening request
    void receive_data(std::string_view bytes);
    void receive_eof();

    std::string take_output();
    // Close TCP once take_output() is written: after a refused handshake, a failed
    // connection, or (server) the closing handshake.
    bool eof_to_send() const noexcept { return eof_; }
    bool is_open() const noexcept { return ep_.has_value(); }
    std::size_t messages_echoed() const noexcept { return echoed_; }
    const echo_peer_options& options() const noexcept { return opts_; }

private:
    void open(std::optional<deflate_params> deflate, std::string leftover);
    void feed(std::string_view bytes);
    void pump();

    // Where the next frame starts in the byte stream. The peer hands its endpoint one
    // frame at a time and echoes in between, like an application that reads a frame,
    // dispatches it and only then reads on: a valid message is echoed even when an
    // invalid frame follows it in the same TCP segment (3.2, 4.1.3, 5.15).
    struct frame_boundary {
        unsigned char head[14]{};
        std::size_t head_len = 0;
        std::uint64_t payload_left = 0;
        bool in_payload = false;
        // How many of the next `n` octets belong to the current frame (all of them if
        // it does not end within them).
        std::size_t until_end(const unsigned char* data, std::size_t n);
    } boundary_;

    echo_peer_options opts_;
    std::optional<server_handshake> server_hs_;
    std::optional<client_handshake> client_hs_;
    std::optional<endpoint> ep_;
    std::string out_;
    bool eof_ = false;
    bool gone_ = false;
    std::size_t echoed_ = 0;
};

}  // namespace wsc::inprocess
