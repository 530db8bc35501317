// The session's state, shared by the files that each implement one concern of it
// (handshake, sending steps, receiving, closing, timers, wire log, verdict, and the
// special case kinds). Private to the engine.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wsc/catalogue/case.hpp"
#include "wsc/catalogue/data_sets.hpp"
#include "wsc/deflate.hpp"
#include "wsc/engine/session.hpp"
#include "wsc/engine/verdict.hpp"
#include "wsc/frame.hpp"
#include "wsc/handshake.hpp"
#include "wsc/http.hpp"
#include "wsc/utf8.hpp"

namespace wsc::engine {

// The fuzzer's own WebSocket state, as Autobahn keeps it. Raw close frames sent with
// send_frame do not change it (3.7, 7.1.2): only send_close and the fuzzer's own
// reactions do.
enum class ws_state : std::uint8_t { connecting, open, closing, closed };

enum class timer_kind : std::uint8_t {
    kill,                // KL: fail the connection (close 1001)
    close_after,         // TI: empty close if still open
    resume,              // CT: wait / continue_later, then the next step
    open_handshake,      // opening handshake deadline
    close_handshake,     // our close got no answer in time
    server_drop,         // client: the server did not close TCP in time
    handshake_expect,    // handshake cases: the answer (or the client's reaction) did not come in time
};

struct timer {
    double at = 0;
    timer_kind kind = timer_kind::kill;
    std::optional<std::string> tag;  // resume: the continue_later tag (none for wait)
    bool record_timeout = false;     // resume: add ["timeout", tag] if still open
    std::uint64_t seq = 0;
};

// How a TF row describes the payload it sent (catalogue.md §7.3): the base pattern and,
// for repeated payloads, the repeated length.
struct tf_payload {
    std::uint64_t base_len = 0;
    std::string shown;  // display form of the base pattern
    std::optional<std::uint64_t> repeat_len;
};

// The bulk kinds (9.x, 12/13) keep their own progress.
struct bulk_state {
    bool active = false;
    bool deadline_passed = false;  // the case's close_after fired while still waiting
    int sent = 0;           // roundtrip / compression: messages sent so far
    std::string payload;    // roundtrip: the message sent each time
    event_print in_flight;  // compression: the message awaiting its echo
    std::unique_ptr<catalogue::DataWindows> windows;
};

struct session::impl {
    impl(const catalogue::Case& c, session_config cfg);

    const catalogue::Case& tc;
    session_config cfg;
    bool fuzzer_is_client;
    report::case_result res;

    // --- clock and transport
    double t0 = 0, now = 0;
    std::optional<double> opened_at;
    std::vector<write_op> writes;
    bool last_write_coalescable = false;
    bool close_tcp = false;
    bool tcp_gone = false;
    bool finished = false;

    // --- WebSocket state as the fuzzer sees it
    ws_state ws = ws_state::connecting;
    bool received_close = false;

    // --- opening handshake
    std::optional<client_handshake> client_hs;
    std::optional<server_handshake> server_hs;
    std::optional<http_head_reader> raw_reader;  // handshake cases read the other side's head themselves
    std::string raw_key;                          // the key our raw request sent
    std::size_t sent_after_response = 0;          // handshake cases, client under test: octets after our answer
    bool raw_answered = false;                    // handshake cases, client under test: our response is out
    std::optional<std::string> raw_close_body;    // a close frame written along with the raw request
    bool handshake_judged = false;
    bool verdict_fixed = false;                   // the handshake case decided without a WebSocket connection

    // --- receiving
    frame_parser parser;
    bool discard_input = false;
    frame_header rx_header;
    std::string rx_frame;         // payload of the frame being read
    bool in_message = false;
    bool message_binary = false;
    bool message_compressed = false;
    std::string rx_message;       // reassembled message (bounded by cfg.max_message_size)
    utf8_validator rx_utf8;
    std::optional<deflate_params> deflate;
    std::unique_ptr<deflate_decompressor> inflater;
    std::unique_ptr<deflate_compressor> compressor;

    // --- sending
    std::size_t next_step = 0;
    bool steps_paused = false;
    bool steps_stopped = false;
    mask_key stream_key{};
    std::uint64_t stream_offset = 0;
    bool stream_masked = false;

    // --- timers
    std::vector<timer> timers;
    std::uint64_t timer_seq = 0;

    // --- observations
    outcome_list expected_prints;  // the case's expected lists, as compared
    std::vector<event_print> observed;
    std::size_t observed_dropped = 0;
    bool wirelog_on = true;
    std::size_t wirelog_dropped = 0;
    bulk_state bulk;

    // Octet counts by write/read size and frame counts by opcode (catalogue.md §7.3),
    // integer-keyed while the case runs (9.x makes ~100k writes) and copied into res's
    // string-keyed maps when it ends.
    struct chunk_counts {
        std::map<std::uint64_t, std::uint64_t> octets;
        std::array<std::uint64_t, 16> frames{};
    } tx_counts, rx_counts;

    // --- traffic statistics (12/13, catalogue.md §7.3)
    struct traffic {
        std::uint64_t wire = 0, websocket = 0, app = 0, frames = 0, messages = 0, preopen = 0;
    } out_traffic, in_traffic;

    // session.cpp
    void start();
    void on_data(std::string_view bytes);
    void on_eof();
    void on_timer();
    void finish();
    double ms_since_connect() const { return (now - t0) * 1000.0; }

    // handshake_step.cpp
    void start_handshake();
    void handshake_data(std::string_view bytes);
    void on_open(std::string leftover);
    void build_client_request();
    void answer_as_server(std::string_view bytes);
    deflate_server_policy fuzzer_acceptance() const;
    // handshake_case.cpp
    void start_raw_request();
    void raw_response_data(std::string_view bytes);
    void raw_request_data(std::string_view bytes);
    void raw_handshake_eof();
    void raw_handshake_timeout();
    void judge_handshake(const std::string& behavior, std::string why);
    std::string expand(const catalogue::Payload& p, std::string_view client_key) const;

    // send_steps.cpp
    void run_steps();
    void write(std::string bytes, bool sync, double gap_s = 0);
    // The queued write that a plain (not sync, not chopped) write would join, if any.
    std::string* coalescing_write();
    void send_raw_frame(int opcode, bool fin, int rsv, std::string_view payload, const tf_payload& shown,
                        std::uint64_t chop = 0, bool sync = false, std::optional<bool> masked = {});
    void send_message(int opcode, std::string_view payload, std::uint64_t fragment_size, bool compress = false);
    static frame_spec spec_for(int opcode, bool fin, int rsv, const std::optional<mask_key>& key);
    std::string encode(int opcode, bool fin, int rsv, std::string_view payload, std::optional<mask_key>& key);
    // A fresh key if the frame is masked: as a catalogue frame asks (SendFrame::masked),
    // else as the role requires (the client masks).
    std::optional<mask_key> mask_for(const std::optional<bool>& masked);

    // receive.cpp
    void frames_in(std::string_view bytes);
    void frame_done();
    void control_frame(std::uint8_t opcode, const std::string& payload);
    void data_frame(const frame_header& h, std::string& payload);
    void message_done(std::string& data, bool binary);
    void record(event_print p, report::observed_event e);
    void auto_close_if_done();

    // closing.cpp
    void send_close(std::optional<int> code, std::string_view reason, bool is_reply);
    void send_close_body(std::string_view body, bool is_reply);
    void fail_connection(int code, std::string_view reason);
    void drop_tcp();
    void peer_close(std::string_view body);

    // timers.cpp
    void arm(double delay, timer_kind kind, std::optional<std::string> tag = std::nullopt, bool record = false);
    void cancel(timer_kind kind);
    void fire(const timer& t);
    std::optional<double> next_timer() const;

    // wirelog.cpp
    void log_row(const char* kind, nlohmann::json fields, bool always = false);
    void log_tx_octets(std::string_view bytes, bool sync);
    void log_rx_octets(std::string_view bytes);
    void log_tx_frame(int opcode, bool fin, int rsv, const std::optional<mask_key>& key, const tf_payload& shown,
                      std::uint64_t chop, bool sync);
    void log_rx_frame(const frame_header& h, std::string_view payload);
    void set_wirelog(bool on);  // WLM rows (9.7/9.8/12/13)
    void publish_counts();      // tx_counts/rx_counts into res

    // verdict glue (session_verdict.cpp)
    void conclude();

    // bulk_case.cpp
    void start_bulk_echo();
    void start_roundtrip();
    void send_roundtrip_message();
    bool bulk_message(const std::string& data, bool binary);  // true: consumed by the kind
    // The connection ended while echoes were still awaited, before the deadline.
    void bulk_ended_early();
    // compression_case.cpp
    void start_compression();
    void send_compression_message();
    bool compression_message(const std::string& data, bool binary);
    nlohmann::json traffic_json() const;
};

// Helpers shared by several files.
std::string payload_bytes(const catalogue::Payload& p);
tf_payload tf_of(const catalogue::Payload& p);
tf_payload tf_of_bytes(std::string_view bytes);
bool integral(double v);
nlohmann::json seconds_json(double v);  // 1 stays 1, 0.5 stays 0.5 (as Python prints them)

}  // namespace wsc::engine
