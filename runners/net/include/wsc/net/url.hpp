// ws:// and wss:// URLs (RFC 6455 §3): host, port, resource name.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wsc::net {

struct ws_url {
    bool tls = false;
    std::string host;          // without brackets for IPv6 literals
    std::uint16_t port = 80;
    std::string target = "/";  // path and query, as sent in the request line

    // The Host header value (§4.1): the port is left out when it is the default.
    std::string host_header() const;
    // Back to text, for messages.
    std::string to_string() const;
    // Same scheme, host and port with another resource name.
    ws_url with_target(std::string t) const;
};

// §3: "ws" / "wss", a host, an optional port and an optional path and query; a
// fragment is not allowed. Returns nullopt and says why in `why`.
std::optional<ws_url> parse_ws_url(std::string_view text, std::string* why = nullptr);

}  // namespace wsc::net
