// One enumerator per RFC violation the codec can detect. Each maps to the close
// code an endpoint sends when it fails the connection (RFC 6455 §7.4.1), the RFC
// section that states the requirement, and, for handshake errors, the HTTP status a
// server answers with (§4.2.1, §4.4). Case tables and fuzz harnesses assert on
// these enumerators, so adding one means adding its row in error.cpp.
#pragma once

#include <cstdint>
#include <string_view>

namespace wsc {

enum class error : std::uint8_t {
    none = 0,

    // §5.2 base framing
    reserved_opcode,          // opcodes 3-7 and 11-15
    reserved_bits_set,        // RSV1-3 without an extension that defines them
    unmasked_client_frame,    // §5.1: client-to-server frames MUST be masked
    masked_server_frame,      // §5.1: server-to-client frames MUST NOT be masked
    length_msb_set,           // §5.2: most significant bit of the 64-bit length MUST be 0
    non_minimal_length,       // §5.2: "the minimal number of bytes MUST be used" (strict mode)
    frame_too_big,            // configured frame limit (close 1009)

    // §5.4, §5.5 control frames and fragmentation
    control_frame_too_long,   // §5.5: payload length of 125 bytes or less
    fragmented_control_frame, // §5.5: control frames MUST NOT be fragmented
    unexpected_continuation,  // §5.4: continuation with no message in progress
    expected_continuation,    // §5.4: new data frame while a message is in progress

    // limits
    message_too_big,          // configured message limit (close 1009)

    // §8.1 UTF-8
    invalid_utf8,             // text message payload
    invalid_close_reason,     // §5.5.1: close reason MUST be UTF-8

    // §5.5.1, §7.4 closing
    close_payload_one_byte,   // a close body, if present, starts with a 2-byte code
    invalid_close_code,       // §7.4.1/§7.4.2 codes that MUST NOT be sent
    data_after_close,         // §5.5.1: no data frames after sending a close

    // RFC 7692 permessage-deflate
    compressed_control_frame, // RFC 7692 §6.1: RSV1 only on data frames
    compressed_continuation,  // RFC 7692 §6.1: RSV1 only on the first frame of a message
    inflate_failed,           // RFC 7692 §7.2.2: corrupt DEFLATE data
    decompression_too_big,    // inflated message over the limit (close 1009)

    // §4 opening handshake, server side
    handshake_malformed,      // not an HTTP/1.1 request or response at all
    handshake_too_large,      // header block over the configured limit
    bad_method,               // §4.2.1 (1): GET
    bad_http_version,         // §4.2.1 (1): HTTP/1.1 or higher
    missing_host,             // §4.2.1 (2)
    duplicate_header,         // §4.1: headers that must appear once
    missing_upgrade,          // §4.2.1 (3): Upgrade containing "websocket"
    missing_connection,       // §4.2.1 (4): Connection containing "Upgrade"
    bad_key,                  // §4.2.1 (5): base64 of 16 bytes
    bad_version,              // §4.2.1 (6) and §4.4: answered with 426 + supported version
    origin_rejected,          // §4.2.2: server's Origin policy (403)
    bad_extension_offer,      // RFC 7692 §5: malformed permessage-deflate offer

    // §4.1 opening handshake, client side checks of the server's response
    bad_status,               // §4.1 (1): anything but 101
    bad_response_upgrade,     // §4.1 (2)
    bad_response_connection,  // §4.1 (3)
    bad_accept,               // §4.1 (4): Sec-WebSocket-Accept mismatch
    unexpected_extension,     // §4.1 (5): extension the client did not offer
    unexpected_subprotocol,   // §4.1 (6): subprotocol the client did not offer
    bad_extension_response,   // RFC 7692 §7.1: response parameters the offer did not allow

    // transport
    unexpected_eof,           // TCP closed without a closing handshake
};

struct error_info {
    std::string_view name;     // enumerator name, used in case tables
    std::uint16_t close_code;  // code to send when failing; 0 when no close frame applies
    std::uint16_t http_status; // handshake errors only, else 0
    std::string_view section;  // e.g. "RFC 6455 §5.2"
    std::string_view text;     // the requirement, in our words
};

const error_info& describe(error e) noexcept;
inline std::string_view name_of(error e) noexcept { return describe(e).name; }
inline std::uint16_t close_code_for(error e) noexcept { return describe(e).close_code; }
// Looks an enumerator up by name; returns false if the name is unknown.
bool error_from_name(std::string_view name, error& out) noexcept;
// Every enumerator except none, for exhaustive tests.
constexpr int error_count = static_cast<int>(error::unexpected_eof) + 1;

}  // namespace wsc
