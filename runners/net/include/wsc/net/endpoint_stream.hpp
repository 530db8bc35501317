// A WebSocket connection after the opening handshake, driven from Asio: the codec
// endpoint decides everything, this class only moves bytes and keeps time. Reads go
// through one fixed buffer, and reading pauses while too much output is queued,
// so a peer that floods us or never reads cannot make memory grow without bound.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "wsc/endpoint.hpp"
#include "wsc/net/frame_boundaries.hpp"
#include "wsc/net/asio.hpp"
#include "wsc/net/paced_writer.hpp"
#include "wsc/net/self_hold.hpp"
#include "wsc/net/transport.hpp"

namespace wsc::net {

struct stream_limits {
    // After our close frame, or once the codec expects the peer to close TCP, the
    // peer gets this long before we drop TCP ourselves.
    double close_timeout_s = 2.0;
    // No byte from the peer for this long while open: we start the closing
    // handshake with 1001 (0 disables).
    double idle_timeout_s = 0;
    // Reading stops while more than this is waiting to be written.
    std::size_t max_pending_output = 4u << 20;
};

class endpoint_stream : public std::enable_shared_from_this<endpoint_stream> {
public:
    using event_handler = std::function<void(endpoint_stream&, event&)>;
    using closed_handler = std::function<void(endpoint_stream&)>;

    endpoint_stream(std::shared_ptr<transport> t, endpoint ep, stream_limits limits = {});

    // `leftover` holds bytes read together with the handshake. Events go to
    // on_event (which may send through ep() and then call flush()); on_closed runs
    // once, after TCP is closed.
    void start(std::string leftover, event_handler on_event, closed_handler on_closed);

    endpoint& ep() noexcept { return ep_; }
    // Moves the codec's output to the wire and acts on its closing instructions.
    void flush();
    // Closes TCP now.
    void abort();

    static constexpr std::size_t read_buffer_size = 64 * 1024;

private:
    void read();
    void on_read(const error_code& ec, std::size_t n);
    // Hands `bytes` to the codec one frame at a time, reacting after each.
    void feed(std::string_view bytes);
    void dispatch();
    void arm_close_timer();
    void arm_idle_timer();
    void finish();

    std::shared_ptr<transport> transport_;
    endpoint ep_;
    stream_limits limits_;
    std::shared_ptr<paced_writer> writer_;
    frame_boundaries boundaries_;
    asio::steady_timer close_timer_, idle_timer_;
    std::unique_ptr<std::array<char, read_buffer_size>> buffer_;
    event_handler on_event_;
    closed_handler on_closed_;
    self_hold keep_alive_;  // from start() to finish() (self_hold.hpp)
    bool reading_ = false, read_paused_ = false, close_timer_armed_ = false, finished_ = false;
};

}  // namespace wsc::net
