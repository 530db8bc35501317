// Reads the opening-handshake request off a fresh server-side connection before
// anyone decides what to do with it (the fuzzing server routes on the path). Every
// byte read is kept, head and whatever followed it, so the connection can be handed
// on as if nothing had been read.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "wsc/error.hpp"
#include "wsc/http.hpp"
#include "wsc/net/asio.hpp"
#include "wsc/net/transport.hpp"

namespace wsc::net {

struct request_head {
    enum class outcome { complete, malformed, timed_out, closed };
    outcome how = outcome::closed;
    std::string raw;           // all bytes read
    http_head head;            // valid when complete
    wsc::error failure = wsc::error::none;  // when malformed
    std::string detail;
};

// Gives up after timeout_s (Autobahn's openHandshakeTimeout is 5 s) or once the
// head passes max_head_size octets.
void async_read_request_head(std::shared_ptr<transport> t, double timeout_s, std::size_t max_head_size,
                             std::function<void(request_head)> done);

}  // namespace wsc::net
