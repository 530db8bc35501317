// The table behind describe(): one row per enumerator of wsc::error, in enumerator
// order. Close codes follow RFC 6455 §7.4.1; handshake rows carry close code 0
// because no WebSocket connection exists yet to send a close frame on (§7.1.7 only
// asks for a close frame once the connection is established).
//
// Choices worth recording:
// - inflate_failed closes with 1002. RFC 7692 gives no code for DEFLATE data that
//   does not decompress; 1007 means "data not consistent with the type of the
//   message" (§7.4.1), which is about content, while a corrupt compressed stream
//   breaks the extension's framing of the payload: a protocol error.
// - bad_method answers 400, not 405: §4.2.1 asks for "an appropriate error code
//   (such as 400 Bad Request)", and a 405 would oblige us to send an Allow header
//   (RFC 9110 §15.5.6). The request is simply not a WebSocket handshake.
// - bad_http_version answers 400 for the same reason (a 505 would claim we do not
//   speak the version at all).
// - bad_version answers 426 with the supported version (§4.4).
#include "wsc/error.hpp"

#include <array>

namespace wsc {
namespace {

constexpr std::array<error_info, error_count> table{{
    {"none", 0, 0, "", "no error"},

    {"reserved_opcode", 1002, 0, "RFC 6455 §5.2",
     "an endpoint receiving an opcode it does not know (3-7, 11-15) must fail the connection"},
    {"reserved_bits_set", 1002, 0, "RFC 6455 §5.2",
     "RSV1-3 must be 0 unless a negotiated extension gives them a meaning"},
    {"unmasked_client_frame", 1002, 0, "RFC 6455 §5.1",
     "a server must fail the connection when a client frame arrives unmasked"},
    {"masked_server_frame", 1002, 0, "RFC 6455 §5.1",
     "a client must fail the connection when a server frame arrives masked"},
    {"length_msb_set", 1002, 0, "RFC 6455 §5.2",
     "the most significant bit of a 64-bit payload length must be 0"},
    {"non_minimal_length", 1002, 0, "RFC 6455 §5.2",
     "a payload length must use the shortest of the three encodings that fits"},
    {"frame_too_big", 1009, 0, "RFC 6455 §7.4.1",
     "a frame longer than this endpoint is willing to take is refused with 1009"},

    {"control_frame_too_long", 1002, 0, "RFC 6455 §5.5",
     "control frame payloads must be 125 octets or shorter"},
    {"fragmented_control_frame", 1002, 0, "RFC 6455 §5.5",
     "control frames must not be fragmented: FIN is always set"},
    {"unexpected_continuation", 1002, 0, "RFC 6455 §5.4",
     "a continuation frame is only valid while a fragmented message is in progress"},
    {"expected_continuation", 1002, 0, "RFC 6455 §5.4",
     "the fragments of one message must not be interleaved with a new data message"},

    {"message_too_big", 1009, 0, "RFC 6455 §7.4.1",
     "a message longer than this endpoint is willing to take is refused with 1009"},

    {"invalid_utf8", 1007, 0, "RFC 6455 §8.1",
     "a text message must be valid UTF-8; the connection fails at the first bad byte"},
    {"invalid_close_reason", 1007, 0, "RFC 6455 §5.5.1",
     "the reason text of a close frame must be valid UTF-8"},

    {"close_payload_one_byte", 1002, 0, "RFC 6455 §5.5.1",
     "a close frame body, when present, starts with a 2-octet status code"},
    {"invalid_close_code", 1002, 0, "RFC 6455 §7.4.1",
     "a close frame must not carry a reserved or unassigned status code"},
    {"data_after_close", 1002, 0, "RFC 6455 §5.5.1",
     "after sending a close frame an endpoint must not send more data frames"},

    {"compressed_control_frame", 1002, 0, "RFC 7692 §6.1",
     "RSV1 (compressed) must not be set on control frames"},
    {"compressed_continuation", 1002, 0, "RFC 7692 §6.1",
     "RSV1 (compressed) is set only on the first frame of a message"},
    {"inflate_failed", 1002, 0, "RFC 7692 §7.2.2",
     "the payload of a compressed message must be a valid DEFLATE stream"},
    {"decompression_too_big", 1009, 0, "RFC 6455 §7.4.1",
     "an inflated message longer than this endpoint is willing to take is refused with 1009"},

    {"handshake_malformed", 0, 400, "RFC 6455 §4.2.1",
     "the opening handshake must be a valid HTTP/1.1 request or response"},
    {"handshake_too_large", 0, 431, "RFC 6455 §4.2.1",
     "the handshake header block exceeds what this endpoint accepts (RFC 6585 §5)"},
    {"bad_method", 0, 400, "RFC 6455 §4.2.1",
     "the handshake request method must be GET"},
    {"bad_http_version", 0, 400, "RFC 6455 §4.2.1",
     "the handshake request must be HTTP/1.1 or higher"},
    {"missing_host", 0, 400, "RFC 6455 §4.2.1",
     "the handshake request must carry a Host header"},
    {"duplicate_header", 0, 400, "RFC 6455 §11.3",
     "Sec-WebSocket-Key and similar header fields must appear only once"},
    {"missing_upgrade", 0, 400, "RFC 6455 §4.2.1",
     "the handshake request needs an Upgrade header containing \"websocket\""},
    {"missing_connection", 0, 400, "RFC 6455 §4.2.1",
     "the handshake request needs a Connection header containing \"Upgrade\""},
    {"bad_key", 0, 400, "RFC 6455 §4.2.1",
     "Sec-WebSocket-Key must be the base64 encoding of 16 octets"},
    {"bad_version", 0, 426, "RFC 6455 §4.4",
     "Sec-WebSocket-Version must be 13; otherwise answer 426 listing the versions served"},
    {"origin_rejected", 0, 403, "RFC 6455 §4.2.2",
     "a server refusing the Origin answers 403 Forbidden"},
    {"bad_extension_offer", 0, 400, "RFC 7692 §5",
     "a permessage-deflate offer must be syntactically valid"},

    {"bad_status", 0, 0, "RFC 6455 §4.1",
     "the client fails the connection unless the server answers 101"},
    {"bad_response_upgrade", 0, 0, "RFC 6455 §4.1",
     "the server's response needs an Upgrade header equal to \"websocket\""},
    {"bad_response_connection", 0, 0, "RFC 6455 §4.1",
     "the server's response needs a Connection header containing \"Upgrade\""},
    {"bad_accept", 0, 0, "RFC 6455 §4.1",
     "Sec-WebSocket-Accept must be the hash of the key the client sent"},
    {"unexpected_extension", 0, 0, "RFC 6455 §4.1",
     "the server must not accept an extension the client did not offer"},
    {"unexpected_subprotocol", 0, 0, "RFC 6455 §4.1",
     "the server must not select a subprotocol the client did not offer"},
    {"bad_extension_response", 0, 0, "RFC 7692 §7.1",
     "the server's permessage-deflate parameters must be ones the offer allowed"},

    {"unexpected_eof", 0, 0, "RFC 6455 §7.1.5",
     "the TCP connection closed without a closing handshake (1006, never sent on the wire)"},
}};

// Keeps the table honest when an enumerator is added in the middle.
constexpr bool rows_in_order() {
    return table[static_cast<int>(error::reserved_opcode)].name == "reserved_opcode" &&
           table[static_cast<int>(error::message_too_big)].name == "message_too_big" &&
           table[static_cast<int>(error::invalid_utf8)].name == "invalid_utf8" &&
           table[static_cast<int>(error::compressed_control_frame)].name == "compressed_control_frame" &&
           table[static_cast<int>(error::handshake_malformed)].name == "handshake_malformed" &&
           table[static_cast<int>(error::bad_status)].name == "bad_status" &&
           table[static_cast<int>(error::unexpected_eof)].name == "unexpected_eof";
}
static_assert(rows_in_order(), "error.cpp table out of step with error.hpp");

}  // namespace

const error_info& describe(error e) noexcept {
    auto i = static_cast<std::size_t>(e);
    return i < table.size() ? table[i] : table[0];
}

bool error_from_name(std::string_view name, error& out) noexcept {
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (table[i].name == name) {
            out = static_cast<error>(i);
            return true;
        }
    }
    return false;
}

}  // namespace wsc
