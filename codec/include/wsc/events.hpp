// What an endpoint reports to its caller after reading bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "wsc/error.hpp"

namespace wsc {

struct message_event {
    bool binary = false;
    std::string data;  // reassembled (and inflated) payload
};
struct ping_event {
    std::string payload;
};
struct pong_event {
    std::string payload;
};
// The peer's close frame. code is empty for a close frame without a body.
struct close_event {
    std::optional<std::uint16_t> code;
    std::string reason;
};
// This endpoint failed the connection (§7.1.7); no event follows.
struct failure_event {
    error err = error::none;
    std::string detail;
};

using event = std::variant<message_event, ping_event, pong_event, close_event, failure_event>;

}  // namespace wsc
