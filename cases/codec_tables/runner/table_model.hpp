// What one table row means once loaded: every generator (frames, repeats, deflate)
// already turned into bytes, every error name into its enumerator. The loader
// (table_loader.hpp) builds these; the players only compare.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "wsc/deflate.hpp"
#include "wsc/endpoint.hpp"
#include "wsc/error.hpp"
#include "wsc/handshake.hpp"
#include "wsc/http.hpp"

namespace wsc::tables {

// One event the endpoint must report, in order. A failure may list several
// acceptable errors (STYLE.md lesson 5: the oracle is a set of outcomes).
struct expected_event {
    enum class kind { text, binary, ping, pong, close, failure } what = kind::text;
    std::string payload;                  // message / ping / pong payload, close reason
    std::optional<std::uint16_t> code;    // close only; empty for a close without body
    std::vector<error> failures;          // failure only
};

// Something the runner asks the endpoint to do before or after feeding the input.
struct endpoint_action {
    enum class verb { send_text, send_binary, send_continuation, send_ping, send_pong, send_close, fail, receive_eof };
    verb what = verb::send_text;
    std::string data;                     // payload, or close reason
    bool fin = true;
    std::optional<std::uint16_t> code;    // send_close
    error fail_with = error::none;        // fail
    error returns = error::none;          // expected result of a send_*
};

struct endpoint_case {
    endpoint_config config;               // random is set by the player from mask_key
    std::uint32_t mask_key = 0x01020304;  // fixed_random value for the endpoint's own frames
    std::vector<endpoint_action> before, after;
    std::string input;                    // whole input; chunking is the runner's business
    std::size_t drop_last = 0;            // feed all but these octets (fail-fast rows)
    bool eof = false;                     // receive_eof after the input
    std::vector<expected_event> events;
    std::optional<std::string> output;    // exact octets written back, when checked
    std::optional<bool> eof_to_send, close_expected, handshake_complete;
    std::optional<conn_state> state;
};

// A permessage-deflate response element must / must not carry these parameters.
struct extension_param_check {
    std::vector<std::string> include, exclude;
    std::vector<std::pair<std::string, std::string>> values;  // name, exact value
};

struct server_handshake_case {
    std::string request;                  // the octets the client sends (head + extra)
    std::vector<std::string> subprotocols;
    std::optional<std::vector<std::string>> origin_allow;  // unset: every origin accepted
    bool origin_allow_missing = false;
    deflate_server_policy deflate = [] {  // off unless the row asks, as in server_handshake_config
        deflate_server_policy off;
        off.enabled = false;
        return off;
    }();
    std::vector<http_header> extra_response_headers;
    std::size_t max_head_size = 16 * 1024;

    handshake_status status = handshake_status::accepted;
    error failure = error::none;
    std::optional<int> http_status;
    std::vector<http_header> headers;     // response headers with exact values
    std::vector<std::string> absent_headers;
    std::optional<std::optional<std::string>> subprotocol;
    std::optional<std::optional<deflate_params>> deflate_agreed;
    std::optional<extension_param_check> extension_params;
    std::optional<std::string> leftover;
};

struct client_handshake_case {
    std::string host = "server.example.com", target = "/chat";
    std::optional<std::string> origin;
    std::vector<std::string> subprotocols;
    std::vector<deflate_offer> offers;
    std::vector<http_header> extra_headers;
    std::string key_octets;               // the 16 octets the nonce is drawn from
    std::size_t max_head_size = 16 * 1024;
    std::string response;                 // "{accept}" already replaced

    handshake_status status = handshake_status::accepted;
    error failure = error::none;
    std::optional<std::string> request_line;
    std::vector<http_header> request_headers;
    std::vector<std::string> request_absent_headers;
    std::optional<std::optional<std::string>> subprotocol;
    std::optional<std::optional<deflate_params>> deflate_agreed;
    std::optional<std::string> leftover;
};

// A frame the writer must produce octet for octet; the player also parses the
// golden octets back in every chunking and compares with the spec.
struct writer_frame {
    bool fin = true;
    std::uint8_t rsv = 0, opcode = 1;
    std::optional<mask_key> mask;
    std::string payload;
};

struct writer_case {
    // Either frames written with encode_frame, or actions on an endpoint.
    std::vector<std::pair<frame_spec, writer_frame>> frames;
    std::optional<endpoint_case> endpoint;  // uses before-actions only
    std::string expected;                   // golden octets
};

struct table_row {
    std::string file;        // relative to the tables directory
    std::string pointer;     // JSON pointer of the row in its file, e.g. /rows/3
    std::string id, section, requirement, level;
    std::variant<endpoint_case, server_handshake_case, client_handshake_case, writer_case> body;
};

// A test name GoogleTest accepts: the id with every non-alphanumeric replaced by '_'.
std::string test_name(const std::string& id);

}  // namespace wsc::tables
