// Our opening-handshake section (0.x).

#include <set>

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace wsc::catalogue::test {
namespace {

const SendRawRequest& request(const Case& c) { return std::get<SendRawRequest>(c.steps.at(0)); }

std::string header_value(const std::vector<Header>& headers, const std::string& name) {
    for (const Header& h : headers) {
        if (h.name == name) {
            Bytes b = bytes(h.value);
            return std::string(b.begin(), b.end());
        }
    }
    return "<absent>";
}

TEST(HandshakeSection, AtLeastFortyCasesWithRolesAndReferences) {
    const auto cases = catalogue().handshake();
    EXPECT_GE(cases.size(), 40u);
    int server = 0, client = 0;
    for (const Case* c : cases) {
        EXPECT_EQ(c->kind, Kind::handshake);
        EXPECT_EQ(c->category, "Opening Handshake");
        EXPECT_FALSE(c->subsection_label.empty()) << c->id.str();
        ASSERT_EQ(c->roles.size(), 1u);
        (c->roles[0] == Role::server ? server : client)++;
        EXPECT_TRUE(c->rfc.find("§4") != std::string::npos || c->rfc.find("§5") != std::string::npos ||
                    c->rfc.find("§9") != std::string::npos || c->rfc.find("§10") != std::string::npos ||
                    c->rfc.find("§11") != std::string::npos || c->rfc.find("RFC 7692") == 0)
            << c->id.str();
    }
    EXPECT_GE(server, 30);
    EXPECT_GE(client, 8);
}

TEST(HandshakeSection, BaselineRequestAndResponse) {
    const Case& c = get("0.1.1");
    const auto& r = request(c);
    EXPECT_EQ(r.method, "GET");
    EXPECT_EQ(r.version, "HTTP/1.1");
    EXPECT_EQ(header_value(r.headers, "Sec-WebSocket-Key"), "{{key}}");
    EXPECT_EQ(c.expect_response->status, std::vector<int>{101});
    bool accept = false;
    for (const auto& [name, value] : c.expect_response->require_headers) accept |= name == "Sec-WebSocket-Accept" && value == "{{accept}}";
    EXPECT_TRUE(accept);
    EXPECT_EQ(find_outcome(c.expected, "OK")->events.size(), 1u);
}

TEST(HandshakeSection, SpecificRequirements) {
    EXPECT_EQ(request(get("0.1.2")).method, "POST");
    EXPECT_EQ(request(get("0.1.3")).version, "HTTP/1.0");
    EXPECT_EQ(header_value(request(get("0.2.1")).headers, "Host"), "<absent>");
    EXPECT_EQ(header_value(request(get("0.4.2")).headers, "Connection"), "keep-alive, Upgrade");
    EXPECT_EQ(header_value(request(get("0.3.3")).headers, "upgrade"), "WEBSOCKET");
    EXPECT_EQ(get("0.3.3").expect_response->status, std::vector<int>{101});
    EXPECT_EQ(header_value(request(get("0.5.3")).headers, "Sec-WebSocket-Key"), "AAAAAAAAAAAAAAAAAAAA");  // 15 bytes
    // A version no server understands: refused and told which version to use.
    const auto& v14 = get("0.6.3").expect_response.value();
    EXPECT_NE(std::find(v14.status.begin(), v14.status.end(), 426), v14.status.end());
    EXPECT_EQ(v14.require_headers, (std::vector<std::pair<std::string, std::string>>{{"Sec-WebSocket-Version", "13"}}));
    EXPECT_FALSE(get("0.6.3").expected_close.has_value());
    // Draft 8 may be spoken as well (§4.4), so either answer is only recorded.
    EXPECT_EQ(get("0.6.2").level, Level::info);
    const auto& v8 = get("0.6.2").expect_response.value();
    EXPECT_NE(std::find(v8.status.begin(), v8.status.end(), 101), v8.status.end());
    // Subprotocols: only offered names.
    EXPECT_EQ(get("0.7.1").expect_response->allowed_values.at("Sec-WebSocket-Protocol"),
              (std::vector<std::string>{"wsc.a", "wsc.b"}));
    EXPECT_EQ(get("0.7.2").expect_response->forbid_headers, std::vector<std::string>{"Sec-WebSocket-Protocol"});
    // Unknown extension declined; malformed deflate parameters declined or rejected.
    EXPECT_EQ(get("0.8.1").expect_response->forbid_values.at("Sec-WebSocket-Extensions"), std::vector<std::string>{"x-foo"});
    EXPECT_EQ(get("0.8.4").expect_response->status, (std::vector<int>{101, 400}));
    // Origin policy only where the testee declares one.
    EXPECT_EQ(get("0.9.1").requirements, std::vector<std::string>{"origin-policy"});
    EXPECT_EQ(get("0.9.1").expect_response->status, std::vector<int>{403});
    // 64 KiB header stays compact in the file and expands on demand.
    const auto& big = request(get("0.10.1")).headers.back();
    EXPECT_EQ(big.value.size(), 65536u);
    EXPECT_TRUE(get("0.10.1").expect_response->drop_ok);
    // Pipelined frame.
    const auto& pipe = request(get("0.11.1"));
    ASSERT_EQ(pipe.trailing_frames.size(), 1u);
    EXPECT_EQ(pipe.trailing_frames[0].opcode, 1);
}

TEST(HandshakeSection, ClientCases) {
    std::set<std::string> failing;
    for (const Case* c : catalogue().handshake()) {
        if (c->roles[0] != Role::client) continue;
        EXPECT_TRUE(std::holds_alternative<SendRawResponse>(c->steps[0])) << c->id.str();
        ASSERT_TRUE(c->expect_client.has_value());
        if (c->expect_client->must_fail) {
            failing.insert(c->id.str());
            EXPECT_EQ(c->steps.size(), 1u) << c->id.str();
        }
    }
    EXPECT_GE(failing.size(), 7u);
    EXPECT_EQ(std::get<SendRawResponse>(get("0.12.7").steps[0]).status, 200);
    EXPECT_FALSE(get("0.12.10").expect_client->must_fail);  // odd letter case must be accepted
}

}  // namespace
}  // namespace wsc::catalogue::test
