// The server's half of the opening handshake: RFC 6455 §4.2.1 checks on the
// client's request, §4.2.2 choices and answers, and the error responses of §4.2.2
// and §4.4. Every rejection is reached here with its enumerator and HTTP status.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "wsc/handshake.hpp"

namespace {

using wsc::error;
using wsc::handshake_status;
using wsc::http_header;

// A client's opening handshake, valid unless a test changes it: the RFC 6455 §1.3
// example request.
struct request_builder {
    std::string method = "GET", target = "/chat", version = "HTTP/1.1";
    std::vector<http_header> headers = {
        {"Host", "server.example.com"},
        {"Upgrade", "websocket"},
        {"Connection", "Upgrade"},
        {"Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="},
        {"Origin", "http://example.com"},
        {"Sec-WebSocket-Protocol", "chat, superchat"},
        {"Sec-WebSocket-Version", "13"},
    };

    request_builder& set(const std::string& name, const std::string& value) {
        bool replaced = false;
        for (auto& h : headers)
            if (h.name == name) h.value = value, replaced = true;
        if (!replaced) headers.push_back({name, value});
        return *this;
    }
    request_builder& add(const std::string& name, const std::string& value) {
        headers.push_back({name, value});
        return *this;
    }
    request_builder& remove(const std::string& name) {
        std::erase_if(headers, [&](const http_header& h) { return h.name == name; });
        return *this;
    }
    std::string str() const {
        std::string out = method + " " + target + " " + version + "\r\n";
        for (const auto& h : headers) out += h.name + ": " + h.value + "\r\n";
        return out + "\r\n";
    }
};

wsc::server_handshake_config default_config() {
    wsc::server_handshake_config cfg;
    cfg.subprotocols = {"chat"};
    return cfg;
}

// Parses what the server wrote back, as a client would.
wsc::http_head parse_response(const std::string& bytes) {
    wsc::http_head_reader r(wsc::http_head_reader::kind::response, 64 * 1024);
    EXPECT_EQ(r.receive(bytes), wsc::http_head_reader::status::done) << bytes;
    return r.head();
}

// RFC-vocabulary assertion: the server refuses the handshake with `e`, answers
// with `http_status`, and closes.
void server_rejects(const std::string& request, error e, int http_status,
                    wsc::server_handshake_config cfg = default_config()) {
    wsc::server_handshake s(std::move(cfg));
    ASSERT_EQ(s.receive_data(request), handshake_status::rejected) << request;
    EXPECT_EQ(s.failure(), e) << "got " << wsc::name_of(s.failure()) << ": " << s.detail();
    EXPECT_EQ(s.http_status(), http_status);
    EXPECT_EQ(s.http_status(), wsc::describe(e).http_status);
    EXPECT_FALSE(s.detail().empty());
    EXPECT_FALSE(s.subprotocol().has_value());
    EXPECT_FALSE(s.deflate().has_value());
    const auto head = parse_response(s.response());
    EXPECT_EQ(head.status, http_status);
    EXPECT_EQ(head.count("Connection"), 1u);
    EXPECT_TRUE(wsc::has_token(head.value("Connection").value_or(""), "close"));
    EXPECT_EQ(head.value("Content-Type"), "text/plain; charset=utf-8");
    const auto body_at = s.response().find("\r\n\r\n") + 4;
    const auto body = s.response().substr(body_at);
    EXPECT_EQ(head.value("Content-Length"), std::to_string(body.size()));
    EXPECT_NE(body.find(std::string(wsc::describe(e).section)), std::string::npos) << body;
    EXPECT_NE(body.find(s.detail()), std::string::npos) << body;
    // The verdict is final.
    EXPECT_EQ(s.receive_data(request), handshake_status::rejected);
    EXPECT_EQ(s.failure(), e);
}

wsc::server_handshake server_accepts(const std::string& request, wsc::server_handshake_config cfg = default_config()) {
    wsc::server_handshake s(std::move(cfg));
    EXPECT_EQ(s.receive_data(request), handshake_status::accepted)
        << wsc::name_of(s.failure()) << ": " << s.detail() << "\n" << request;
    EXPECT_EQ(s.failure(), error::none);
    EXPECT_EQ(s.http_status(), 101);
    return s;
}

TEST(server_handshake, server_accepts_rfc_6455_example_request) {
    auto s = server_accepts(request_builder{}.str());
    EXPECT_EQ(s.response(),
              "HTTP/1.1 101 Switching Protocols\r\n"
              "Upgrade: websocket\r\n"
              "Connection: Upgrade\r\n"
              "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
              "Sec-WebSocket-Protocol: chat\r\n"
              "\r\n");
    EXPECT_EQ(s.subprotocol(), "chat");
    EXPECT_FALSE(s.deflate().has_value());
    EXPECT_EQ(s.request().target, "/chat");
    EXPECT_EQ(s.take_leftover(), "");
}

TEST(server_handshake, server_needs_more_until_the_blank_line) {
    wsc::server_handshake s(default_config());
    const auto req = request_builder{}.str();
    EXPECT_EQ(s.receive_data(req.substr(0, req.size() - 1)), handshake_status::need_more);
    EXPECT_TRUE(s.response().empty());
    EXPECT_EQ(s.receive_data(req.substr(req.size() - 1)), handshake_status::accepted);
}

TEST(server_handshake, request_split_at_every_byte_gives_the_same_response) {
    const auto req = request_builder{}.str() + "\x81\x80\x01\x02\x03\x04";
    const auto whole = server_accepts(req);
    for (std::size_t cut = 0; cut <= req.size(); ++cut) {
        wsc::server_handshake s(default_config());
        s.receive_data(req.substr(0, cut));
        ASSERT_EQ(s.receive_data(req.substr(cut)), handshake_status::accepted) << "cut at " << cut;
        EXPECT_EQ(s.response(), whole.response());
        EXPECT_EQ(s.take_leftover(), "\x81\x80\x01\x02\x03\x04");
    }
    wsc::server_handshake s(default_config());
    handshake_status st = handshake_status::need_more;
    for (char c : req) st = s.receive_data(std::string_view(&c, 1));
    EXPECT_EQ(st, handshake_status::accepted);
    EXPECT_EQ(s.response(), whole.response());
    EXPECT_EQ(s.take_leftover(), "\x81\x80\x01\x02\x03\x04");
}

TEST(server_handshake, pipelined_bytes_after_the_request_are_leftover) {
    const std::string frame = "\x81\x85\x37\xfa\x21\x3d\x7f\x9f\x4d\x51\x58";  // RFC 6455 §5.7 masked "Hello"
    auto s = server_accepts(request_builder{}.str() + frame);
    EXPECT_EQ(s.receive_data("more"), handshake_status::accepted);
    EXPECT_EQ(s.take_leftover(), frame + "more");
}

TEST(server_handshake, token_lists_and_case_variants_are_accepted) {
    server_accepts(request_builder{}.set("Connection", "keep-alive, Upgrade").str());
    server_accepts(request_builder{}.set("Connection", "upgrade").str());
    server_accepts(request_builder{}.set("Connection", "keep-alive").add("Connection", "UPGRADE").str());
    server_accepts(request_builder{}.remove("Upgrade").add("upgrade", "WebSocket").str());
    server_accepts(request_builder{}.set("Upgrade", "h2c, websocket").str());
    server_accepts(request_builder{}.remove("Connection").add("CONNECTION", "Upgrade").str());
    server_accepts(request_builder{}.remove("Sec-WebSocket-Key").add("sec-websocket-key", "dGhlIHNhbXBsZSBub25jZQ==").str());
    server_accepts(request_builder{}.set("Sec-WebSocket-Key", "  dGhlIHNhbXBsZSBub25jZQ==\t").str());
}

TEST(server_handshake, later_http_1_minor_versions_are_accepted) {
    auto b = request_builder{};
    b.version = "HTTP/1.2";
    server_accepts(b.str());
}

TEST(server_handshake, empty_host_is_present) {
    // RFC 9112 §3.2: an empty Host is how a client says the target has no authority.
    server_accepts(request_builder{}.set("Host", "").str());
}

TEST(server_handshake, extra_response_headers_follow_the_handshake_headers) {
    auto cfg = default_config();
    cfg.extra_response_headers = {{"Server", "wsconform"}};
    auto s = server_accepts(request_builder{}.str(), cfg);
    EXPECT_NE(s.response().find("Sec-WebSocket-Protocol: chat\r\nServer: wsconform\r\n\r\n"), std::string::npos);
}

// §4.2.1 item 1.
TEST(server_handshake, server_rejects_methods_other_than_get) {
    auto b = request_builder{};
    b.method = "POST";
    server_rejects(b.str(), error::bad_method, 400);
    b.method = "get";  // methods are case-sensitive
    server_rejects(b.str(), error::bad_method, 400);
}

TEST(server_handshake, server_rejects_http_versions_below_1_1) {
    auto b = request_builder{};
    b.version = "HTTP/1.0";
    server_rejects(b.str(), error::bad_http_version, 400);
    b.version = "HTTP/0.9";
    server_rejects(b.str(), error::bad_http_version, 400);
}

TEST(server_handshake, server_rejects_http_2_in_a_text_request_line) {
    auto b = request_builder{};
    b.version = "HTTP/2.0";
    server_rejects(b.str(), error::bad_http_version, 400);
}

// §4.2.1 item 2, RFC 9112 §3.2.
TEST(server_handshake, server_rejects_missing_or_repeated_host) {
    server_rejects(request_builder{}.remove("Host").str(), error::missing_host, 400);
    server_rejects(request_builder{}.add("Host", "other.example.com").str(), error::duplicate_header, 400);
}

// §4.2.1 item 3.
TEST(server_handshake, server_rejects_missing_upgrade) {
    server_rejects(request_builder{}.remove("Upgrade").str(), error::missing_upgrade, 400);
    server_rejects(request_builder{}.set("Upgrade", "h2c").str(), error::missing_upgrade, 400);
    server_rejects(request_builder{}.set("Upgrade", "websockets").str(), error::missing_upgrade, 400);
    server_rejects(request_builder{}.set("Upgrade", "").str(), error::missing_upgrade, 400);
}

// §4.2.1 item 4.
TEST(server_handshake, server_rejects_missing_connection_upgrade) {
    server_rejects(request_builder{}.remove("Connection").str(), error::missing_connection, 400);
    server_rejects(request_builder{}.set("Connection", "keep-alive").str(), error::missing_connection, 400);
    server_rejects(request_builder{}.set("Connection", "Upgrade-Insecure").str(), error::missing_connection, 400);
}

// §4.2.1 item 5, §11.3.1.
TEST(server_handshake, server_rejects_keys_that_are_not_16_bytes_of_base64) {
    server_rejects(request_builder{}.remove("Sec-WebSocket-Key").str(), error::bad_key, 400);
    server_rejects(request_builder{}.set("Sec-WebSocket-Key", "AAAAAAAAAAAAAAAAAAAA").str(), error::bad_key, 400);
    server_rejects(request_builder{}.set("Sec-WebSocket-Key", "AAAAAAAAAAAAAAAAAAAAAAA=").str(), error::bad_key, 400);
    server_rejects(request_builder{}.set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ").str(), error::bad_key, 400);
    server_rejects(request_builder{}.set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ!=").str(), error::bad_key, 400);
    server_rejects(request_builder{}.set("Sec-WebSocket-Key", "not a key").str(), error::bad_key, 400);
    server_rejects(request_builder{}.set("Sec-WebSocket-Key", "").str(), error::bad_key, 400);
    server_rejects(request_builder{}.add("Sec-WebSocket-Key", "AAAAAAAAAAAAAAAAAAAAAA==").str(),
                   error::duplicate_header, 400);
}

TEST(server_handshake, bad_key_detail_says_how_many_bytes) {
    wsc::server_handshake s(default_config());
    s.receive_data(request_builder{}.set("Sec-WebSocket-Key", "AAAAAAAAAAAAAAAAAAAA").str());
    EXPECT_EQ(s.detail(), "Sec-WebSocket-Key 'AAAAAAAAAAAAAAAAAAAA' decodes to 15 bytes, not 16 (RFC 6455 §4.2.1 item 5)");
}

// §4.2.1 item 6, §4.4, §11.3.5.
TEST(server_handshake, server_answers_other_versions_with_426_and_version_13) {
    for (auto b : {request_builder{}.set("Sec-WebSocket-Version", "8"), request_builder{}.set("Sec-WebSocket-Version", "25"),
                   request_builder{}.set("Sec-WebSocket-Version", "13, 8"), request_builder{}.remove("Sec-WebSocket-Version")}) {
        server_rejects(b.str(), error::bad_version, 426);
        wsc::server_handshake s(default_config());
        s.receive_data(b.str());
        const auto head = parse_response(s.response());
        EXPECT_EQ(head.reason, "Upgrade Required");
        EXPECT_EQ(head.value("Sec-WebSocket-Version"), "13");
        EXPECT_TRUE(wsc::has_token(*head.value("Upgrade"), "websocket"));
        EXPECT_TRUE(wsc::has_token(*head.value("Connection"), "Upgrade"));
    }
    server_rejects(request_builder{}.add("Sec-WebSocket-Version", "13").str(), error::duplicate_header, 400);
}

// §4.2.2 item 4, RFC 6454 §7.3.
TEST(server_handshake, origin_policy_refuses_with_403) {
    auto cfg = default_config();
    cfg.origin_allowed = [](std::optional<std::string_view> o) { return o == "https://good.example"; };
    server_rejects(request_builder{}.str(), error::origin_rejected, 403, cfg);
    server_rejects(request_builder{}.remove("Origin").str(), error::origin_rejected, 403, cfg);
    server_accepts(request_builder{}.set("Origin", "https://good.example").str(), cfg);
    server_rejects(request_builder{}.add("Origin", "https://good.example").str(), error::duplicate_header, 400, cfg);
}

TEST(server_handshake, without_origin_policy_any_origin_or_none_is_accepted) {
    server_accepts(request_builder{}.remove("Origin").str());
    server_accepts(request_builder{}.set("Origin", "null").str());
}

TEST(server_handshake, malformed_request_is_answered_with_400) {
    server_rejects("GET / HTTP/1.1\r\nHost : a\r\n\r\n", error::handshake_malformed, 400);
    server_rejects("GET /\r\n\r\n", error::handshake_malformed, 400);
    using namespace std::string_literals;  // a TLS ClientHello holds NULs
    server_rejects("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n"s, error::handshake_malformed, 400);
}

TEST(server_handshake, oversize_request_is_answered_with_431) {
    auto cfg = default_config();
    cfg.max_head_size = 1024;
    server_rejects(request_builder{}.add("Cookie", std::string(2000, 'c')).str(), error::handshake_too_large, 431, cfg);
}

// §4.2.2 item 5.4: the server picks by its own preference among what was offered.
TEST(server_handshake, subprotocol_is_the_servers_first_choice_that_was_offered) {
    auto cfg = default_config();
    cfg.subprotocols = {"superchat", "chat"};
    EXPECT_EQ(server_accepts(request_builder{}.str(), cfg).subprotocol(), "superchat");
    cfg.subprotocols = {"v2", "chat"};
    EXPECT_EQ(server_accepts(request_builder{}.str(), cfg).subprotocol(), "chat");
    // Offers split over several lines form one list (§11.3.4).
    cfg.subprotocols = {"mqtt"};
    EXPECT_EQ(server_accepts(request_builder{}.add("Sec-WebSocket-Protocol", "mqtt").str(), cfg).subprotocol(), "mqtt");
}

TEST(server_handshake, no_common_subprotocol_is_not_an_error) {
    auto cfg = default_config();
    cfg.subprotocols = {"mqtt"};
    auto s = server_accepts(request_builder{}.str(), cfg);
    EXPECT_FALSE(s.subprotocol().has_value());
    EXPECT_EQ(s.response().find("Sec-WebSocket-Protocol"), std::string::npos);
    cfg.subprotocols = {"CHAT"};  // names compare exactly
    EXPECT_FALSE(server_accepts(request_builder{}.str(), cfg).subprotocol().has_value());
    EXPECT_FALSE(server_accepts(request_builder{}.remove("Sec-WebSocket-Protocol").str()).subprotocol().has_value());
}

wsc::server_handshake_config deflate_config() {
    auto cfg = default_config();
    cfg.deflate.enabled = true;
    return cfg;
}

TEST(server_handshake, permessage_deflate_is_declined_when_disabled) {
    auto s = server_accepts(request_builder{}.set("Sec-WebSocket-Extensions", "permessage-deflate").str());
    EXPECT_FALSE(s.deflate().has_value());
    EXPECT_EQ(s.response().find("Sec-WebSocket-Extensions"), std::string::npos);
    // Disabled means the header is not even read.
    server_accepts(request_builder{}.set("Sec-WebSocket-Extensions", ";;;").str());
}

TEST(server_handshake, permessage_deflate_is_accepted_when_enabled) {
    auto s = server_accepts(request_builder{}.set("Sec-WebSocket-Extensions", "permessage-deflate").str(), deflate_config());
    ASSERT_TRUE(s.deflate().has_value());
    const auto head = parse_response(s.response());
    ASSERT_EQ(head.count("Sec-WebSocket-Extensions"), 1u);
    EXPECT_EQ(head.value("Sec-WebSocket-Extensions")->substr(0, 18), "permessage-deflate");
}

TEST(server_handshake, unknown_extensions_are_declined_silently) {
    auto s = server_accepts(request_builder{}.set("Sec-WebSocket-Extensions", "x-webkit-foo; bar=1, mux").str(),
                            deflate_config());
    EXPECT_FALSE(s.deflate().has_value());
    EXPECT_EQ(s.response().find("Sec-WebSocket-Extensions"), std::string::npos);
    // Next to one we know, over two lines (§11.3.2).
    auto t = server_accepts(
        request_builder{}.set("Sec-WebSocket-Extensions", "x-foo").add("Sec-WebSocket-Extensions", "permessage-deflate").str(),
        deflate_config());
    EXPECT_TRUE(t.deflate().has_value());
}

TEST(server_handshake, extension_header_that_breaks_the_grammar_is_a_bad_offer) {
    server_rejects(request_builder{}.set("Sec-WebSocket-Extensions", "permessage-deflate; =7").str(),
                   error::bad_extension_offer, 400, deflate_config());
    server_rejects(request_builder{}.set("Sec-WebSocket-Extensions", "permessage deflate").str(),
                   error::bad_extension_offer, 400, deflate_config());
}

// RFC 7692 §7: a server MUST decline (not refuse the handshake over) an offer with
// bad parameters; only a header that breaks the §9.1 grammar is a bad request.
TEST(server_handshake, malformed_permessage_deflate_offer_is_declined) {
    for (const char* offer : {"permessage-deflate; server_max_window_bits=7", "permessage-deflate; no_such_param"}) {
        wsc::server_handshake hs(deflate_config());
        ASSERT_EQ(hs.receive_data(request_builder{}.set("Sec-WebSocket-Extensions", offer).str()),
                  wsc::handshake_status::accepted)
            << offer;
        EXPECT_FALSE(hs.deflate()) << offer;
        EXPECT_EQ(hs.response().find("Sec-WebSocket-Extensions"), std::string::npos) << offer;
    }
}

TEST(server_handshake, every_server_side_error_is_reachable) {
    // The handshake_* and server-side enumerators of error.hpp, each with a request
    // that produces it; a new enumerator without a row here fails the count.
    auto too_big = default_config();
    too_big.max_head_size = 64;
    auto picky = default_config();
    picky.origin_allowed = [](std::optional<std::string_view>) { return false; };
    auto post = request_builder{};
    post.method = "PUT";
    auto old = request_builder{};
    old.version = "HTTP/1.0";
    struct row {
        error e;
        std::string request;
        wsc::server_handshake_config cfg;
    };
    const std::vector<row> rows = {
        {error::handshake_malformed, "GET / HTTP/1.1\nHost: a\n\n", default_config()},
        {error::handshake_too_large, request_builder{}.str(), too_big},
        {error::bad_method, post.str(), default_config()},
        {error::bad_http_version, old.str(), default_config()},
        {error::missing_host, request_builder{}.remove("Host").str(), default_config()},
        {error::duplicate_header, request_builder{}.add("Host", "x").str(), default_config()},
        {error::missing_upgrade, request_builder{}.remove("Upgrade").str(), default_config()},
        {error::missing_connection, request_builder{}.remove("Connection").str(), default_config()},
        {error::bad_key, request_builder{}.set("Sec-WebSocket-Key", "x").str(), default_config()},
        {error::bad_version, request_builder{}.set("Sec-WebSocket-Version", "7").str(), default_config()},
        {error::origin_rejected, request_builder{}.str(), picky},
        {error::bad_extension_offer, request_builder{}.set("Sec-WebSocket-Extensions", ",;,").str(), deflate_config()},
    };
    EXPECT_EQ(rows.size(), static_cast<std::size_t>(error::bad_extension_offer) -
                               static_cast<std::size_t>(error::handshake_malformed) + 1);
    for (const auto& r : rows) {
        SCOPED_TRACE(std::string(wsc::name_of(r.e)));
        server_rejects(r.request, r.e, wsc::describe(r.e).http_status, r.cfg);
    }
}

}  // namespace
