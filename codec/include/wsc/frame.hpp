// RFC 6455 §5.2 base framing: the header model, an incremental parser that accepts
// its input split at any byte, and a writer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "wsc/error.hpp"
#include "wsc/mask.hpp"

namespace wsc {

class utf8_validator;

// RSV bits as one 3-bit value, the way they sit in byte 0 (>> 4): RSV1 = 4, RSV2 = 2, RSV3 = 1.
constexpr std::uint8_t rsv1 = 4, rsv2 = 2, rsv3 = 1;

struct frame_header {
    bool fin = true;
    std::uint8_t rsv = 0;
    std::uint8_t opcode = 0;  // raw 4-bit value, reserved ones included
    bool masked = false;
    mask_key key{};
    std::uint64_t length = 0;
    std::uint8_t header_size = 2;  // octets on the wire, 2..14
    bool minimal_length = true;    // false when a shorter length form would have fit
};

enum class mask_rule : std::uint8_t { any, must_be_masked, must_be_unmasked };

struct frame_parser_config {
    mask_rule masking = mask_rule::any;
    std::uint8_t allowed_rsv = 0;         // RSV bits an extension owns (e.g. rsv1 for deflate)
    bool check_reserved_opcodes = true;
    bool strict_lengths = false;          // report non-minimal length encodings
    bool check_control_frames = true;     // §5.5: 125-octet limit and FIN on control frames
    std::uint64_t max_frame_size = std::uint64_t(1) << 62;
};

// Pull parser. Each next() call makes one step and reports how many input octets
// it consumed; the caller advances its buffer and calls again. Payload octets are
// unmasked in place in the caller's buffer, so no payload is copied.
class frame_parser {
public:
    enum class status : std::uint8_t {
        need_more,  // all input consumed, frame not finished
        header,     // header() is valid; payload (if any) follows
        payload,    // step.data/step.size hold the next unmasked payload piece
        frame_end,  // the current frame is complete (also for empty payloads)
        failed,     // failure() says why; the parser stays failed
    };
    struct step {
        status what = status::need_more;
        std::size_t consumed = 0;
        std::uint8_t* data = nullptr;
        std::size_t size = 0;
    };

    explicit frame_parser(frame_parser_config cfg = {}) : cfg_(cfg) {}

    step next(std::uint8_t* data, std::size_t n) noexcept { return next_into(data, n, data, nullptr); }
    // Same steps for read-only input (the endpoint's string_view): payload octets are
    // unmasked straight into their destination, still one copy. `out` must have room
    // for min(n, payload_remaining()) octets when in_payload(); step.data points
    // into it. `out` may equal `data` (that is next()).
    step next_into(const std::uint8_t* data, std::size_t n, std::uint8_t* out) noexcept {
        return next_into(data, n, out, nullptr);
    }
    // With `text` set, payload octets delivered by this step are also fed to it in
    // the same pass as the unmasking (utf8_validator::feed_masked), for the caller
    // that reads a text message. The first octet that cannot be valid UTF-8 fails the
    // parser with error::invalid_utf8 (RFC 6455 §8.1), in the middle of the frame.
    // Whether the message ends on a code point boundary stays the caller's check.
    step next(std::uint8_t* data, std::size_t n, utf8_validator* text) noexcept {
        return next_into(data, n, data, text);
    }
    step next_into(const std::uint8_t* data, std::size_t n, std::uint8_t* out, utf8_validator* text) noexcept;
    // True while the next step would deliver payload octets.
    bool in_payload() const noexcept { return phase_ == phase::payload; }

    const frame_header& header() const noexcept { return header_; }
    std::uint64_t payload_remaining() const noexcept { return remaining_; }
    error failure() const noexcept { return error_; }
    const frame_parser_config& config() const noexcept { return cfg_; }
    void set_allowed_rsv(std::uint8_t rsv) noexcept { cfg_.allowed_rsv = rsv; }

private:
    step fail(error e, std::size_t consumed) noexcept;
    error validate_first_octets() const noexcept;  // checks decidable from octets 0-1
    error validate_header() const noexcept;        // checks needing the full length

    frame_parser_config cfg_;
    frame_header header_{};
    std::uint8_t head_[14]{};
    std::uint8_t head_len_ = 0;
    std::uint8_t head_need_ = 2;
    enum class phase : std::uint8_t { head, payload, end, failed } phase_ = phase::head;
    std::uint64_t remaining_ = 0;
    std::uint64_t offset_ = 0;  // payload position, for the mask
    error error_ = error::none;
};

// What the writer puts on the wire. length_octets forces a length form (2 = 16-bit,
// 8 = 64-bit) so tests can produce non-minimal encodings; 0 chooses the minimal one.
struct frame_spec {
    bool fin = true;
    std::uint8_t rsv = 0;
    std::uint8_t opcode = 0x1;
    std::optional<mask_key> mask;
    std::uint8_t length_octets = 0;
    std::optional<std::uint64_t> declared_length;  // header length differing from the payload (streaming)
};

std::size_t header_size_for(std::uint64_t length, bool masked, std::uint8_t length_octets = 0) noexcept;
// Appends the header only (for payloads written later in pieces).
void write_header(std::string& out, const frame_spec& spec, std::uint64_t length);
// Appends header and (masked) payload.
void write_frame(std::string& out, const frame_spec& spec, std::string_view payload);
std::string encode_frame(const frame_spec& spec, std::string_view payload);

}  // namespace wsc
