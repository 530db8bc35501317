// What a user says about TLS on the command line or in a spec file, and the
// OpenSSL contexts built from it.
#pragma once

#include <memory>
#include <string>

#include "wsc/net/asio.hpp"

namespace wsc::net {

struct tls_options {
    std::string ca_file;    // trust anchors; empty: the system's default paths
    std::string cert_file;  // our own certificate chain (PEM), client or server
    std::string key_file;   // its private key (PEM)
    bool insecure = false;  // client: do not verify the peer's certificate
    std::string sni;        // client: server name to send and verify; empty: the URL host
};

// Throws std::runtime_error naming the file that could not be loaded.
std::shared_ptr<asio::ssl::context> make_client_tls_context(const tls_options& opts);
// A server needs cert_file and key_file.
std::shared_ptr<asio::ssl::context> make_server_tls_context(const tls_options& opts);

}  // namespace wsc::net
