// RFC 7692 permessage-deflate: parameter negotiation for both roles and the
// per-message compressor / bounded decompressor on top of zlib.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wsc/error.hpp"
#include "wsc/extensions.hpp"
#include "wsc/role.hpp"

namespace wsc {

// The agreed parameters (RFC 7692 §7.1), from the point of view of both ends:
// "server_*" constrain what the server compresses, "client_*" what the client compresses.
struct deflate_params {
    bool server_no_context_takeover = false;
    bool client_no_context_takeover = false;
    std::uint8_t server_max_window_bits = 15;
    std::uint8_t client_max_window_bits = 15;
};

// One permessage-deflate offer as a client sends it (RFC 7692 §7.1).
struct deflate_offer {
    bool server_no_context_takeover = false;
    bool client_no_context_takeover = false;
    std::optional<std::uint8_t> server_max_window_bits;
    bool client_max_window_bits = false;                  // parameter present
    std::optional<std::uint8_t> client_max_window_bits_value;  // with a value
};

std::string format_offer(const deflate_offer& offer);
std::string format_offers(const std::vector<deflate_offer>& offers);  // joined with ", "
// Reads one permessage-deflate element; bad_extension_offer on unknown or
// duplicated parameters and out-of-range values (§7.1).
error parse_offer(const extension& ext, deflate_offer& out);

// How a server answers offers. The default accepts the first valid offer with the
// parameters it asks for, capped by this policy; an offer that would hold our
// compressor to an 8-bit window is taken only if no other offer can be (we can
// honour 8 only without back references, see deflate_compressor). `choose` lets a
// fuzzer impose its own acceptance rules: it sees every valid offer, and its
// answer is sent for the first offer it fits (declined if it fits none).
struct deflate_server_policy {
    bool enabled = true;
    bool server_no_context_takeover = false;         // request it even if not offered
    std::optional<std::uint8_t> server_max_window_bits;  // our own cap
    bool client_no_context_takeover = false;         // ask the client for it
    std::optional<std::uint8_t> client_max_window_bits;  // ask the client for it, if offered
    std::function<std::optional<deflate_params>(const std::vector<deflate_offer>&)> choose;
};

struct deflate_agreement {
    deflate_params params;
    std::string response;  // the Sec-WebSocket-Extensions element to answer with
};

// Server side. Sets `out` when an offer is accepted and leaves it empty when all
// are declined; malformed offers are declined (RFC 7692 §7), so it returns none
// unless the policy itself fails.
error negotiate_deflate(const std::vector<extension>& offered, const deflate_server_policy& policy,
                        std::optional<deflate_agreement>& out);
// Client side: checks the server's answer against what was offered (RFC 7692 §7.1.1,
// §7.1.2): bad_extension_response for anything the offers did not allow. The
// agreed parameters are read from the answer alone, so they equal the server's.
error accept_deflate_response(const extension& answer, const std::vector<deflate_offer>& offered,
                              deflate_params& out);

// Compresses whole messages for one side of a connection (RFC 7692 §7.2.1): strips
// the 0x00 0x00 0xff 0xff tail, writes an empty message as 0x00 (§7.2.3.6) and
// resets when no_context_takeover applies. With an 8-bit window agreed for our
// side it writes literals only (zlib has no raw 8-bit window).
class deflate_compressor {
public:
    // level is zlib's 0..9 (-1 = zlib's default); fuzzers trade ratio for speed.
    deflate_compressor(role side, const deflate_params& params, int level = -1);
    ~deflate_compressor();
    deflate_compressor(const deflate_compressor&) = delete;
    deflate_compressor& operator=(const deflate_compressor&) = delete;
    void compress(std::string_view message, std::string& out);

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

// Inflates one message fed in pieces (RFC 7692 §7.2.2), never producing more than
// `limit` octets per message: a decompression bomb ends in decompression_too_big
// before one octet over the limit is appended. Corrupt data, and a payload that
// does not end on a DEFLATE block boundary, end in inflate_failed.
class deflate_decompressor {
public:
    deflate_decompressor(role side, const deflate_params& params, std::uint64_t limit);
    ~deflate_decompressor();
    deflate_decompressor(const deflate_decompressor&) = delete;
    deflate_decompressor& operator=(const deflate_decompressor&) = delete;
    // Appends inflated octets to out.
    error feed(const std::uint8_t* data, std::size_t n, std::string& out);
    // Ends the message: inflates the implied tail and resets the window if required.
    error finish(std::string& out);

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

}  // namespace wsc
