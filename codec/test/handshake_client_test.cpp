// The client's half of the opening handshake: the request of RFC 6455 §4.1 and the
// six checks a client MUST make on the server's response (§4.1 items 1-6), plus a
// round trip through our own server.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "wsc/handshake.hpp"

namespace {

using wsc::error;

// An offer with client_max_window_bits (no value): "I can take any window you pick".
wsc::deflate_offer offer_any_client_window() {
    wsc::deflate_offer o;
    o.client_max_window_bits = true;
    return o;
}
using wsc::handshake_status;

// Nonce octets 0x01..0x10, so the key is a known constant.
void counting_random(std::uint8_t* out, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<std::uint8_t>(i + 1);
}
constexpr const char* counting_key = "AQIDBAUGBwgJCgsMDQ4PEA==";

wsc::client_handshake_config default_config() {
    wsc::client_handshake_config cfg;
    cfg.host = "server.example.com";
    cfg.target = "/chat";
    cfg.subprotocols = {"chat", "superchat"};
    cfg.random = counting_random;
    return cfg;
}

// A server's answer to the default client, valid unless a test changes it.
struct response_builder {
    int status = 101;
    std::string reason = "Switching Protocols";
    std::vector<wsc::http_header> headers = {
        {"Upgrade", "websocket"},
        {"Connection", "Upgrade"},
        {"Sec-WebSocket-Accept", wsc::compute_accept(counting_key)},
    };
    response_builder& set(const std::string& name, const std::string& value) {
        bool replaced = false;
        for (auto& h : headers)
            if (h.name == name) h.value = value, replaced = true;
        if (!replaced) headers.push_back({name, value});
        return *this;
    }
    response_builder& add(const std::string& name, const std::string& value) {
        headers.push_back({name, value});
        return *this;
    }
    response_builder& remove(const std::string& name) {
        std::erase_if(headers, [&](const wsc::http_header& h) { return h.name == name; });
        return *this;
    }
    std::string str() const {
        std::string out = "HTTP/1.1 " + std::to_string(status) + " " + reason + "\r\n";
        for (const auto& h : headers) out += h.name + ": " + h.value + "\r\n";
        return out + "\r\n";
    }
};

void client_fails_connection(const std::string& response, error e, wsc::client_handshake_config cfg = default_config()) {
    wsc::client_handshake c(std::move(cfg));
    ASSERT_EQ(c.receive_data(response), handshake_status::rejected) << response;
    EXPECT_EQ(c.failure(), e) << "got " << wsc::name_of(c.failure()) << ": " << c.detail();
    EXPECT_FALSE(c.detail().empty());
    EXPECT_FALSE(c.subprotocol().has_value());
    EXPECT_FALSE(c.deflate().has_value());
    EXPECT_EQ(c.receive_data(response), handshake_status::rejected);
}

wsc::client_handshake client_accepts(const std::string& response, wsc::client_handshake_config cfg = default_config()) {
    wsc::client_handshake c(std::move(cfg));
    EXPECT_EQ(c.receive_data(response), handshake_status::accepted)
        << wsc::name_of(c.failure()) << ": " << c.detail() << "\n" << response;
    EXPECT_EQ(c.failure(), error::none);
    return c;
}

TEST(client_handshake, client_sends_the_section_4_1_request) {
    wsc::client_handshake c(default_config());
    EXPECT_EQ(c.key(), counting_key);
    EXPECT_EQ(c.request(),
              "GET /chat HTTP/1.1\r\n"
              "Host: server.example.com\r\n"
              "Upgrade: websocket\r\n"
              "Connection: Upgrade\r\n"
              "Sec-WebSocket-Key: AQIDBAUGBwgJCgsMDQ4PEA==\r\n"
              "Sec-WebSocket-Version: 13\r\n"
              "Sec-WebSocket-Protocol: chat, superchat\r\n"
              "\r\n");
}

TEST(client_handshake, client_request_carries_origin_extensions_and_extra_headers) {
    auto cfg = default_config();
    cfg.origin = "http://example.com";
    cfg.subprotocols.clear();
    cfg.deflate_offers = {offer_any_client_window(), wsc::deflate_offer{}};
    cfg.extra_headers = {{"Cookie", "a=b"}, {"Host", "twice.example.com"}};
    wsc::client_handshake c(cfg);
    wsc::http_head_reader r(wsc::http_head_reader::kind::request, 4096);
    ASSERT_EQ(r.receive(c.request()), wsc::http_head_reader::status::done);
    const auto& h = r.head();
    EXPECT_EQ(h.value("Origin"), "http://example.com");
    EXPECT_EQ(h.count("Sec-WebSocket-Protocol"), 0u);
    EXPECT_EQ(h.value("Sec-WebSocket-Extensions"), wsc::format_offers(cfg.deflate_offers));
    EXPECT_EQ(h.value("Cookie"), "a=b");
    EXPECT_EQ(h.count("Host"), 2u);  // extra headers go out verbatim, duplicates included
    EXPECT_EQ(h.headers.back().name, "Host");
}

TEST(client_handshake, client_key_is_16_random_bytes_in_base64) {
    auto cfg = default_config();
    cfg.random = wsc::system_random();
    wsc::client_handshake a(cfg), b(cfg);
    EXPECT_TRUE(wsc::is_valid_key(a.key()));
    EXPECT_TRUE(wsc::is_valid_key(b.key()));
    EXPECT_NE(a.key(), b.key());
}

TEST(client_handshake, client_requires_a_random_source) {
    auto cfg = default_config();
    cfg.random = nullptr;
    EXPECT_THROW(wsc::client_handshake{cfg}, std::invalid_argument);
}

TEST(client_handshake, client_accepts_a_valid_101) {
    auto c = client_accepts(response_builder{}.str());
    EXPECT_FALSE(c.subprotocol().has_value());
    EXPECT_FALSE(c.deflate().has_value());
    EXPECT_EQ(c.response().status, 101);
}

TEST(client_handshake, response_split_at_every_byte_gives_the_same_verdict) {
    const auto resp = response_builder{}.set("Sec-WebSocket-Protocol", "chat").str() + "\x81\x02hi";
    for (std::size_t cut = 0; cut <= resp.size(); ++cut) {
        wsc::client_handshake c(default_config());
        c.receive_data(resp.substr(0, cut));
        ASSERT_EQ(c.receive_data(resp.substr(cut)), handshake_status::accepted) << "cut at " << cut;
        EXPECT_EQ(c.subprotocol(), "chat");
        EXPECT_EQ(c.take_leftover(), "\x81\x02hi");
    }
}

TEST(client_handshake, frames_right_after_the_101_are_leftover) {
    auto c = client_accepts(response_builder{}.str() + "\x81\x05Hello");
    EXPECT_EQ(c.receive_data("\x89"), handshake_status::accepted);
    EXPECT_EQ(c.take_leftover(), "\x81\x05Hello\x89");
}

TEST(client_handshake, token_lists_and_case_variants_are_accepted) {
    client_accepts(response_builder{}.set("Connection", "keep-alive, Upgrade").str());
    client_accepts(response_builder{}.set("Connection", "UPGRADE").str());
    client_accepts(response_builder{}.set("Upgrade", "WebSocket").str());
    client_accepts(response_builder{}.remove("Upgrade").add("upgrade", "WEBSOCKET").str());
    client_accepts(response_builder{}.set("Sec-WebSocket-Accept", " " + wsc::compute_accept(counting_key) + "\t").str());
    auto r = response_builder{};
    r.reason = "";
    client_accepts(r.str());
}

// §4.1 item 1.
TEST(client_handshake, client_fails_on_status_other_than_101) {
    for (int status : {200, 100, 301, 400, 426}) {
        auto r = response_builder{};
        r.status = status;
        r.reason = "Whatever";
        client_fails_connection(r.str(), error::bad_status);
    }
    wsc::client_handshake c(default_config());
    auto r = response_builder{};
    r.status = 200;
    r.reason = "OK";
    c.receive_data(r.str());
    EXPECT_EQ(c.detail(), "the response status is 200 'OK', expected 101 (RFC 6455 §4.1 item 1)");
}

// §4.1 item 2.
TEST(client_handshake, client_fails_on_missing_or_wrong_upgrade) {
    client_fails_connection(response_builder{}.remove("Upgrade").str(), error::bad_response_upgrade);
    client_fails_connection(response_builder{}.set("Upgrade", "h2c").str(), error::bad_response_upgrade);
    client_fails_connection(response_builder{}.set("Upgrade", "websocket, h2c").str(), error::bad_response_upgrade);
    client_fails_connection(response_builder{}.set("Upgrade", "").str(), error::bad_response_upgrade);
}

// §4.1 item 3.
TEST(client_handshake, client_fails_on_missing_connection_upgrade) {
    client_fails_connection(response_builder{}.remove("Connection").str(), error::bad_response_connection);
    client_fails_connection(response_builder{}.set("Connection", "close").str(), error::bad_response_connection);
}

// §4.1 item 4, §11.3.3.
TEST(client_handshake, client_fails_on_wrong_accept) {
    client_fails_connection(response_builder{}.set("Sec-WebSocket-Accept", "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=").str(),
                            error::bad_accept);
    client_fails_connection(response_builder{}.remove("Sec-WebSocket-Accept").str(), error::bad_accept);
    client_fails_connection(response_builder{}.set("Sec-WebSocket-Accept", "").str(), error::bad_accept);
    client_fails_connection(response_builder{}.add("Sec-WebSocket-Accept", wsc::compute_accept(counting_key)).str(),
                            error::duplicate_header);
    wsc::client_handshake c(default_config());
    c.receive_data(response_builder{}.set("Sec-WebSocket-Accept", "x").str());
    EXPECT_EQ(c.detail(), "Sec-WebSocket-Accept is 'x', expected '" + wsc::compute_accept(counting_key) +
                              "' (RFC 6455 §4.1 item 4)");
}

// §4.1 item 6, §11.3.4.
TEST(client_handshake, client_fails_on_subprotocol_it_did_not_offer) {
    client_fails_connection(response_builder{}.set("Sec-WebSocket-Protocol", "mqtt").str(), error::unexpected_subprotocol);
    client_fails_connection(response_builder{}.set("Sec-WebSocket-Protocol", "Chat").str(), error::unexpected_subprotocol);
    client_fails_connection(response_builder{}.set("Sec-WebSocket-Protocol", "chat, superchat").str(),
                            error::unexpected_subprotocol);
    client_fails_connection(response_builder{}.set("Sec-WebSocket-Protocol", "").str(), error::unexpected_subprotocol);
    client_fails_connection(response_builder{}.set("Sec-WebSocket-Protocol", "chat").add("Sec-WebSocket-Protocol", "chat").str(),
                            error::duplicate_header);
    auto none = default_config();
    none.subprotocols.clear();
    client_fails_connection(response_builder{}.set("Sec-WebSocket-Protocol", "chat").str(), error::unexpected_subprotocol, none);
}

TEST(client_handshake, client_accepts_a_subprotocol_it_offered_or_none) {
    EXPECT_EQ(client_accepts(response_builder{}.set("Sec-WebSocket-Protocol", "superchat").str()).subprotocol(), "superchat");
    EXPECT_FALSE(client_accepts(response_builder{}.str()).subprotocol().has_value());
}

wsc::client_handshake_config deflate_client() {
    auto cfg = default_config();
    cfg.deflate_offers = {offer_any_client_window()};
    return cfg;
}

// §4.1 item 5.
TEST(client_handshake, client_fails_on_extension_it_did_not_offer) {
    client_fails_connection(response_builder{}.set("Sec-WebSocket-Extensions", "permessage-deflate").str(),
                            error::unexpected_extension);
    client_fails_connection(response_builder{}.set("Sec-WebSocket-Extensions", "x-webkit-deflate-frame").str(),
                            error::unexpected_extension, deflate_client());
    client_fails_connection(
        response_builder{}.set("Sec-WebSocket-Extensions", "permessage-deflate, x-webkit-deflate-frame").str(),
        error::unexpected_extension, deflate_client());
}

TEST(client_handshake, client_accepts_permessage_deflate_it_offered) {
    auto c = client_accepts(response_builder{}.set("Sec-WebSocket-Extensions", "permessage-deflate").str(), deflate_client());
    ASSERT_TRUE(c.deflate().has_value());
    EXPECT_EQ(c.deflate()->server_max_window_bits, 15);
    auto d = client_accepts(response_builder{}
                                .set("Sec-WebSocket-Extensions", "permessage-deflate; server_no_context_takeover")
                                .str(),
                            deflate_client());
    ASSERT_TRUE(d.deflate().has_value());
    EXPECT_TRUE(d.deflate()->server_no_context_takeover);
}

// RFC 7692 §5, §7.1.
TEST(client_handshake, client_fails_on_bad_permessage_deflate_answers) {
    client_fails_connection(response_builder{}.set("Sec-WebSocket-Extensions", "permessage-deflate; bogus").str(),
                            error::bad_extension_response, deflate_client());
    client_fails_connection(
        response_builder{}.set("Sec-WebSocket-Extensions", "permessage-deflate, permessage-deflate").str(),
        error::bad_extension_response, deflate_client());
    client_fails_connection(response_builder{}
                                .set("Sec-WebSocket-Extensions", "permessage-deflate")
                                .add("Sec-WebSocket-Extensions", "permessage-deflate")
                                .str(),
                            error::bad_extension_response, deflate_client());
    client_fails_connection(response_builder{}.set("Sec-WebSocket-Extensions", "permessage-deflate; =1").str(),
                            error::bad_extension_response, deflate_client());
}

TEST(client_handshake, client_fails_on_malformed_or_oversize_response) {
    client_fails_connection("HTTP/1.1 101 Switching Protocols\nUpgrade: websocket\n\n", error::handshake_malformed);
    auto cfg = default_config();
    cfg.max_head_size = 64;
    client_fails_connection(response_builder{}.str(), error::handshake_too_large, cfg);
}

TEST(client_handshake, every_client_side_error_is_reachable) {
    auto not_101 = response_builder{};
    not_101.status = 403;
    struct row {
        error e;
        std::string response;
        wsc::client_handshake_config cfg;
    };
    const std::vector<row> rows = {
        {error::bad_status, not_101.str(), default_config()},
        {error::bad_response_upgrade, response_builder{}.remove("Upgrade").str(), default_config()},
        {error::bad_response_connection, response_builder{}.remove("Connection").str(), default_config()},
        {error::bad_accept, response_builder{}.set("Sec-WebSocket-Accept", "x").str(), default_config()},
        {error::unexpected_extension, response_builder{}.set("Sec-WebSocket-Extensions", "foo").str(), default_config()},
        {error::unexpected_subprotocol, response_builder{}.set("Sec-WebSocket-Protocol", "foo").str(), default_config()},
        {error::bad_extension_response,
         response_builder{}.set("Sec-WebSocket-Extensions", "permessage-deflate; x=1").str(), deflate_client()},
    };
    EXPECT_EQ(rows.size(), static_cast<std::size_t>(error::bad_extension_response) -
                               static_cast<std::size_t>(error::bad_status) + 1);
    for (const auto& r : rows) {
        SCOPED_TRACE(std::string(wsc::name_of(r.e)));
        client_fails_connection(r.response, r.e, r.cfg);
    }
}

// Our client against our server, each seeing the other's bytes exactly.
struct round_trip_case {
    const char* name;
    std::vector<std::string> client_protocols, server_protocols;
    std::vector<wsc::deflate_offer> offers;
    bool server_deflate;
    std::optional<std::string> expected_protocol;
    bool expect_deflate;
};

void PrintTo(const round_trip_case& c, std::ostream* os) { *os << c.name; }

const std::string masked_empty_text(std::string("\x81\x80\x00\x00\x00\x00", 6));
const std::string unmasked_empty_text(std::string("\x81\x00", 2));

class round_trip : public ::testing::TestWithParam<round_trip_case> {};

TEST_P(round_trip, client_and_server_agree) {
    const auto& p = GetParam();
    auto ccfg = default_config();
    ccfg.subprotocols = p.client_protocols;
    ccfg.deflate_offers = p.offers;
    ccfg.origin = "https://example.com";
    ccfg.random = wsc::fixed_random(0x37fa213d);
    wsc::server_handshake_config scfg;
    scfg.subprotocols = p.server_protocols;
    scfg.deflate.enabled = p.server_deflate;
    scfg.origin_allowed = [](std::optional<std::string_view> o) { return o == "https://example.com"; };

    wsc::client_handshake client(ccfg);
    wsc::server_handshake server(scfg);
    ASSERT_EQ(server.receive_data(client.request() + masked_empty_text), handshake_status::accepted)
        << server.detail();
    ASSERT_EQ(client.receive_data(server.response() + unmasked_empty_text), handshake_status::accepted) << client.detail();

    EXPECT_EQ(server.subprotocol(), p.expected_protocol);
    EXPECT_EQ(client.subprotocol(), p.expected_protocol);
    ASSERT_EQ(server.deflate().has_value(), p.expect_deflate);
    ASSERT_EQ(client.deflate().has_value(), p.expect_deflate);
    if (p.expect_deflate) {
        EXPECT_EQ(server.deflate()->server_no_context_takeover, client.deflate()->server_no_context_takeover);
        EXPECT_EQ(server.deflate()->client_no_context_takeover, client.deflate()->client_no_context_takeover);
        EXPECT_EQ(server.deflate()->server_max_window_bits, client.deflate()->server_max_window_bits);
        EXPECT_EQ(server.deflate()->client_max_window_bits, client.deflate()->client_max_window_bits);
    }
    EXPECT_EQ(server.take_leftover(), masked_empty_text);
    EXPECT_EQ(client.take_leftover(), unmasked_empty_text);
}

INSTANTIATE_TEST_SUITE_P(
    rfc6455_4, round_trip,
    ::testing::Values(
        round_trip_case{"plain", {}, {}, {}, false, std::nullopt, false},
        round_trip_case{"subprotocol", {"chat", "superchat"}, {"superchat", "chat"}, {}, false, "superchat", false},
        round_trip_case{"no_common_subprotocol", {"chat"}, {"mqtt"}, {}, false, std::nullopt, false},
        round_trip_case{"deflate", {}, {}, {wsc::deflate_offer{}}, true, std::nullopt, true},
        round_trip_case{"deflate_declined", {}, {}, {wsc::deflate_offer{}}, false, std::nullopt, false},
        round_trip_case{"deflate_params",
                        {"chat"},
                        {"chat"},
                        {wsc::deflate_offer{.server_no_context_takeover = true,
                                            .client_no_context_takeover = true,
                                            .server_max_window_bits = 10,
                                            .client_max_window_bits = true,
                                            .client_max_window_bits_value = 12},
                         wsc::deflate_offer{}},
                        true,
                        "chat",
                        true}),
    [](const ::testing::TestParamInfo<round_trip_case>& info) { return std::string(info.param.name); });

}  // namespace
