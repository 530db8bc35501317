// handshake_server: wsc::server_handshake::receive_data with the request split by
// the input and a server configuration from the prefix. Beyond "does not crash":
//  - accepted => the request, re-read by the naive reader in common/http_ref.hpp,
//    satisfies every §4.2.1 item (GET, HTTP/1.1+, one Host, Upgrade has
//    "websocket", Connection has "Upgrade", one 16-octet key, one version "13"),
//    the origin policy allowed it, and the 101 response parses with an Accept
//    value equal to base64(SHA-1(key + GUID)) computed here with OpenSSL, with the
//    chosen subprotocol one both sides listed;
//  - rejected => the error is a server-side handshake enumerator, the request
//    really breaks the item it names (re-read by the naive reader), http_status()
//    is the status this file's table gives the error from the RFCs (400, 403,
//    426, 431) and so is describe(err).http_status, the response parses with that
//    status and its Content-Length, a 426 names version 13 (§4.4), and detail()
//    says why;
//  - need_more => the head so far fits max_head_size;
//  - the verdict is final: more bytes repeat it.
//
// Prefix: [0] origin policy and subprotocols, [1] deflate policy, [2] head limit,
// [3] chunk mode, [4] chunk seed.
#include "common/fuzz_support.hpp"
#include "common/http_ref.hpp"
#include "wsc/handshake.hpp"

namespace {

using namespace wsc;
namespace ref = wsc_fuzz::ref;

bool server_error(error e) {
    switch (e) {
    case error::handshake_malformed: case error::handshake_too_large: case error::bad_method:
    case error::bad_http_version: case error::missing_host: case error::duplicate_header:
    case error::missing_upgrade: case error::missing_connection: case error::bad_key:
    case error::bad_version: case error::origin_rejected: case error::bad_extension_offer:
        return true;
    default:
        return false;
    }
}

const char* const kProtocols[] = {"chat", "superchat", "v2.json", "mqtt"};

// The HTTP status each rejection carries, written here from the RFCs rather than
// read from error.cpp: 403 for a refused Origin (§4.2.2 "such as 403
// Forbidden"), 426 for an unsupported version (§4.4), 431 for a header block
// over the limit (RFC 6585 §5), and 400 for every other malformed handshake
// (§4.2.2 "such as 400 Bad Request"; also RFC 9112 §3.2 for Host).
int documented_status(error e) {
    switch (e) {
    case error::origin_rejected: return 403;
    case error::bad_version: return 426;
    case error::handshake_too_large: return 431;
    default: return 400;
    }
}

// The §4.2.1 item the named error says is broken really is broken in the
// request, as the naive reader sees it. Only errors about a head that parsed.
WSC_FUZZ_NO_COVERAGE void check_justified(const server_handshake& hs, int origin_mode) {
    const error e = hs.failure();
    if (e == error::handshake_malformed || e == error::handshake_too_large || e == error::bad_extension_offer) return;
    const auto req = ref::parse_head(hs.raw_request());
    if (!req) return;
    const std::string& line = req->start_line;
    const auto sp = line.rfind(' ');
    const std::string version = sp == std::string::npos ? "" : line.substr(sp + 1);
    auto any_has = [&](const char* field, const char* token) {
        for (const auto& v : req->all(field))
            if (ref::list_has(v, token)) return true;
        return false;
    };
    const auto keys = req->all("Sec-WebSocket-Key"), versions = req->all("Sec-WebSocket-Version");
    bool ok = true;
    switch (e) {
    case error::bad_method: ok = line.rfind("GET ", 0) != 0; break;
    case error::bad_http_version:
        ok = !(version.size() == 8 && version.rfind("HTTP/1.", 0) == 0 && version[7] >= '1' && version[7] <= '9');
        break;
    case error::missing_host: ok = req->all("Host").empty(); break;
    case error::duplicate_header:
        ok = req->all("Host").size() > 1 || keys.size() > 1 || versions.size() > 1 || req->all("Origin").size() > 1;
        break;
    case error::missing_upgrade: ok = !any_has("Upgrade", "websocket"); break;
    case error::missing_connection: ok = !any_has("Connection", "upgrade"); break;
    case error::bad_key: ok = keys.size() != 1 || !ref::key_is_16_octets(keys[0]); break;
    case error::bad_version: ok = versions.size() != 1 || versions[0] != "13"; break;
    case error::origin_rejected: {
        const auto origins = req->all("Origin");
        ok = origin_mode == 2 || (origin_mode == 1 && !(origins.size() == 1 && origins[0] == "https://example.com"));
        break;
    }
    default: break;
    }
    FUZZ_CHECK(ok, "rejected with %s, but the request meets that requirement", name_of(e).data());
}

WSC_FUZZ_NO_COVERAGE void check_accepted(const server_handshake& hs, const server_handshake_config& cfg, int origin_mode) {
    const auto req = ref::parse_head(hs.raw_request());
    FUZZ_CHECK(req.has_value(), "accepted a head the reference cannot split");
    // §4.2.1 (1)
    const std::string& line = req->start_line;
    FUZZ_CHECK(line.rfind("GET ", 0) == 0, "accepted method in '%s'", line.c_str());
    const auto sp = line.rfind(' ');
    const std::string version = line.substr(sp + 1);
    FUZZ_CHECK(version.size() == 8 && version.rfind("HTTP/1.", 0) == 0 && version[7] >= '1' && version[7] <= '9',
               "accepted version '%s'", version.c_str());
    // §4.2.1 (2)-(6)
    FUZZ_CHECK(req->all("Host").size() == 1, "accepted %zu Host fields", req->all("Host").size());
    bool upgrade = false;
    for (const auto& v : req->all("Upgrade")) upgrade |= ref::list_has(v, "websocket");
    FUZZ_CHECK(upgrade, "accepted without Upgrade: websocket");
    bool connection = false;
    for (const auto& v : req->all("Connection")) connection |= ref::list_has(v, "upgrade");
    FUZZ_CHECK(connection, "accepted without Connection: Upgrade");
    const auto keys = req->all("Sec-WebSocket-Key");
    FUZZ_CHECK(keys.size() == 1 && ref::key_is_16_octets(keys[0]), "accepted a bad key");
    FUZZ_CHECK(is_valid_key(keys[0]), "is_valid_key refuses the key the handshake took");
    FUZZ_CHECK(hs.request().method == "GET" && hs.request().count("Sec-WebSocket-Key") == 1, "request() differs");
    const auto versions = req->all("Sec-WebSocket-Version");
    FUZZ_CHECK(versions.size() == 1 && versions[0] == "13", "accepted a bad version");
    const auto origins = req->all("Origin");
    FUZZ_CHECK(origins.size() <= 1, "accepted several Origin fields");
    if (origin_mode == 1) FUZZ_CHECK(origins.size() == 1 && origins[0] == "https://example.com", "origin policy bypassed");
    FUZZ_CHECK(origin_mode != 2, "accepted although every origin is refused");

    FUZZ_CHECK(hs.http_status() == 101 && hs.failure() == error::none, "accepted with status %d", hs.http_status());
    const auto resp = ref::parse_head(hs.response());
    FUZZ_CHECK(resp.has_value() && resp->start_line.rfind("HTTP/1.1 101", 0) == 0, "101 response does not parse");
    http_head_reader rr(http_head_reader::kind::response, 1 << 16);
    FUZZ_CHECK(rr.receive(hs.response()) == http_head_reader::status::done && rr.head().status == 101,
               "our own reader refuses the 101 response");
    const auto accepts = resp->all("Sec-WebSocket-Accept");
    FUZZ_CHECK(accepts.size() == 1 && accepts[0] == ref::accept_for(keys[0]), "wrong Sec-WebSocket-Accept");
    FUZZ_CHECK(compute_accept(keys[0]) == accepts[0], "compute_accept disagrees with SHA-1");
    const auto chosen = resp->all("Sec-WebSocket-Protocol");
    FUZZ_CHECK(chosen.size() == (hs.subprotocol() ? 1u : 0u), "subprotocol field count");
    if (hs.subprotocol()) {
        bool offered = false;
        for (const auto& v : req->all("Sec-WebSocket-Protocol")) offered |= ref::list_has(v, *hs.subprotocol());
        FUZZ_CHECK(offered, "chose a subprotocol the client did not offer");
        FUZZ_CHECK(std::find(cfg.subprotocols.begin(), cfg.subprotocols.end(), *hs.subprotocol()) != cfg.subprotocols.end(),
                   "chose a subprotocol the server does not speak");
    }
    if (hs.deflate()) {
        FUZZ_CHECK(cfg.deflate.enabled, "deflate agreed while disabled");
        FUZZ_CHECK(resp->all("Sec-WebSocket-Extensions").size() == 1, "deflate agreed but not answered");
        const auto& p = *hs.deflate();
        FUZZ_CHECK(p.server_max_window_bits >= 8 && p.server_max_window_bits <= 15 && p.client_max_window_bits >= 8 &&
                       p.client_max_window_bits <= 15,
                   "window bits out of range");
        if (cfg.deflate.server_no_context_takeover) FUZZ_CHECK(p.server_no_context_takeover, "policy ignored");
        // regressions/handshake_server/...-server_policy_window_ignored
        if (cfg.deflate.server_max_window_bits)
            FUZZ_CHECK(p.server_max_window_bits <= *cfg.deflate.server_max_window_bits, "server window above policy");
    } else {
        FUZZ_CHECK(resp->all("Sec-WebSocket-Extensions").empty(), "extension answered without agreement");
    }
}

WSC_FUZZ_NO_COVERAGE void check_rejected(const server_handshake& hs) {
    const error e = hs.failure();
    FUZZ_CHECK(server_error(e), "rejected with unlisted error %s", name_of(e).data());
    const int expected = documented_status(e);
    const int s = hs.http_status();
    FUZZ_CHECK(s == expected, "status %d for %s, the RFCs say %d", s, name_of(e).data(), expected);
    FUZZ_CHECK(describe(e).http_status == expected, "error.cpp gives %s status %u, the RFCs say %d", name_of(e).data(),
               describe(e).http_status, expected);
    FUZZ_CHECK(!hs.subprotocol() && !hs.deflate(), "agreement left on a rejection");
    FUZZ_CHECK(!hs.detail().empty(), "rejected with %s and no detail", name_of(e).data());
    http_head_reader rr(http_head_reader::kind::response, 1 << 16);
    FUZZ_CHECK(rr.receive(hs.response()) == http_head_reader::status::done, "error response does not parse: %s",
               rr.detail().c_str());
    FUZZ_CHECK(rr.head().status == s, "response status %d, http_status() %d", rr.head().status, s);
    const auto len = rr.head().value("Content-Length");
    FUZZ_CHECK(len && std::to_string(rr.take_leftover().size()) == *len, "Content-Length does not match the body");
    if (s == 426) {
        const auto v = rr.head().value("Sec-WebSocket-Version");
        FUZZ_CHECK(v && *v == "13", "426 without Sec-WebSocket-Version: 13");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    wsc_fuzz::config_reader cr(data, size);
    const std::uint8_t pol = cr.byte(), dfl = cr.byte(), lim = cr.byte(), mode = cr.byte(), seed = cr.byte();

    server_handshake_config cfg;
    const int origin_mode = pol & 3;  // 0 any, 1 one origin, 2 none allowed, 3 unset
    if (origin_mode == 0) cfg.origin_allowed = [](std::optional<std::string_view>) { return true; };
    if (origin_mode == 1)
        cfg.origin_allowed = [](std::optional<std::string_view> o) { return o && *o == "https://example.com"; };
    if (origin_mode == 2) cfg.origin_allowed = [](std::optional<std::string_view>) { return false; };
    for (int i = 0; i < 4; ++i)
        if (pol >> (2 + i) & 1) cfg.subprotocols.emplace_back(kProtocols[i]);
    if (dfl & 0x80) {
        cfg.deflate.enabled = true;
        cfg.deflate.server_no_context_takeover = dfl & 1;
        cfg.deflate.client_no_context_takeover = dfl & 2;
        if (dfl & 4) cfg.deflate.server_max_window_bits = static_cast<std::uint8_t>(8 + (dfl >> 3 & 7));
        if (dfl & 0x40) cfg.deflate.client_max_window_bits = static_cast<std::uint8_t>(8 + (dfl >> 3 & 7));
    }
    if (lim & 0x80) cfg.max_head_size = 16 + (lim & 0x7F) * 8;
    const auto max_head = cfg.max_head_size;

    server_handshake hs(cfg);
    handshake_status verdict = handshake_status::need_more;
    wsc_fuzz::chunker chunks(mode, seed);
    const auto in = wsc_fuzz::body_of(data, size);
    wsc_fuzz::for_each_chunk(in.body, in.body_size, chunks, [&](const wsc_fuzz::piece_view& piece) {
        const auto s = hs.receive_data(wsc_fuzz::as_sv(piece));
        if (verdict != handshake_status::need_more) FUZZ_CHECK(s == verdict, "verdict changed");
        verdict = s;
    });
    switch (verdict) {
    case handshake_status::accepted: check_accepted(hs, cfg, origin_mode); break;
    case handshake_status::rejected:
        check_rejected(hs);
        check_justified(hs, origin_mode);
        break;
    case handshake_status::need_more:
        FUZZ_CHECK(hs.raw_request().size() <= max_head, "buffered %zu octets over the %zu limit", hs.raw_request().size(), max_head);
        FUZZ_CHECK(hs.response().empty(), "response before a verdict");
        break;
    }
    if (verdict != handshake_status::need_more) {
        FUZZ_CHECK(hs.receive_data("GET / HTTP/1.1\r\n\r\n") == verdict, "verdict not repeated");
        FUZZ_CHECK(hs.raw_request().size() <= max_head, "head over the limit");
        // Accepted: later octets are the first frames, kept for the endpoint.
        if (verdict == handshake_status::accepted)
            FUZZ_CHECK(hs.take_leftover().size() >= 18, "octets after the head lost");
    }
    return 0;
}
