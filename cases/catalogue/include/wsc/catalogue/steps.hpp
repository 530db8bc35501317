#pragma once
// The step vocabulary: what the fuzzing side does, in order, on one connection. Steps run
// sequentially; timers (kill_after, close_after) only arm and the next step runs at once, while
// wait and continue_later pause the sequence. cases/README.md is the normative description.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "wsc/catalogue/payload.hpp"

namespace wsc::catalogue {

// One raw frame, any opcode/FIN/RSV combination, legal or not. The executor masks it when it
// plays the client role and never when it plays the server.
struct SendFrame {
    int opcode = 1;
    bool fin = true;
    int rsv = 0;              // 3-bit value: 4 = RSV1, 2 = RSV2, 1 = RSV3
    Payload payload;
    std::uint64_t chop = 0;   // 0: one write; N: write the encoded frame in N-byte slices
    bool sync = false;        // its own write in its own event-loop turn
    // Unset: masked exactly when the fuzzer is the client. Set: masked or not as
    // given, to break RFC 6455 §5.1 on purpose (0.13.x).
    std::optional<bool> masked;
};

// The message API: split into frames of fragment_size (see README for the exact-multiple rule);
// without fragment_size the case's auto_fragment_size applies (0 = one frame).
struct SendMessage {
    int opcode = 1;
    Payload payload;
    std::optional<std::uint64_t> fragment_size;
};

// Streaming: a frame header that announces `length` payload bytes, whose payload then follows
// in send_stream_piece steps.
struct SendStreamHeader {
    int opcode = 1;
    bool fin = false;
    std::uint64_t length = 0;
};

struct SendStreamPiece {
    Payload payload;
};

// The fuzzer starts the closing handshake (it becomes the close initiator). No code means an
// empty close body; a reason is only possible together with a code.
struct SendClose {
    std::optional<int> code;
    std::optional<Payload> reason;
};

// Like SendClose (the fuzzer becomes the close initiator) but with an arbitrary close body.
struct SendCloseRaw {
    Payload payload;
};

struct Wait {
    double seconds = 0;
};

// Pause; when the delay expires, record ["timeout", tag] if the connection is still open,
// then run the next step.
struct ContinueLater {
    double delay = 0;
    std::string tag;
};

// Arm a timer: if the connection is still not closed after `seconds`, fail it (close 1001).
struct KillAfter {
    double seconds = 0;
};

// Arm a timer: if the connection is still open after `seconds`, start a normal close (empty body).
struct CloseAfter {
    double seconds = 0;
};

// A header line; string values in JSON become text payloads and may contain {{placeholders}}.
struct Header {
    std::string name;
    Payload value;
};

// Handshake cases, server under test: the literal request the fuzzer sends instead of its own.
// trailing_frames are encoded (masked) and written in the same write, right after the request.
struct SendRawRequest {
    std::string method;
    Payload target;
    std::string version;
    std::vector<Header> headers;
    std::vector<SendFrame> trailing_frames;
};

// Handshake cases, client under test: the literal response the fuzzing server answers with.
struct SendRawResponse {
    std::string version;
    int status = 101;
    std::string reason;
    std::vector<Header> headers;
    std::vector<SendFrame> trailing_frames;  // unmasked, same write as the response
};

using Step = std::variant<SendFrame, SendMessage, SendStreamHeader, SendStreamPiece, SendClose, SendCloseRaw,
                          Wait, ContinueLater, KillAfter, CloseAfter, SendRawRequest, SendRawResponse>;

// The JSON key of the step, e.g. "send_frame".
std::string_view step_name(const Step& step);

}  // namespace wsc::catalogue
