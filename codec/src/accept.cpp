#include <openssl/evp.h>

#include <stdexcept>

#include "base64.hpp"
#include "wsc/handshake.hpp"

namespace wsc {
namespace {
// RFC 6455 §1.3: the GUID appended to the key; no endpoint that is not a
// WebSocket server knows to compute it.
constexpr std::string_view websocket_guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
}  // namespace

// §4.2.2 (5.4): "the base64-encoded SHA-1 of the concatenation of the
// |Sec-WebSocket-Key| (as a string, not base64-decoded) with the string
// 258EAFA5-E914-47DA-95CA-C5AB0DC85B11". The key is used as given, so a client
// test can feed odd keys and still get the value a server would compute.
std::string compute_accept(std::string_view key) {
    std::string input;
    input.reserve(key.size() + websocket_guid.size());
    input.append(key);
    input.append(websocket_guid);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int digest_size = 0;
    if (EVP_Digest(input.data(), input.size(), digest, &digest_size, EVP_sha1(), nullptr) != 1)
        throw std::runtime_error("wsc::compute_accept: OpenSSL SHA-1 failed");
    return base64::encode(digest, digest_size);
}

// §4.1: the key is "a nonce consisting of a randomly selected 16-byte value that
// has been base64-encoded"; §4.2.1 (5) has the server check it decodes to 16 bytes.
bool is_valid_key(std::string_view key) {
    const auto raw = base64::decode(key);
    return raw && raw->size() == 16;
}

}  // namespace wsc
