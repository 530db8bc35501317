// RFC 6455 §4 opening handshake, both roles, sans-I/O: bytes in, a verdict and the
// bytes to answer with out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wsc/deflate.hpp"
#include "wsc/error.hpp"
#include "wsc/http.hpp"
#include "wsc/random.hpp"

namespace wsc {

// §4.2.2 (5.4): base64(SHA-1(key + GUID)).
std::string compute_accept(std::string_view key);
// §4.2.1 (5): the canonical base64 encoding of exactly 16 octets (24 characters
// ending in "=="). Non-zero pad bits are refused, as RFC 4648 §3.5 allows.
bool is_valid_key(std::string_view key);

// The only version this codec speaks (§4.1, §4.4).
inline constexpr std::string_view websocket_version = "13";

// After accepted or rejected the verdict is final: later bytes go to the leftover
// (accepted) or are ignored (rejected), and receive_data repeats the verdict.
enum class handshake_status { need_more, accepted, rejected };

struct client_handshake_config {
    std::string host;            // Host header value, with port when not default
    std::string target = "/";
    std::optional<std::string> origin;
    std::vector<std::string> subprotocols;
    std::vector<deflate_offer> deflate_offers;  // empty: no permessage-deflate
    std::vector<http_header> extra_headers;
    random_source random;        // for Sec-WebSocket-Key; required (std::invalid_argument)
    std::size_t max_head_size = 16 * 1024;
};

class client_handshake {
public:
    // Builds the request at once. extra_headers go out verbatim, after ours, so a
    // test can send duplicates or malformed fields on purpose.
    explicit client_handshake(client_handshake_config cfg);
    const std::string& request() const noexcept { return request_; }
    const std::string& key() const noexcept { return key_; }

    // Feed response bytes. On accepted, leftover() holds bytes after the head.
    handshake_status receive_data(std::string_view bytes);
    error failure() const noexcept { return error_; }
    const std::string& detail() const noexcept { return detail_; }
    const http_head& response() const noexcept { return reader_.head(); }
    const std::string& raw_response() const noexcept { return reader_.raw(); }
    std::string take_leftover() { return reader_.take_leftover(); }

    const std::optional<std::string>& subprotocol() const noexcept { return subprotocol_; }
    const std::optional<deflate_params>& deflate() const noexcept { return deflate_; }

private:
    handshake_status reject(error e, std::string detail);
    handshake_status validate();

    client_handshake_config cfg_;
    std::string request_, key_;
    http_head_reader reader_;
    error error_ = error::none;
    std::string detail_;
    std::optional<std::string> subprotocol_;
    std::optional<deflate_params> deflate_;
    handshake_status state_ = handshake_status::need_more;
};

struct server_handshake_config {
    // Returns false to refuse an Origin (403); unset accepts any, including none.
    std::function<bool(std::optional<std::string_view> origin)> origin_allowed;
    std::vector<std::string> subprotocols;  // in the server's order of preference
    // Off unless asked for. (Built in a lambda: a designated initializer that leaves
    // members out trips -Wmissing-field-initializers in every includer.)
    deflate_server_policy deflate = [] {
        deflate_server_policy off;
        off.enabled = false;
        return off;
    }();
    std::vector<http_header> extra_response_headers;
    std::size_t max_head_size = 16 * 1024;
};

class server_handshake {
public:
    explicit server_handshake(server_handshake_config cfg);

    // Feed request bytes. Once not need_more, response() holds the bytes to write:
    // a 101 when accepted, an error response naming the violated requirement otherwise
    // (status from describe(failure()).http_status, "Connection: close", a text/plain
    // body; a 426 also carries "Sec-WebSocket-Version: 13" per §4.4). After a
    // rejection the runner writes response() and closes.
    handshake_status receive_data(std::string_view bytes);
    const std::string& response() const noexcept { return response_; }
    error failure() const noexcept { return error_; }
    const std::string& detail() const noexcept { return detail_; }
    int http_status() const noexcept { return status_; }
    const http_head& request() const noexcept { return reader_.head(); }
    const std::string& raw_request() const noexcept { return reader_.raw(); }
    std::string take_leftover() { return reader_.take_leftover(); }

    const std::optional<std::string>& subprotocol() const noexcept { return subprotocol_; }
    const std::optional<deflate_params>& deflate() const noexcept { return deflate_; }

private:
    handshake_status reject(error e, std::string detail);
    handshake_status validate();

    server_handshake_config cfg_;
    http_head_reader reader_;
    std::string response_;
    error error_ = error::none;
    std::string detail_;
    int status_ = 0;
    std::optional<std::string> subprotocol_;
    std::optional<deflate_params> deflate_;
    handshake_status state_ = handshake_status::need_more;
};

}  // namespace wsc
