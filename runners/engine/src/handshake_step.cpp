// The opening handshake in both roles (catalogue.md §4, §5): the fuzzer-as-client
// sends Autobahn's request and checks the 101 with wsc::client_handshake; the
// fuzzer-as-server reads the request with wsc::server_handshake under the case's
// permessage-deflate acceptance. Handshake cases (section 0) are in handshake_case.cpp.
#include "session_impl.hpp"

#ifndef WSC_ENGINE_VERSION
#define WSC_ENGINE_VERSION "0.0.0"
#endif

namespace wsc::engine {

namespace {

constexpr const char* product = "wsconform/" WSC_ENGINE_VERSION;

// One Autobahn (requestNoContextTakeover, requestMaxWindowBits) tuple as a client
// offer: Autobahn always advertises client_no_context_takeover and a bare
// client_max_window_bits, and asks the server for the tuple's parameters.
deflate_offer offer_of(const catalogue::DeflateParams& p) {
    deflate_offer o;
    o.client_no_context_takeover = true;
    o.client_max_window_bits = true;
    o.server_no_context_takeover = p.no_context_takeover;
    if (p.max_window_bits) o.server_max_window_bits = static_cast<std::uint8_t>(p.max_window_bits);
    return o;
}

}  // namespace

void session::impl::start_handshake() {
    if (tc.kind == catalogue::Kind::handshake) {
        const double limit = tc.expect_response ? tc.expect_response->timeout
                             : tc.expect_client ? tc.expect_client->timeout
                                                : cfg.limits.open_handshake_s;
        timers.push_back(timer{now + limit, timer_kind::handshake_expect, std::nullopt, false, ++timer_seq});
        if (fuzzer_is_client) start_raw_request();
        else raw_reader.emplace(http_head_reader::kind::request, 64 * 1024);
        return;
    }
    timers.push_back(timer{now + cfg.limits.open_handshake_s, timer_kind::open_handshake, std::nullopt, false,
                           ++timer_seq});
    if (fuzzer_is_client) build_client_request();
}

void session::impl::build_client_request() {
    client_handshake_config hc;
    hc.host = cfg.host;
    hc.target = cfg.target;
    hc.origin = cfg.origin;
    hc.random = cfg.random;
    std::string extensions;
    if (tc.compression) {
        for (const auto& p : tc.compression->offers) hc.deflate_offers.push_back(offer_of(p));
        // Autobahn's own spelling of the same offers (parameter order differs from ours).
        extensions = catalogue::deflate_offer_header(tc.compression->offers);
    }
    client_hs.emplace(std::move(hc));

    // catalogue.md §5: Autobahn's header set and order. The codec's request carries the
    // same key; only our text goes on the wire.
    std::string req = "GET " + cfg.target + " HTTP/1.1\r\n";
    req += std::string("User-Agent: ") + product + "\r\n";
    req += "Host: " + cfg.host + "\r\n";
    req += "Upgrade: WebSocket\r\n";
    req += "Connection: Upgrade\r\n";
    req += "Pragma: no-cache\r\n";
    req += "Cache-Control: no-cache\r\n";
    if (cfg.origin) req += "Origin: " + *cfg.origin + "\r\n";
    req += "Sec-WebSocket-Key: " + client_hs->key() + "\r\n";
    if (!extensions.empty()) req += "Sec-WebSocket-Extensions: " + extensions + "\r\n";
    req += "Sec-WebSocket-Version: 13\r\n\r\n";
    res.http_request = req;
    write(std::move(req), false);
}

deflate_server_policy session::impl::fuzzer_acceptance() const {
    deflate_server_policy policy;
    if (!tc.compression) {
        // catalogue.md §1.4: outside 12/13 the fuzzer declines permessage-deflate.
        policy.enabled = false;
        return policy;
    }
    const auto accepts = tc.compression->accepts;
    // catalogue.md §13: try each acceptance tuple in order against the client's offers
    // in order; client_max_window_bits=N needs the offer to have listed it, while
    // client_no_context_takeover is always taken as acceptable (autobahn 0.10.9). The
    // server_* parameters the client asked for are granted as asked.
    policy.choose = [accepts](const std::vector<deflate_offer>& offers) -> std::optional<deflate_params> {
        for (const auto& acc : accepts) {
            for (const auto& o : offers) {
                if (acc.max_window_bits != 0 && !o.client_max_window_bits) continue;
                deflate_params p;
                p.server_no_context_takeover = o.server_no_context_takeover;
                p.server_max_window_bits = o.server_max_window_bits.value_or(15);
                p.client_no_context_takeover = acc.no_context_takeover;
                p.client_max_window_bits = acc.max_window_bits != 0
                                               ? static_cast<std::uint8_t>(acc.max_window_bits)
                                               : o.client_max_window_bits_value.value_or(15);
                return p;
            }
        }
        return std::nullopt;
    };
    return policy;
}

void session::impl::handshake_data(std::string_view bytes) {
    if (tc.kind == catalogue::Kind::handshake) {
        if (fuzzer_is_client) raw_response_data(bytes);
        else raw_request_data(bytes);
        return;
    }
    if (!fuzzer_is_client) return answer_as_server(bytes);
    if (close_tcp) return;
    const auto st = client_hs->receive_data(bytes);
    if (st == handshake_status::need_more) return;
    res.http_response = client_hs->raw_response();
    if (client_hs->response().status) res.http_status = client_hs->response().status;
    if (st == handshake_status::rejected) {
        res.result = "The opening handshake failed: " + client_hs->detail();
        res.note = std::string(name_of(client_hs->failure()));
        drop_tcp();
        return;
    }
    // catalogue.md §5: without a configured agent, the Server header names it.
    if (res.agent.empty()) {
        const auto server = client_hs->response().value("Server");
        res.agent = server ? std::string(*server) : "UnknownServer";
    }
    deflate = client_hs->deflate();
    on_open(client_hs->take_leftover());
}

void session::impl::answer_as_server(std::string_view bytes) {
    if (close_tcp) return;
    if (!server_hs) {
        server_handshake_config sc;
        sc.deflate = fuzzer_acceptance();
        sc.extra_response_headers.push_back({"Server", product});
        server_hs.emplace(std::move(sc));
    }
    const auto st = server_hs->receive_data(bytes);
    if (st == handshake_status::need_more) return;
    res.http_request = server_hs->raw_request();
    res.http_response = server_hs->response();
    res.http_status = server_hs->http_status();
    write(server_hs->response(), false);
    if (st == handshake_status::rejected) {
        res.result = "The client's opening handshake was refused: " + server_hs->detail();
        res.note = std::string(name_of(server_hs->failure()));
        drop_tcp();
        return;
    }
    deflate = server_hs->deflate();
    on_open(server_hs->take_leftover());
}

void session::impl::on_open(std::string leftover) {
    ws = ws_state::open;
    opened_at = now;
    cancel(timer_kind::open_handshake);
    if (raw_close_body) {
        // A close frame went out with the raw request (0.11.2): the fuzzer started the
        // closing handshake before the connection was even open.
        ws = ws_state::closing;
        res.close.closed_by_me = true;
        const std::string& b = *raw_close_body;
        if (b.size() >= 2)
            res.close.local_close_code = (static_cast<unsigned char>(b[0]) << 8) | static_cast<unsigned char>(b[1]);
        arm(cfg.limits.close_handshake_s, timer_kind::close_handshake);
    }
    if (deflate) {
        // RFC 7692 §6: RSV1 marks a compressed message once the extension is agreed.
        parser.set_allowed_rsv(rsv1);
        const role me = fuzzer_is_client ? role::client : role::server;
        inflater = std::make_unique<deflate_decompressor>(me, *deflate, cfg.max_message_size);
        compressor = std::make_unique<deflate_compressor>(me, *deflate, cfg.compression_level);
    }
    switch (tc.kind) {
        case catalogue::Kind::bulk_echo: start_bulk_echo(); break;
        case catalogue::Kind::roundtrip: start_roundtrip(); break;
        case catalogue::Kind::compression: start_compression(); break;
        default: run_steps(); break;
    }
    if (!leftover.empty()) frames_in(leftover);
}

}  // namespace wsc::engine
