// Autobahn's verdict derivation (catalogue.md §3.3), as pure functions over what was
// observed, so every rule can be tested on hand-built observations. The session feeds
// them once TCP is gone.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "wsc/report/case_result.hpp"

namespace wsc::engine {

// An observed or expected event reduced to what equality needs: kind, type, length and
// SHA-1 of the payload (or the timeout tag). Observations keep only this plus a short
// prefix for display, so a peer that floods large messages cannot exhaust memory.
struct event_print {
    std::string kind;  // "message" | "pong" | "timeout"
    bool binary = false;
    std::uint64_t size = 0;
    std::array<std::uint8_t, 20> sha1{};
    std::string tag;  // timeout only
    friend bool operator==(const event_print&, const event_print&) = default;
};

event_print print_message(std::string_view data, bool binary);
event_print print_pong(std::string_view data);
event_print print_timeout(std::string_view tag);
event_print print_of(const report::observed_event& e);

using outcome_list = std::vector<std::pair<std::string, std::vector<event_print>>>;  // label -> events, OK first

// What the case requires of the close (Autobahn's expectedClose).
struct close_rule {
    bool closed_by_me = true;
    std::vector<int> codes;
    bool require_clean = true;
    bool wrong_endpoint_fatal = false;
};

struct verdict {
    std::string behavior = report::behavior::failed;
    std::string result;
    std::string behavior_close = report::behavior::failed;
    std::string result_close;
    bool wrong_endpoint = false;  // rule (a) was violated
};

// §3.3 step 1: the label of the first expected list the observations equal exactly.
std::optional<std::string> matching_label(const outcome_list& expected, const std::vector<event_print>& observed);
// §1.3: the observations equal every expected list (and there is at least one).
bool matches_all(const outcome_list& expected, const std::vector<event_print>& observed);

// §3.3 step 2 (rules a-e), evaluated when TCP is gone. `opened`: the opening handshake
// completed.
void judge_close(const close_rule& rule, const report::close_facts& facts, bool opened, verdict& v);

// §3.3 steps 1 and 2 together, including closedByWrongEndpointIsFatal.
verdict derive_verdict(const outcome_list& expected, const std::vector<event_print>& observed, const close_rule& rule,
                       const report::close_facts& facts, bool opened);

// §3.3 step 3 overrides.
void apply_wrong_code_fails(verdict& v);  // 7.x: WRONG CODE also fails the main verdict
void apply_informational(verdict& v, std::string why);  // 7.1.6, 7.13.x: both INFORMATIONAL

// Texts, as Autobahn words them.
namespace text {
inline constexpr const char* events_match = "Actual events match at least one expected.";
inline constexpr const char* events_differ = "Actual events differ from any expected.";
inline constexpr const char* close_ok = "Connection was properly closed";
inline constexpr const char* wrong_endpoint = "The connection was failed by the wrong endpoint";
inline constexpr const char* unclean = "The spec requires the connection to be failed cleanly here";
inline constexpr const char* client_dropped = "It is preferred that the server close the TCP connection";
inline constexpr const char* never_opened = "The WebSocket opening handshake was never completed";
}  // namespace text

}  // namespace wsc::engine
