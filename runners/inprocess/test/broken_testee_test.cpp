// Deliberately broken testees: each switches one check of the reference codec off, and
// the catalogue must flag exactly the cases whose requirement that check implements.
// The expected sets are written out from the RFC, not derived from the catalogue.
#include <gtest/gtest.h>

#include <set>

#include "support.hpp"

using namespace wsc;
using namespace wsc::inprocess;
using namespace wsc::inprocess::test;

namespace {

using id_set = std::set<std::string>;

// "6.12" 1..8 -> 6.12.1 ... 6.12.8
void add_range(id_set& s, const std::string& prefix, int from, int to) {
    for (int i = from; i <= to; ++i) s.insert(prefix + "." + std::to_string(i));
}

// Sections 0-10 against a peer with `checks`; returns the IDs that do not pass
// (behavior and behaviorClose both OK or INFORMATIONAL).
id_set failing(catalogue::Role testee, const endpoint_checks& checks) {
    echo_peer_options peer;
    peer.checks = checks;
    id_set out;
    for (const auto& r : run_catalogue(sections({0, 1, 2, 3, 4, 5, 6, 7, 9, 10}), testee, peer))
        if (!passes(r)) out.insert(r.id);
    return out;
}

id_set with_known(id_set s, catalogue::Role testee) {
    for (const auto& id : known_disagreements(testee)) s.insert(id);
    return s;
}

// RFC 6455 §8.1: a text message (or close reason, §5.5.1) that is not UTF-8 must fail
// the connection with 1007. Without the check the peer echoes invalid text, which the
// fuzzer rejects itself, so the wrong endpoint closes.
id_set utf8_cases() {
    id_set s = {"6.3.1", "6.3.2", "6.11.5", "6.15.1", "7.5.1"};  // X20, U+110000, 6.14 joined, close reason
    add_range(s, "6.4", 1, 4);                                     // fail-fast in fragments
    for (int i : {1, 3, 4, 6, 8, 10}) s.insert("6.6." + std::to_string(i));  // prefixes cut inside a code point
    add_range(s, "6.8", 1, 2);    // 5- and 6-byte forms
    add_range(s, "6.10", 1, 3);   // above U+10FFFF / 5-6 byte forms
    add_range(s, "6.12", 1, 8);   // unexpected continuation bytes
    add_range(s, "6.13", 1, 5);   // lonely start bytes
    add_range(s, "6.14", 1, 10);  // last continuation byte missing
    add_range(s, "6.16", 1, 3);   // 0xFE / 0xFF
    add_range(s, "6.17", 1, 5);   // overlong '/'
    add_range(s, "6.18", 1, 5);   // maximum overlongs
    add_range(s, "6.19", 1, 5);   // overlong NUL
    add_range(s, "6.20", 1, 7);   // single surrogates
    add_range(s, "6.21", 1, 8);   // paired surrogates
    return s;
}

// RFC 6455 §5.2: "If a nonzero value is received and none of the negotiated
// extensions defines the meaning of such a nonzero value, the receiving endpoint MUST
// _Fail the WebSocket Connection_." Section 3 sends those frames. 3.7 (an empty close
// frame with RSV bits) is not caught: the broken peer takes it as a close without code
// and answers with an empty close, which Autobahn's close rule accepts (a peer that
// answered 1000 instead would get WRONG CODE).
id_set reserved_bit_cases() {
    id_set s;
    add_range(s, "3", 1, 6);
    return s;
}

// RFC 6455 §7.4.1/§7.4.2: codes that must not be sent must fail the connection (1002).
// The broken peer echoes the invalid code instead. 7.3.2 (a one-octet body) is not
// caught: the broken peer reads it as a close without code and answers with an empty
// close, which Autobahn's rule accepts. 7.13.x are informational.
id_set close_code_cases() {
    id_set s;
    add_range(s, "7.9", 1, 9);
    return s;
}

}  // namespace

TEST(BrokenTestee, ReferenceCodecFailsOnlyItsKnownDisagreements) {
    for (auto role : {catalogue::Role::server, catalogue::Role::client})
        EXPECT_EQ(failing(role, endpoint_checks{}), known_disagreements(role));
}

TEST(BrokenTestee, NoUtf8CheckIsCaughtByExactlyTheInvalidUtf8Cases) {
    endpoint_checks checks;
    checks.utf8 = false;
    ASSERT_EQ(utf8_cases().size(), 76u);
    for (auto role : {catalogue::Role::server, catalogue::Role::client})
        EXPECT_EQ(failing(role, checks), with_known(utf8_cases(), role)) << catalogue::to_string(role);
}

TEST(BrokenTestee, IgnoredRsvBitsAreCaughtBySection3) {
    endpoint_checks checks;
    checks.reserved_bits = false;
    for (auto role : {catalogue::Role::server, catalogue::Role::client})
        EXPECT_EQ(failing(role, checks), with_known(reserved_bit_cases(), role)) << catalogue::to_string(role);
}

TEST(BrokenTestee, UnvalidatedCloseCodesAreCaughtBy7_9) {
    endpoint_checks checks;
    checks.close_codes = false;
    for (auto role : {catalogue::Role::server, catalogue::Role::client})
        EXPECT_EQ(failing(role, checks), with_known(close_code_cases(), role)) << catalogue::to_string(role);
}

// RFC 6455 §5.1: "The server MUST close the connection upon receiving a frame that is
// not masked", and a client "MUST close a connection if it detects a masked frame".
// The Autobahn cases always mask as the role requires, so only 0.13.x break the rule.
TEST(BrokenTestee, IgnoredMaskingIsCaughtBySection0_13) {
    endpoint_checks checks;
    checks.masking = false;
    EXPECT_EQ(failing(catalogue::Role::server, checks), with_known({"0.13.1"}, catalogue::Role::server));
    EXPECT_EQ(failing(catalogue::Role::client, checks), with_known({"0.13.2"}, catalogue::Role::client));
}

// RFC 7692: every case of sections 12 and 13 needs permessage-deflate. A peer that
// declines it gets UNIMPLEMENTED on exactly those 216 cases (and a clean close, since
// the fuzzer closes with 1000 at once); nothing else changes.
TEST(BrokenTestee, DeflateOffIsUnimplementedOnExactlySections12And13) {
    id_set expected;
    for (int j = 1; j <= 5; ++j) add_range(expected, "12." + std::to_string(j), 1, 18);
    for (int j = 1; j <= 7; ++j) add_range(expected, "13." + std::to_string(j), 1, 18);
    ASSERT_EQ(expected.size(), 216u);
    echo_peer_options off;
    off.deflate = false;
    for (auto role : {catalogue::Role::server, catalogue::Role::client}) {
        id_set failing_ids;
        for (const auto& r : run_catalogue(sections({12, 13}), role, off)) {
            if (passes(r)) continue;
            failing_ids.insert(r.id);
            EXPECT_EQ(r.behavior, report::behavior::unimplemented) << describe(r);
            EXPECT_EQ(r.behavior_close, report::behavior::ok) << describe(r);
        }
        EXPECT_EQ(failing_ids, expected) << catalogue::to_string(role);
    }
}

// §9 against a testee that takes messages of at most 1000 octets: it closes with 1009
// (RFC 6455 §7.4.1) at the first big message, and the result says so rather than
// claiming the whole deadline went by.
TEST(BrokenTestee, SmallMessageLimitFailsSection9WithTheClosingCode) {
    echo_peer_options small;
    small.max_message_size = 1000;
    int checked = 0;
    for (const auto& r : run_catalogue(sections({9}), catalogue::Role::server, small)) {
        if (r.id == "9.1.1" || r.id == "9.7.6" || r.id == "9.7.4") ++checked;
        if (r.id == "9.1.1" || r.id == "9.7.6") {
            EXPECT_EQ(r.behavior, report::behavior::failed) << describe(r);
            EXPECT_NE(r.result.find("The connection ended before"), std::string::npos) << describe(r);
            EXPECT_NE(r.result.find("code 1009"), std::string::npos) << describe(r);
        }
        if (r.id == "9.7.4") {
            EXPECT_EQ(r.behavior, report::behavior::ok) << describe(r);  // 256-octet messages
        }
    }
    EXPECT_EQ(checked, 3) << "the cases this test looks at did not all run";
}
