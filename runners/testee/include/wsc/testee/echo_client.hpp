// The reference client under test, speaking Autobahn's fuzzingserver URL protocol
// (catalogue.md §4): /getCaseCount, then /runCase?case=N&agent=A for N = 1..count
// echoing every message, then /updateReports?agent=A. Every step is its own
// connection, made with the codec (permessage-deflate offered unless switched off).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "wsc/net/asio.hpp"
#include "wsc/net/connect.hpp"
#include "wsc/net/endpoint_stream.hpp"
#include "wsc/net/url.hpp"

namespace wsc::testee {

struct echo_client_options {
    net::ws_url server;  // its path, if any, prefixes the protocol's paths
    std::string agent = "wsconform-echo-client";
    bool deflate = true;
    net::connect_options connect;
    double handshake_timeout_s = 5;
    net::stream_limits limits{2.0, 300.0, 4u << 20};
    std::uint64_t max_message_size = 64ull << 20;
    // Progress: called before case n of count starts.
    std::function<void(int n, int count)> on_case;
    std::function<void(const std::string&)> log;
};

// Exit status of a run, as the command line reports it.
enum class echo_client_outcome { done, unreachable, protocol_error };

class echo_client : public std::enable_shared_from_this<echo_client> {
public:
    using done_handler = std::function<void(echo_client_outcome, const std::string& message)>;

    echo_client(net::asio::io_context& io, echo_client_options opts);
    void run(done_handler done);
    int case_count() const noexcept { return count_; }

private:
    // One connection to `target`; on_message sees every message; then `next` runs.
    void visit(const std::string& target, std::function<void(const message_event&)> on_message,
               std::function<void(bool connected)> next);
    void run_case(int n);
    void update_reports();
    std::string path(const std::string& rest) const;

    net::asio::io_context& io_;
    echo_client_options opts_;
    done_handler done_;
    int count_ = -1;
};

// Percent-encodes everything but RFC 3986 unreserved characters, for query values.
std::string url_encode(const std::string& text);

}  // namespace wsc::testee
