// A WebSocket endpoint after the opening handshake (RFC 6455 §5-§7), sans-I/O:
// the caller hands it received bytes and EOF, and takes events, bytes to write and
// the instruction to close TCP. It owns no socket, thread or clock.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wsc/deflate.hpp"
#include "wsc/error.hpp"
#include "wsc/events.hpp"
#include "wsc/frame.hpp"
#include "wsc/random.hpp"
#include "wsc/role.hpp"
#include "wsc/utf8.hpp"

namespace wsc {

// §4 names: OPEN after the handshake, CLOSING once a close frame was sent or
// received, CLOSED after both (or after failing / EOF).
enum class conn_state : std::uint8_t { open, closing, closed };

// The checks an endpoint performs. Every one defaults to what the RFC requires;
// switching one off yields a deliberately broken endpoint for the catalogue's
// self-tests.
struct endpoint_checks {
    bool utf8 = true;              // §8.1 text payloads and close reasons
    bool masking = true;           // §5.1 mask direction
    bool reserved_bits = true;     // §5.2 RSV without an extension
    bool reserved_opcodes = true;  // §5.2
    bool close_codes = true;       // §7.4
    bool control_frames = true;    // §5.5 length and fragmentation
    bool fragmentation = true;     // §5.4 continuation sequencing
};

struct endpoint_config {
    role side = role::server;
    random_source random;  // mask keys; required for clients
    std::uint64_t max_message_size = 64ull << 20;  // 1009 beyond (§7.4.1)
    std::uint64_t max_frame_size = 64ull << 20;
    bool strict_lengths = false;  // fail non-minimal length encodings
    endpoint_checks checks;
    std::optional<deflate_params> deflate;  // negotiated permessage-deflate
    int deflate_level = -1;                 // zlib's 0..9 for what we send; -1 its default
    bool auto_pong = true;                  // §5.5.2 answer pings
    bool record_frames = false;             // keep received frame headers
};

class endpoint {
public:
    explicit endpoint(endpoint_config cfg);
    ~endpoint();
    endpoint(endpoint&&) noexcept;
    endpoint& operator=(endpoint&&) noexcept;

    // --- input
    void receive_data(std::string_view bytes);
    void receive_eof();

    // --- output
    std::vector<event> take_events();
    std::string take_output();
    // The caller should close TCP once take_output() is written (§7.1.1: the server
    // closes first; also after failing the connection).
    bool eof_to_send() const noexcept;
    // The caller should expect the peer to close TCP and arm a timer for it (a
    // client after the closing handshake, §7.1.1).
    bool close_expected() const noexcept;

    // --- sending; data frames after a close are refused (data_after_close)
    error send_text(std::string_view data, bool fin = true);
    error send_binary(std::string_view data, bool fin = true);
    error send_continuation(std::string_view data, bool fin);
    error send_ping(std::string_view payload = {});
    error send_pong(std::string_view payload = {});
    // Starts the closing handshake; code empty sends a close without a body.
    error send_close(std::optional<std::uint16_t> code = 1000, std::string_view reason = {});
    // §7.1.7 Fail the WebSocket Connection: send a close with the error's code (if
    // no close was sent yet), then discard all further input.
    void fail(error e, std::string detail = {});

    // --- state
    conn_state state() const noexcept;
    error failure() const noexcept;
    const std::optional<close_event>& close_received() const noexcept;
    const std::optional<close_event>& close_sent() const noexcept;
    // Close frames went both ways and (for a client) TCP went down after that.
    bool closing_handshake_complete() const noexcept;
    const std::vector<frame_header>& received_frames() const noexcept;
    const endpoint_config& config() const noexcept;

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

}  // namespace wsc
