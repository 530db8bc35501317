// Carries out writes exactly as queued: each queued buffer is its own write call
// (never coalesced with its neighbours), and a buffer with a gap waits that long
// after the previous write completed. This is how chop=N and sync reach the wire
// as separate TCP segments (catalogue.md §1.1; TCP_NODELAY is set on the transport).
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <string>

#include "wsc/net/asio.hpp"
#include "wsc/net/transport.hpp"

namespace wsc::net {

class paced_writer : public std::enable_shared_from_this<paced_writer> {
public:
    explicit paced_writer(std::shared_ptr<transport> t);

    void push(std::string bytes, double gap_s = 0);
    // Closes the transport once everything queued so far (and after) is written.
    void close_when_drained();
    // Drops the queue and cancels the gap timer; no callback runs afterwards.
    void stop();

    std::size_t pending_bytes() const noexcept { return pending_bytes_; }
    bool idle() const noexcept { return queue_.empty() && !in_flight_; }
    bool closing() const noexcept { return close_requested_; }

    std::function<void()> on_drained;                  // the queue ran empty
    std::function<void(const error_code&)> on_error;   // a write failed; queue dropped
    std::function<void()> on_closed;                   // close_when_drained closed TCP

private:
    struct item {
        std::string bytes;
        double gap_s;
    };
    void pump();
    void write_front();

    std::shared_ptr<transport> transport_;
    asio::steady_timer gap_timer_;
    std::deque<item> queue_;
    std::string current_;  // the write Asio is carrying out
    std::size_t pending_bytes_ = 0;
    std::chrono::steady_clock::time_point last_done_{};
    bool in_flight_ = false;
    bool waiting_ = false;
    bool close_requested_ = false;
    bool stopped_ = false;
};

}  // namespace wsc::net
