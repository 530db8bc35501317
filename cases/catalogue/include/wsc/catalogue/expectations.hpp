#pragma once
// What a case accepts as a correct outcome: event lists, the closing behaviour, and for the
// handshake section the HTTP answer of a server or the reaction of a client.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "wsc/catalogue/payload.hpp"

namespace wsc::catalogue {

struct Event {
    enum class Type { message, pong, timeout };
    Type type = Type::message;
    Payload payload;   // message and pong
    bool binary = false;  // message only
    std::string tag;   // timeout only
    friend bool operator==(const Event&, const Event&) = default;
};

// One acceptable observation list, labelled "OK" or "NON-STRICT" as in Autobahn reports.
struct Outcome {
    std::string label;
    std::vector<Event> events;
};

struct ExpectedClose {
    bool closed_by_me = true;       // the fuzzer must send the first close
    std::vector<int> codes;         // close codes the peer may send (a close without code always passes)
    bool require_clean = true;
    bool wrong_endpoint_fatal = false;  // if the wrong side closed first, the main verdict fails too
};

// Server under test: acceptable answers to a raw request. Header names compare
// case-insensitively. Values are split on commas and trimmed; a required value must equal one
// element case-insensitively, except Sec-WebSocket-Accept which must match exactly.
// allowed_values / forbid_values compare the element's name, i.e. the text before any ';'.
struct ExpectResponse {
    std::vector<int> status;   // acceptable status codes
    bool any_4xx = false;      // any 400-499 status is acceptable as well
    bool drop_ok = false;      // closing TCP without any response is acceptable as well
    std::vector<std::pair<std::string, std::string>> require_headers;
    std::vector<std::string> forbid_headers;
    std::map<std::string, std::vector<std::string>> allowed_values;  // if present, only these
    std::map<std::string, std::vector<std::string>> forbid_values;   // if present, none of these
    double timeout = 5;        // seconds to wait for the answer or the close
};

// Client under test: must_fail means it must close TCP within timeout without sending any byte
// after the fuzzer's response; otherwise the handshake must succeed and `expected` applies.
struct ExpectClient {
    bool must_fail = true;
    double timeout = 5;
};

// The observation list a case expects under `label`, or nullptr.
const Outcome* find_outcome(const std::vector<Outcome>& outcomes, const std::string& label);

}  // namespace wsc::catalogue
