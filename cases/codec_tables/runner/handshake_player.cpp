// Plays handshake rows: the request (server) or response (client) in pieces,
// then the verdict, the answer's headers and what was agreed.
#include <gtest/gtest.h>

#include <algorithm>

#include "byte_builder.hpp"
#include "players.hpp"
#include "wsc/extensions.hpp"
#include "wsc/handshake.hpp"
#include "wsc/http.hpp"

namespace wsc::tables {
namespace {

const char* status_name(handshake_status s) {
    switch (s) {
    case handshake_status::need_more: return "need_more";
    case handshake_status::accepted: return "accepted";
    case handshake_status::rejected: return "rejected";
    }
    return "?";
}

// Reads a head the codec produced; a failure here is a finding in itself.
std::optional<http_head> read_head(const std::string& text, http_head_reader::kind k, const char* what) {
    http_head_reader reader(k, 1 << 20);
    if (reader.receive(text) != http_head_reader::status::done) {
        ADD_FAILURE() << what << " is not a complete HTTP head (" << reader.detail() << "):\n" << text;
        return std::nullopt;
    }
    return reader.head();
}

void check_headers(const http_head& head, const std::vector<http_header>& want, const std::vector<std::string>& absent,
                   const char* what) {
    for (const auto& h : want) {
        const auto n = head.count(h.name);
        if (n != 1) {
            ADD_FAILURE() << what << " has " << n << " " << h.name << " headers, expected one with value \"" << h.value
                          << "\"";
            continue;
        }
        EXPECT_EQ(std::string(*head.value(h.name)), h.value) << what << " header " << h.name;
    }
    for (const auto& name : absent)
        EXPECT_EQ(head.count(name), 0u) << what << " must not carry " << name << " (it has \""
                                        << std::string(head.value(name).value_or("")) << "\")";
}

bool same_params(const std::optional<deflate_params>& a, const std::optional<deflate_params>& b) {
    if (a.has_value() != b.has_value()) return false;
    if (!a) return true;
    return a->server_no_context_takeover == b->server_no_context_takeover &&
           a->client_no_context_takeover == b->client_no_context_takeover &&
           a->server_max_window_bits == b->server_max_window_bits &&
           a->client_max_window_bits == b->client_max_window_bits;
}

void check_extension_params(const http_head& head, const extension_param_check& chk) {
    std::vector<extension> exts;
    std::string joined;
    for (auto v : head.values("Sec-WebSocket-Extensions")) joined += (joined.empty() ? "" : ", ") + std::string(v);
    if (!parse_extensions(joined, exts)) {
        ADD_FAILURE() << "response Sec-WebSocket-Extensions \"" << joined << "\" does not parse";
        return;
    }
    auto it = std::find_if(exts.begin(), exts.end(), [](const extension& e) { return e.name == "permessage-deflate"; });
    if (it == exts.end()) {
        ADD_FAILURE() << "response accepts no permessage-deflate (Sec-WebSocket-Extensions: \"" << joined << "\")";
        return;
    }
    auto find = [&](const std::string& name) {
        return std::find_if(it->params.begin(), it->params.end(), [&](const extension_param& p) { return p.name == name; });
    };
    for (const auto& name : chk.include)
        EXPECT_NE(find(name), it->params.end()) << "the response must carry " << name << ": \"" << joined << "\"";
    for (const auto& name : chk.exclude)
        EXPECT_EQ(find(name), it->params.end()) << "the response must not carry " << name << ": \"" << joined << "\"";
    for (const auto& [name, value] : chk.values) {
        auto p = find(name);
        if (p == it->params.end()) {
            ADD_FAILURE() << "the response must carry " << name << "=" << value << ": \"" << joined << "\"";
            continue;
        }
        EXPECT_EQ(p->value.value_or("(no value)"), value) << "value of " << name << " in \"" << joined << "\"";
    }
}

}  // namespace

void play_server_handshake(const server_handshake_case& c, const chunking& how) {
    server_handshake_config cfg;
    cfg.subprotocols = c.subprotocols;
    if (c.origin_allow) {
        cfg.origin_allowed = [allow = *c.origin_allow, missing = c.origin_allow_missing](std::optional<std::string_view> o) {
            if (!o) return missing;
            return std::find(allow.begin(), allow.end(), *o) != allow.end();
        };
    }
    cfg.deflate = c.deflate;
    cfg.extra_response_headers = c.extra_response_headers;
    cfg.max_head_size = c.max_head_size;
    server_handshake hs(cfg);

    handshake_status st = handshake_status::need_more;
    for (std::string_view piece : split(c.request, how)) st = hs.receive_data(piece);

    EXPECT_STREQ(status_name(st), status_name(c.status)) << "verdict (detail: " << hs.detail() << ")";
    EXPECT_EQ(name_of(hs.failure()), name_of(c.failure)) << "error (detail: " << hs.detail() << ")";
    if (c.status == handshake_status::need_more) return;
    if (c.http_status) {
        EXPECT_EQ(hs.http_status(), *c.http_status) << "HTTP status";
    }

    if (auto head = read_head(hs.response(), http_head_reader::kind::response, "the response")) {
        EXPECT_EQ(head->status, hs.http_status()) << "status line vs http_status()";
        check_headers(*head, c.headers, c.absent_headers, "the response");
        if (c.extension_params) check_extension_params(*head, *c.extension_params);
    }
    if (c.subprotocol) {
        EXPECT_EQ(hs.subprotocol(), *c.subprotocol) << "selected subprotocol";
    }
    if (c.deflate_agreed) {
        EXPECT_TRUE(same_params(hs.deflate(), *c.deflate_agreed))
            << "agreed " << describe(hs.deflate()) << ", expected " << describe(*c.deflate_agreed);
    }
    if (c.leftover) {
        const std::string left = hs.take_leftover();
        if (left != *c.leftover) ADD_FAILURE() << "octets after the head differ" << first_difference(*c.leftover, left);
    }
}

void play_client_handshake(const client_handshake_case& c, const chunking& how) {
    client_handshake_config cfg;
    cfg.host = c.host;
    cfg.target = c.target;
    cfg.origin = c.origin;
    cfg.subprotocols = c.subprotocols;
    cfg.deflate_offers = c.offers;
    cfg.extra_headers = c.extra_headers;
    cfg.max_head_size = c.max_head_size;
    cfg.random = [nonce = c.key_octets](std::uint8_t* out, std::size_t n) {
        for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<std::uint8_t>(nonce[i % nonce.size()]);
    };
    client_handshake hs(cfg);

    if (auto head = read_head(hs.request(), http_head_reader::kind::request, "the request")) {
        if (c.request_line) {
            EXPECT_EQ(head->method + " " + head->target + " " + head->version, *c.request_line) << "request line";
        }
        check_headers(*head, c.request_headers, c.request_absent_headers, "the request");
    }

    handshake_status st = handshake_status::need_more;
    for (std::string_view piece : split(c.response, how)) st = hs.receive_data(piece);
    EXPECT_STREQ(status_name(st), status_name(c.status)) << "verdict (detail: " << hs.detail() << ")";
    EXPECT_EQ(name_of(hs.failure()), name_of(c.failure)) << "error (detail: " << hs.detail() << ")";
    if (c.subprotocol) {
        EXPECT_EQ(hs.subprotocol(), *c.subprotocol) << "selected subprotocol";
    }
    if (c.deflate_agreed) {
        EXPECT_TRUE(same_params(hs.deflate(), *c.deflate_agreed))
            << "agreed " << describe(hs.deflate()) << ", expected " << describe(*c.deflate_agreed);
    }
    if (c.leftover) {
        const std::string left = hs.take_leftover();
        if (left != *c.leftover) ADD_FAILURE() << "octets after the head differ" << first_difference(*c.leftover, left);
    }
}

}  // namespace wsc::tables
