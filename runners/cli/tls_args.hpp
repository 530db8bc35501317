// The TLS options every network subcommand accepts, and their reading.
#pragma once

#include <array>

#include "args.hpp"
#include "wsc/net/tls_options.hpp"

namespace wsc::cli {

inline constexpr std::array tls_option_specs{
    option_spec{"insecure", 0, "", "wss: do not verify the server's certificate"},
    option_spec{"ca", 0, "FILE", "wss: trust anchors (PEM) instead of the system's"},
    option_spec{"cert", 0, "FILE", "TLS certificate chain (PEM): client identity, or the server's for wss"},
    option_spec{"key", 0, "FILE", "private key (PEM) for --cert"},
};

inline net::tls_options read_tls_options(const parsed_args& a) {
    net::tls_options t;
    t.insecure = a.has("insecure");
    t.ca_file = a.get_or("ca", "");
    t.cert_file = a.get_or("cert", "");
    t.key_file = a.get_or("key", "");
    if (t.cert_file.empty() != t.key_file.empty()) throw usage_error("--cert and --key go together");
    return t;
}

}  // namespace wsc::cli
