// Drives one wsc::engine::session (one catalogue case on one connection) over a
// transport: bytes read go to the session, its writes go out one by one with their
// gaps, its timer is armed on the connection clock, and the result is handed back
// once the session is done. Used by both `wsconform client` and `wsconform server`.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "wsc/engine/session.hpp"
#include "wsc/net/asio.hpp"
#include "wsc/net/connection_clock.hpp"
#include "wsc/net/paced_writer.hpp"
#include "wsc/net/self_hold.hpp"
#include "wsc/net/transport.hpp"

namespace wsc::net {

struct driver_limits {
    // Reading pauses while more than this waits to be written (a peer that floods
    // us with pings and never reads our pongs). Above the largest message a case
    // sends itself (16 MiB in 9.1.6), so a case's own traffic never pauses reading.
    std::size_t max_pending_output = 64u << 20;
    // Once TCP is gone a session should be done; if it is not (and has no timer to
    // wait for), the driver ends the case after this long with the partial result.
    double after_eof_grace_s = 2.0;
};

class session_driver : public std::enable_shared_from_this<session_driver> {
public:
    using done_handler = std::function<void(const report::case_result&)>;

    // `clock` started when the TCP connection was made.
    session_driver(std::shared_ptr<transport> t, engine::session s, connection_clock clock,
                   driver_limits limits = {});

    // `initial` holds bytes read before the session took over (the request a
    // fuzzing server routed on); they reach the session as if read now.
    void start(std::string initial, done_handler done);
    // Interrupt: closes TCP and hands back the partial result.
    void abort();

    const engine::session& session() const noexcept { return session_; }

    static constexpr std::size_t read_buffer_size = 64 * 1024;

private:
    void read();
    void pump();
    void arm_timer();
    void finish();

    std::shared_ptr<transport> transport_;
    engine::session session_;
    connection_clock clock_;
    driver_limits limits_;
    std::shared_ptr<paced_writer> writer_;
    asio::steady_timer timer_, grace_timer_;
    std::unique_ptr<std::array<char, read_buffer_size>> buffer_;
    done_handler done_;
    self_hold keep_alive_;  // from start() to finish() (self_hold.hpp)
    double armed_at_ = -1;
    bool reading_ = false, read_paused_ = false, eof_ = false, close_started_ = false, grace_armed_ = false,
         finished_ = false;
};

}  // namespace wsc::net
