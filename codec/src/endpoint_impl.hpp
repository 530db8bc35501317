// Internal state of wsc::endpoint, shared by endpoint.cpp (construction, state
// queries), endpoint_receive.cpp (frames in, message assembly), endpoint_send.cpp
// (frames out) and endpoint_closing.cpp (closing handshake, failing, EOF).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "wsc/endpoint.hpp"

namespace wsc {

struct endpoint::impl {
    explicit impl(endpoint_config c);

    // ---- input path. `input` is the whole receive state machine's entry: it
    // points at parse_input while the connection reads frames and is swapped to
    // discard_input once a close was received or the connection failed, so no
    // later octet can reach the parser (§7.1.7: "MUST NOT continue to attempt to
    // process data ... after being instructed to _Fail the WebSocket Connection_").
    using input_fn = void (impl::*)(const std::uint8_t*, std::size_t);
    input_fn input = &impl::parse_input;
    void parse_input(const std::uint8_t* data, std::size_t n);
    void discard_input(const std::uint8_t*, std::size_t) {}

    // What the payload of the current frame is for.
    enum class frame_kind : std::uint8_t { data, compressed_data, control, ignored };
    std::uint8_t* payload_target(std::size_t k);
    void on_header();
    void on_payload(const std::uint8_t* p, std::size_t k);
    void on_frame_end();
    void start_message(bool binary, bool compressed);
    void finish_message();
    bool validate_text(const std::uint8_t* p, std::size_t k);
    void handle_control();
    void handle_close();

    // ---- output path
    void write(std::uint8_t op, bool fin, std::uint8_t rsv, std::string_view payload);
    error send_data(std::uint8_t op, std::string_view data, bool fin);
    error send_control(std::uint8_t op, std::string_view payload);
    void send_close_frame(std::optional<std::uint16_t> code, std::string_view reason);
    // Both close frames went: the closing handshake's TCP step (§7.1.1).
    void after_close_exchange();

    void fail(error e, std::string detail);
    void receive_eof();

    endpoint_config cfg;
    frame_parser parser;
    conn_state state = conn_state::open;
    error failure = error::none;

    // receiving
    frame_kind kind = frame_kind::data;
    bool frame_fin = true;
    bool in_message = false;
    bool msg_binary = false;
    bool msg_compressed = false;
    std::string msg;        // message being assembled (inflated when compressed)
    utf8_validator utf8;    // runs over msg as it grows
    std::uint8_t control_op = 0;
    std::string control;    // payload of the control frame being read
    std::string scratch;    // compressed or ignored payload pieces
    std::unique_ptr<deflate_decompressor> inflater;
    std::vector<frame_header> frames;

    // sending
    bool sending_fragmented = false;
    std::unique_ptr<deflate_compressor> deflater;
    std::string deflated;
    std::string out;

    std::vector<event> events;
    std::optional<close_event> close_sent;
    std::optional<close_event> close_received;
    bool eof_to_send = false;
    bool close_expected = false;
    bool eof_received = false;
};

}  // namespace wsc
