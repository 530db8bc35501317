#pragma once
// One conformance case as loaded from the catalogue.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wsc/catalogue/case_id.hpp"
#include "wsc/catalogue/expectations.hpp"
#include "wsc/catalogue/steps.hpp"

namespace wsc::catalogue {

enum class Level { must, should, info };
enum class Role { server, client };  // the role of the implementation under test

// Cases whose verdict needs more than "events equal one outcome + the close rules".
enum class Kind {
    standard,
    bulk_echo,               // §9.1-9.6: first echo checked for type and length only, deadline
    roundtrip,               // §9.7/9.8: `count` messages strictly one at a time
    compression,             // §12/13: permessage-deflate, data-set windows, SHA-1 checked echoes
    informational,           // 7.1.6, 7.13.x: both verdicts forced to INFORMATIONAL
    close_wrong_code_fails,  // 7.x: a WRONG CODE close verdict also fails the main verdict
    frame_count,             // 10.1.1: the fuzzer's own sent frame counts are checked too
    handshake,               // section 0: raw opening handshakes
};

struct EchoCheck {
    int opcode = 1;
    std::uint64_t length = 0;
};

struct Roundtrip {
    int count = 0;
    int opcode = 1;
    Payload payload;
};

// One permessage-deflate parameter tuple, Autobahn's (requestNoContextTakeover,
// requestMaxWindowBits). As an offer it asks for server_no_context_takeover /
// server_max_window_bits=N; as an acceptance it answers client_no_context_takeover /
// client_max_window_bits=N. max_window_bits 0 means "not mentioned".
struct DeflateParams {
    bool no_context_takeover = false;
    int max_window_bits = 0;
    friend bool operator==(const DeflateParams&, const DeflateParams&) = default;
};

struct Compression {
    std::string data_set;       // a name from data_sets()
    int opcode = 1;
    std::uint64_t len = 0;      // window size: characters for text data sets, bytes for binary
    int count = 0;
    std::uint64_t auto_fragment_size = 0;  // bytes of compressed data per frame; 0 = one frame
    std::vector<DeflateParams> offers;     // fuzzer as client, in offer order
    std::vector<DeflateParams> accepts;    // fuzzer as server, tried in order
};

struct Case {
    CaseId id;
    std::string category;          // e.g. "UTF-8 Handling"
    std::string subsection;        // e.g. "6.4"; empty for two-part IDs
    std::string subsection_label;  // e.g. "Fail-fast on invalid UTF-8"
    std::string file;              // the catalogue file it came from

    std::string rfc;               // e.g. "RFC 6455 §8.1"
    Level level = Level::must;
    Kind kind = Kind::standard;
    std::vector<Role> roles;       // defaults to both roles
    std::vector<std::string> requirements;  // testee capabilities the case needs (JSON "requires")
    std::string description;       // one line, our wording
    std::string expectation;       // one line, our wording

    std::vector<Step> steps;
    std::vector<Outcome> expected;              // empty for kinds that decide behaviour themselves
    std::optional<ExpectedClose> expected_close;  // absent only for handshake cases that must fail

    std::optional<double> deadline;   // bulk_echo, roundtrip, compression
    std::optional<EchoCheck> echo_check;
    std::optional<Roundtrip> roundtrip;
    std::optional<Compression> compression;
    std::uint64_t auto_fragment_size = 0;    // the fuzzer's message-API fragment size
    std::map<int, int> expect_tx_frames;     // frame_count: opcode -> frames the fuzzer must have sent

    std::optional<ExpectResponse> expect_response;  // handshake, server under test
    std::optional<ExpectClient> expect_client;      // handshake, client under test

    // 1-based position over the full Autobahn catalogue in tuple order (1.1.1 = 1 ... 13.7.18 =
    // 517), used as the `case` field of fuzzingclient reports. 0 for our handshake cases, which
    // have no Autobahn counterpart.
    int position = 0;

    bool applies_to(Role role) const;
};

std::string_view to_string(Level level);
std::string_view to_string(Kind kind);
std::string_view to_string(Role role);

// The one-line description used by listings.
const std::string& description(const Case& c);
// "6.4.3  SHOULD  RFC 6455 §8.1  <description>": one line for `--list` style output.
std::string listing_line(const Case& c);

// Sec-WebSocket-Extensions values for permessage-deflate, as the fuzzer sends them: the offer
// (several offers joined with ", "), and the acceptance answer to a client.
std::string deflate_offer_header(const std::vector<DeflateParams>& offers);
std::string deflate_accept_header(const DeflateParams& accept);

}  // namespace wsc::catalogue
