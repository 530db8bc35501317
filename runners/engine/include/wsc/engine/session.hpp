// One catalogue case played against one peer, sans-I/O: the fuzzer side of a
// single WebSocket connection. Executors own the transport and the clock; they feed
// bytes, EOF and timer firings in, and carry out the writes and the TCP close the
// session asks for. The in-process executor wires two of these worlds together on a
// virtual clock; the network executors drive it from Boost.Asio.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wsc/random.hpp"
#include "wsc/report/case_result.hpp"
#include "wsc/role.hpp"

namespace wsc::catalogue {
struct Case;
}

namespace wsc::engine {

// Engine timeouts (catalogue.md §1.4); spec `options` may override them.
struct timeouts {
    double open_handshake_s = 5.0;
    double close_handshake_s = 1.0;
    double server_connection_drop_s = 1.0;
};

struct session_config {
    role fuzzer_role = role::client;  // client tests a server; server tests a client
    std::string agent;                // known up front in server mode
    std::string host = "127.0.0.1:9001";  // Host header (client mode)
    std::string target = "/";
    std::optional<std::string> origin;
    timeouts limits;
    random_source random;  // masks and keys
    std::string started_utc;  // stamp for the report, taken by the executor
    // zlib level for the fuzzer's own compression in 12/13 (-1 = zlib's default). The
    // peer must inflate whatever it gets, so a fast level only saves fuzzer time.
    int compression_level = 1;
    // Bounds whatever the peer does: the largest frame/message the fuzzer reassembles
    // (beyond: close 1009), and how much of the wire log it keeps.
    std::uint64_t max_message_size = 64ull << 20;
    std::size_t max_wirelog_rows = 50000;
};

// A write the executor performs. Each write is its own segment: executors must not
// coalesce writes, and leave `gap_s` between this write and the previous one (chop
// and sync modes, catalogue.md §1.1).
struct write_op {
    std::string bytes;
    double gap_s = 0;
};

class session {
public:
    // `c` must outlive the session (the loaded catalogue owns it).
    session(const catalogue::Case& c, session_config cfg);
    ~session();
    session(session&&) noexcept;
    session& operator=(session&&) noexcept;

    // Client mode: produces the opening handshake request. Server mode: waits for it.
    void start(double now_s);
    void on_data(double now_s, std::string_view bytes);
    void on_eof(double now_s);  // the peer closed (or reset) TCP
    void on_timer(double now_s);

    std::vector<write_op> take_writes();
    bool close_tcp_requested() const noexcept;  // close after the pending writes
    std::optional<double> next_timer_s() const noexcept;  // absolute time of the next on_timer
    bool done() const noexcept;  // TCP is gone and the verdict is final

    // Valid once done(); also usable before (a partial result), e.g. on interrupt.
    const report::case_result& result() const noexcept;

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

}  // namespace wsc::engine
