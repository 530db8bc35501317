// The one results model every executor fills and every report format reads.
// Field names follow Autobahn's per-case JSON (see reports/json) so the writer is
// a straight mapping; times are milliseconds unless a name says otherwise.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace wsc::report {

// Autobahn's verdict vocabulary (catalogue.md §3.1).
namespace behavior {
inline constexpr const char* ok = "OK";
inline constexpr const char* non_strict = "NON-STRICT";
inline constexpr const char* failed = "FAILED";
inline constexpr const char* informational = "INFORMATIONAL";
inline constexpr const char* unimplemented = "UNIMPLEMENTED";
inline constexpr const char* wrong_code = "WRONG CODE";
inline constexpr const char* unclean = "UNCLEAN";
inline constexpr const char* failed_by_client = "FAILED BY CLIENT";
}  // namespace behavior

// One observed event, as Autobahn lists them: ["message", bytes, binary],
// ["pong", bytes], ["timeout", tag]. Payloads are raw bytes; display forms are made
// by the writers.
struct observed_event {
    std::string kind;  // "message" | "pong" | "timeout"
    std::string data;  // payload bytes, or the timeout tag
    bool binary = false;
};

// One wire-log row (catalogue.md §7.3) with the time it happened (ms since the
// TCP connection was made).
struct wire_row {
    double at_ms = 0;
    std::string kind;  // TO RO TF RF CT CTE KL KLE TI TIE WLM
    nlohmann::json fields;  // the row's fields after the kind, in Autobahn's order
};

struct close_facts {
    bool is_server = false;      // the fuzzer was the server
    bool closed_by_me = false;   // the fuzzer sent the first close frame
    bool failed_by_me = false;   // the fuzzer failed the connection
    bool dropped_by_me = false;  // the fuzzer closed TCP
    bool was_clean = false;
    std::optional<std::string> was_not_clean_reason;
    bool was_server_connection_drop_timeout = false;
    bool was_open_handshake_timeout = false;
    bool was_close_handshake_timeout = false;
    std::optional<int> local_close_code, remote_close_code;
    std::optional<std::string> local_close_reason, remote_close_reason;
};

struct case_result {
    std::string id;      // "6.4.3"
    int position = 0;    // Autobahn's `case` number
    std::string agent;
    std::string description, expectation;  // our own words
    std::string started;  // UTC ISO-8601 with ms and Z
    double duration_ms = 0;
    bool report_time = false, report_compression_ratio = false;

    std::string behavior = behavior::failed, behavior_close = behavior::failed;
    std::string result, result_close;  // why, in a sentence
    // Expected outcomes by label ("OK", "NON-STRICT") and the expected close.
    std::map<std::string, std::vector<observed_event>> expected;
    nlohmann::json expected_close;  // closedByMe, closeCode, requireClean[, closedByWrongEndpointIsFatal]
    std::vector<observed_event> received;

    close_facts close;
    std::string http_request, http_response;  // raw heads, CRLFs included

    std::map<std::string, std::uint64_t> rx_octet_stats, tx_octet_stats;  // chunk size -> count
    std::map<std::string, std::uint64_t> rx_frame_stats, tx_frame_stats;  // opcode -> count
    nlohmann::json traffic_stats;  // null unless a compression case completed
    bool create_wirelog = true;
    std::vector<wire_row> wirelog;

    // Beyond Autobahn: the handshake case family records what the peer answered.
    std::optional<int> http_status;
    std::string note;  // free text for implementers (e.g. "peer reset the connection")
};

}  // namespace wsc::report
