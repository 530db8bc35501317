// The two small languages rows use to describe octets (README.md, "Octets"):
//
//   payload  "text" | {"text"} | {"hex"} | {"repeat": payload, "count"} |
//            {"concat": [payload...]} | {"deflate": payload} | {"close": code, "reason"?: payload}
//   stream   "hex" | [stream...] | {"hex"} | {"bytes": payload} | {"frame": {...}} |
//            {"repeat": stream, "count"}
//
// A stream is what goes over the wire (frames, raw octets); a payload is what a
// frame carries. Deflate payloads go through one compressor per row, in document
// order, so context takeover across messages comes out as it would on the wire.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "json_node.hpp"
#include "wsc/deflate.hpp"
#include "wsc/mask.hpp"
#include "wsc/role.hpp"

namespace wsc::tables {

class byte_builder {
public:
    // `sender` is the role that puts these octets on the wire: it decides the default
    // mask (a client masks, a server does not) and the compressor's side.
    byte_builder(role sender, std::optional<mask_key> default_mask, std::optional<deflate_params> deflate)
        : sender_(sender), default_mask_(default_mask), deflate_params_(deflate) {}

    std::string payload(const json_node& n);
    std::string stream(const json_node& n);

private:
    std::string frame(const json_node& n);

    role sender_;
    std::optional<mask_key> default_mask_;
    std::optional<deflate_params> deflate_params_;
    std::unique_ptr<deflate_compressor> compressor_;
};

// Whitespace-separated or packed hex, e.g. "81 05 48" or "810548".
std::string parse_hex(const json_node& n);
mask_key parse_mask(const json_node& n);
// "cafe" -> "ca fe" for messages.
std::string to_hex(std::string_view octets, std::size_t limit = 64);

}  // namespace wsc::tables
