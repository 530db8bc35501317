// Writes the seed corpora under <out>/<target>/: wire bytes built with the codec's
// frame writer (and zlib for compressed payloads), each behind a config prefix
// that picks the harness configuration, plus inputs lifted from the codec case
// tables (cases/codec_tables/**/*.json) when that directory exists.
//
//   wsc_make_seeds <out-dir> [<cases-dir>]
//
// With <cases-dir> (the repository's cases/), it also reads
// <cases-dir>/codec_tables/**/*.json (any "*_hex" wire bytes, "request" and
// "response" heads, "extensions"/"offer" values) and the Autobahn catalogue in
// <cases-dir>/autobahn/*.json (its send_* steps, as masked client frames).
//
// The prefix is kConfigSize octets read by FuzzedDataProvider from its end, so the
// i-th configuration field lives at prefix[kConfigSize - 1 - i] (see
// fuzz/common/fuzz_support.hpp); `with_config` writes it that way.
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "common/fuzz_support.hpp"
#include "common/http_ref.hpp"
#include "wsc/frame.hpp"
#include "wsc/random.hpp"
#ifdef WSC_SEEDS_TABLE_LOADER
#include "table_loader.hpp"
#endif

namespace fs = std::filesystem;
using wsc::frame_spec;

namespace {

std::map<std::string, std::map<std::string, std::string>> seeds;  // target -> name -> bytes

std::string with_config(std::vector<std::uint8_t> fields, std::string_view body) {
    std::string prefix(wsc_fuzz::kConfigSize, '\0');
    for (std::size_t i = 0; i < fields.size() && i < prefix.size(); ++i)
        prefix[prefix.size() - 1 - i] = static_cast<char>(fields[i]);
    return prefix + std::string(body);
}

void add(const std::string& target, const std::string& name, std::vector<std::uint8_t> fields, std::string_view body) {
    seeds[target][name] = with_config(std::move(fields), body);
}

const wsc::mask_key kKey{0x37, 0xfa, 0x21, 0x3d};

std::string frame(std::uint8_t op, std::string_view payload, bool masked, bool fin = true, std::uint8_t rsv = 0,
                  std::uint8_t length_octets = 0) {
    frame_spec s;
    s.opcode = op;
    s.fin = fin;
    s.rsv = rsv;
    s.length_octets = length_octets;
    if (masked) s.mask = kKey;
    return wsc::encode_frame(s, payload);
}

std::string close_body(std::uint16_t code, std::string_view reason = {}) {
    std::string b;
    b.push_back(static_cast<char>(code >> 8));
    b.push_back(static_cast<char>(code & 0xFF));
    b.append(reason);
    return b;
}

// RFC 7692 §7.2.1 by hand with zlib: raw deflate, sync flush, tail removed.
std::string deflate_message(std::string_view msg, int window_bits = 15) {
    z_stream z{};
    deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -window_bits, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&z, msg.size()) + 16, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(msg.data()));
    z.avail_in = static_cast<uInt>(msg.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_SYNC_FLUSH);
    out.resize(out.size() - z.avail_out);
    deflateEnd(&z);
    if (out.size() >= 4) out.resize(out.size() - 4);
    return out;
}

std::string from_hex(std::string_view h) {
    std::string out;
    for (std::size_t i = 0; i + 1 < h.size(); i += 2) out.push_back(static_cast<char>(std::stoi(std::string(h.substr(i, 2)), nullptr, 16)));
    return out;
}

// ---- frame_parse: [0] masking, [1] allowed rsv, [2] flags, [3] limit, [4] mode, [5] seed
void frame_parse_seeds() {
    const std::string big(300, 'x'), huge(70000, 'y');
    struct item { std::string name, bytes; };
    std::vector<item> items = {
        {"text", frame(1, "Hello", false)},
        {"text_masked", frame(1, "Hello", true)},
        {"binary_126", frame(2, big, true)},
        {"binary_127", frame(2, huge, false)},
        {"ping", frame(9, "ping!", true)},
        {"pong_empty", frame(10, "", true)},
        {"close_1000", frame(8, close_body(1000, "bye"), true)},
        {"fragments", frame(1, "Hel", true, false) + frame(9, "", true) + frame(0, "lo", true)},
        {"rsv1", frame(1, "x", true, true, 4)},
        {"rsv_all", frame(2, "x", false, true, 7)},
        {"reserved_op3", frame(3, "", true)},
        {"reserved_op11", frame(11, "", true)},
        {"non_minimal_126", frame(1, "short", true, true, 0, 2)},
        {"non_minimal_127", frame(1, "short", false, true, 0, 8)},
        {"control_fragmented", frame(9, "x", true, false)},
        {"control_long", frame(9, std::string(126, 'p'), true)},
        {"msb_set", std::string("\x82\xff\x80\x00\x00\x00\x00\x00\x00\x01", 10)},
        {"two_frames", frame(1, "a", false) + frame(2, "bc", false)},
        {"empty_masked", frame(2, "", true)},
    };
    const std::vector<std::vector<std::uint8_t>> configs = {
        {0, 0, 0, 0, 0, 0},       // any masking, whole input
        {1, 4, 0, 0, 1, 0},       // must be masked, RSV1 allowed, byte by byte
        {2, 0, 4, 0, 2, 9},       // must be unmasked, strict lengths, small pieces
        {0, 7, 3, 0x85, 3, 1},    // checks off, tiny frame limit
        {0, 0, 0, 0x4a, 2, 77},   // 1 KiB frame limit
    };
    int n = 0;
    for (const auto& it : items)
        for (std::size_t c = 0; c < configs.size(); ++c)
            if (c == 0 || (it.bytes.size() < 10000 && n++ % 2 == 0)) add("frame_parse", it.name + "_c" + std::to_string(c), configs[c], it.bytes);
}

// The frames a peer of `side` would send: masked when the peer is a client.
struct peer_frames {
    bool masked;
    std::string f(std::uint8_t op, std::string_view p, bool fin = true, std::uint8_t rsv = 0) const {
        return frame(op, p, masked, fin, rsv);
    }
};

std::vector<std::pair<std::string, std::string>> conversations(bool masked, bool deflate) {
    const peer_frames p{masked};
    std::vector<std::pair<std::string, std::string>> v = {
        {"text", p.f(1, "Hello, world")},
        {"binary", p.f(2, std::string("\x00\x01\x02\xff", 4))},
        {"utf8", p.f(1, "\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5 \xf0\x9f\x98\x80")},
        {"fragmented", p.f(1, "frag", false) + p.f(9, "mid") + p.f(0, "ment", false) + p.f(0, "ed")},
        {"split_utf8", p.f(1, "\xf0\x9f", false) + p.f(0, "\x98\x80")},
        {"bad_utf8", p.f(1, "\xed\xa0\x80")},
        {"truncated_utf8", p.f(1, "ok\xe2\x82")},
        {"ping_pong", p.f(9, "hi") + p.f(10, "there") + p.f(1, "after")},
        {"close_normal", p.f(8, close_body(1000, "done")) + p.f(1, "ignored")},
        {"close_empty", p.f(8, "")},
        {"close_one_byte", p.f(8, "\x03")},
        {"close_1005", p.f(8, close_body(1005))},
        {"close_3000", p.f(8, close_body(3000, "app"))},
        {"close_bad_reason", p.f(8, close_body(1000, "\xff"))},
        {"continuation_first", p.f(0, "x")},
        {"interleaved", p.f(1, "a", false) + p.f(2, "b")},
        {"long_ping", p.f(9, std::string(126, 'x'))},
        {"fragmented_ping", p.f(9, "x", false)},
        {"reserved_opcode", p.f(5, "")},
        {"rsv2", p.f(1, "x", true, 2)},
        {"wrong_mask", frame(1, "x", !masked)},
        {"big_message", p.f(2, std::string(5000, 'z'))},
        {"many_fragments", p.f(2, "1", false) + p.f(0, "2", false) + p.f(0, "3", false) + p.f(0, "4")},
    };
    if (deflate) {
        v.push_back({"deflate_text", p.f(1, deflate_message("Hello compressed world"), true, 4)});
        v.push_back({"deflate_fragmented",
                     [&] {
                         const std::string z = deflate_message("fragmented and compressed, compressed, compressed");
                         return p.f(1, z.substr(0, 5), false, 4) + p.f(0, z.substr(5));
                     }()});
        v.push_back({"deflate_two", p.f(2, deflate_message("same same same"), true, 4) +
                                        p.f(2, deflate_message("same same same"), true, 4)});
        v.push_back({"deflate_empty", p.f(1, std::string("\x00", 1), true, 4)});
        v.push_back({"deflate_bomb", p.f(2, deflate_message(std::string(100000, '\0')), true, 4)});
        v.push_back({"deflate_corrupt", p.f(1, "\xff\xff\xff\xff", true, 4)});
        v.push_back({"deflate_rsv1_continuation", p.f(1, deflate_message("ab"), false, 4) + p.f(0, "x", true, 4)});
        v.push_back({"deflate_rsv1_ping", p.f(9, "x", true, 4)});
    }
    return v;
}

// Text messages longer than one block of utf8_validator::feed_masked (the fused
// unmask-and-validate pass reads 256-octet blocks and skips all-ASCII ones),
// with a multi-octet sequence across a block edge: valid ones, and invalid ones
// whose lead octet ends a block and whose next block is all ASCII. Sent whole,
// so the blocks start at the payload's first octet.
std::vector<std::pair<std::string, std::string>> block_edge_texts(bool masked) {
    const peer_frames p{masked};
    std::string mixed;
    while (mixed.size() < 1200) mixed += "plain ascii \xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80 ";
    return {
        {"text_long_mixed", p.f(1, mixed)},
        {"text_block_edge_valid", p.f(1, std::string(255, 'a') + "\xc3\xa9" + std::string(300, 'b'))},
        {"text_block_edge_lead", p.f(1, std::string(255, 'a') + "\xc3" + std::string(256, 'b') + "\xa9")},
        {"text_block_edge_4", p.f(1, std::string(254, 'a') + "\xf0\x9f" + std::string(256, 'c') + "\x98\x80")},
        {"text_block_edge_fragments", p.f(1, std::string(300, 'd') + "\xe2", false) + p.f(0, std::string(256, 'e') + "\x82\xac")},
    };
}

// ---- message_assemble: [0] opts, [1] checks off, [2] deflate, [3] limit, [4] send, [5] mode, [6] seed
void message_assemble_seeds() {
    for (int side = 0; side < 2; ++side)
        for (const auto& [name, bytes] : block_edge_texts(side == 0))
            add("message_assemble", std::string(side ? "client_" : "server_") + name, {std::uint8_t(side)}, bytes);
    // Client mask keys from system_random (opts bit 5).
    add("message_assemble", "client_system_random", {1 | 32, 0, 0, 0, 7, 0, 0}, frame(1, "hi", false) + frame(8, close_body(1000), false));
    int n = 0;
    for (int side = 0; side < 2; ++side) {
        const bool peer_masks = side == 0;  // we are the server: the client masks
        for (const auto& [name, bytes] : conversations(peer_masks, false)) {
            const std::string base = std::string(side ? "client_" : "server_") + name;
            add("message_assemble", base, {std::uint8_t(side), 0, 0, 0, 0, std::uint8_t(n % 4), std::uint8_t(n)}, bytes);
            ++n;
        }
        for (const auto& [name, bytes] : conversations(peer_masks, true)) {
            if (name.rfind("deflate_", 0) != 0) continue;
            const std::string base = std::string(side ? "client_" : "server_") + name;
            add("message_assemble", base, {std::uint8_t(side), 0, 0xbc, 0, 0, std::uint8_t(n % 4), std::uint8_t(n)}, bytes);
            add("message_assemble", base + "_nct_limit", {std::uint8_t(side | 16), 0, 0x83, 0xa0, 0, 2, std::uint8_t(n)}, bytes);
            ++n;
        }
    }
    const peer_frames c{true};
    add("message_assemble", "server_checks_off", {0, 0xff, 0, 0, 0, 0, 0},
        frame(1, "\xff", false) + c.f(3, "") + c.f(0, "x") + c.f(9, std::string(130, 'y')) + c.f(8, "\x03\xe8\xff"));
    add("message_assemble", "server_small_limit", {0, 0, 0, 0x82, 0, 1, 0}, c.f(1, "0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz0123456789"));
    add("message_assemble", "server_frame_limit", {0, 0, 0, 0xc1, 0, 0, 0}, c.f(2, std::string(40, 'q')));
    add("message_assemble", "server_strict_lengths", {2, 0, 0, 0, 0, 0, 0}, frame(1, "abc", true, true, 0, 2));
    add("message_assemble", "server_sends_then_reads", {0, 0, 0, 0, 15, 2, 3}, c.f(9, "x") + c.f(8, close_body(1000)));
    add("message_assemble", "server_eof_midframe", {16, 0, 0, 0, 1, 0, 0}, c.f(1, "abcdef").substr(0, 5));
    add("message_assemble", "client_deflate_sends", {1 | 16, 0, 0x80, 0, 7, 3, 5},
        frame(1, deflate_message("reply"), false, true, 4) + frame(8, close_body(1001), false));
    add("message_assemble", "server_no_autopong", {4 | 8, 0, 0, 0, 2, 0, 0}, c.f(9, "a") + c.f(10, "b"));
}

// ---- utf8_validate: [0] mode, [1] seed
void utf8_seeds() {
    const std::vector<std::pair<std::string, std::string>> v = {
        {"ascii", "Hello-\x7f"},
        {"two_byte", "\xc2\x80\xdf\xbf"},
        {"three_byte", "\xe0\xa0\x80\xe1\x80\x80\xed\x9f\xbf\xee\x80\x80\xef\xbf\xbf"},
        {"four_byte", "\xf0\x90\x80\x80\xf1\x80\x80\x80\xf4\x8f\xbf\xbf"},
        {"greek", "\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5"},
        {"overlong_2", "\xc0\xaf"},
        {"overlong_3", "\xe0\x80\xaf"},
        {"overlong_4", "\xf0\x80\x80\xaf"},
        {"surrogate", "\xed\xa0\x80"},
        {"above_max", "\xf4\x90\x80\x80"},
        {"f5", "\xf5\x80\x80\x80"},
        {"lone_continuation", "a\x80"},
        {"truncated", "\xe2\x82"},
        {"bad_tail", "\xe2\x28\xa1"},
        {"ff", "\xff"},
        {"nul", std::string("a\0b", 3)},
        {"after_error", "\xce\xba\xff\xce\xba"},
    };
    int n = 0;
    for (const auto& [name, s] : v)
        for (std::uint8_t mode = 0; mode < 4; ++mode)
            if (mode == 0 || (n++ % 2 == 0)) add("utf8_validate", name + "_m" + std::to_string(mode), {mode, std::uint8_t(n)}, s);
}

std::string request(const std::vector<std::string>& fields, std::string_view line = "GET /chat HTTP/1.1") {
    std::string r = std::string(line) + "\r\n";
    for (const auto& f : fields) r += f + "\r\n";
    return r + "\r\n";
}

// ---- handshake_server: [0] origin/subprotocols, [1] deflate, [2] limit, [3] mode, [4] seed
void handshake_server_seeds() {
    const std::vector<std::string> good = {"Host: server.example.com", "Upgrade: websocket", "Connection: Upgrade",
                                           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13"};
    auto with = [&](std::vector<std::string> extra) {
        auto f = good;
        f.insert(f.end(), extra.begin(), extra.end());
        return f;
    };
    auto without = [&](std::string_view prefix) {
        std::vector<std::string> f;
        for (const auto& h : good)
            if (h.rfind(prefix, 0) != 0) f.push_back(h);
        return f;
    };
    const std::vector<std::pair<std::string, std::string>> v = {
        {"valid", request(good)},
        {"valid_origin", request(with({"Origin: https://example.com"}))},
        {"valid_protocols", request(with({"Sec-WebSocket-Protocol: chat, superchat", "Sec-WebSocket-Protocol: mqtt"}))},
        {"valid_deflate", request(with({"Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits"}))},
        {"deflate_params", request(with({"Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover; "
                                         "server_max_window_bits=10; client_max_window_bits=12, permessage-deflate",
                                         "Sec-WebSocket-Extensions: x-unknown; a=\"b\""}))},
        {"deflate_bad", request(with({"Sec-WebSocket-Extensions: permessage-deflate; server_max_window_bits=7"}))},
        {"extensions_syntax", request(with({"Sec-WebSocket-Extensions: permessage-deflate;;"}))},
        {"lowercase", "GET / HTTP/1.1\r\nhost: a\r\nupgrade: WebSocket\r\nconnection: keep-alive, upgrade\r\n"
                      "sec-websocket-key: AAAAAAAAAAAAAAAAAAAAAA==\r\nsec-websocket-version: 13\r\n\r\n"},
        {"leading_crlf", "\r\n" + request(good)},
        {"post", request(good, "POST /chat HTTP/1.1")},
        {"http10", request(good, "GET /chat HTTP/1.0")},
        {"http2", request(good, "GET /chat HTTP/2.0")},
        {"no_host", request(without("Host"))},
        {"two_hosts", request(with({"Host: other"}))},
        {"no_upgrade", request(without("Upgrade"))},
        {"no_connection", request(without("Connection"))},
        {"no_key", request(without("Sec-WebSocket-Key"))},
        {"root_target", request(good, "GET / HTTP/1.1")},
        {"bad_key", "GET / HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZR==\r\nSec-WebSocket-Version: 13\r\n\r\n"},
        {"version_8", request(without("Sec-WebSocket-Version"))},
        {"two_versions", request(with({"Sec-WebSocket-Version: 13"}))},
        {"two_origins", request(with({"Origin: a", "Origin: b"}))},
        {"obs_fold", "GET / HTTP/1.1\r\nHost: a\r\n b\r\n\r\n"},
        {"bare_lf", "GET / HTTP/1.1\nHost: a\n\n"},
        {"space_before_colon", "GET / HTTP/1.1\r\nHost : a\r\n\r\n"},
        {"with_frames", request(good) + frame(1, "hi", true)},
        {"garbage", "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03"},
        {"protocols_unknown", request(with({"Sec-WebSocket-Protocol: xmpp, soap"}))},
    };
    const std::vector<std::vector<std::uint8_t>> configs = {
        {0, 0, 0, 0, 0}, {0x05, 0x80, 0, 1, 0}, {0x3d, 0xc7, 0, 2, 5}, {0x02, 0x83, 0x85, 3, 9}, {0x03, 0x80, 0, 0, 0},
        {0x3c, 0x80, 0, 0, 0}};  // any origin, every subprotocol
    int n = 0;
    for (const auto& [name, req] : v)
        for (std::size_t c = 0; c < configs.size(); ++c)
            if (c == 0 || (n++ % 3 == 0) || name.find("deflate") != std::string::npos)
                add("handshake_server", name + "_c" + std::to_string(c), configs[c], req);
    // Any origin and every subprotocol, so the server picks one (§4.2.2 (5.4)).
    add("handshake_server", "valid_protocols_pick", configs[5], v[2].second);
    add("handshake_server", "protocols_unknown_pick", configs[5], v.back().second);
}

// ---- handshake_client: [0] key seed, [1] subprotocols, [2] offers, [3] limit, [4] mode, [5] seed
void handshake_client_seeds() {
    for (std::uint8_t key_seed : {0, 7, 200}) {
        std::uint8_t nonce[16];
        wsc::fixed_random(key_seed)(nonce, sizeof nonce);
        const std::string key = wsc_fuzz::ref::base64_encode(nonce, sizeof nonce);
        const std::string accept = wsc_fuzz::ref::accept_for(key);
        auto resp = [&](std::vector<std::string> extra, std::string_view line = "HTTP/1.1 101 Switching Protocols") {
            std::vector<std::string> f = {"Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Accept: " + accept};
            f.insert(f.end(), extra.begin(), extra.end());
            return request(f, line);
        };
        const std::string s = std::to_string(key_seed);
        const std::vector<std::pair<std::string, std::string>> v = {
            {"valid", resp({})},
            {"valid_frames", resp({}) + frame(1, "hi", false)},
            {"protocol", resp({"Sec-WebSocket-Protocol: chat"})},
            {"protocol_list", resp({"Sec-WebSocket-Protocol: chat, mqtt"})},
            {"protocol_twice", resp({"Sec-WebSocket-Protocol: chat", "Sec-WebSocket-Protocol: chat"})},
            {"deflate", resp({"Sec-WebSocket-Extensions: permessage-deflate"})},
            {"deflate_params", resp({"Sec-WebSocket-Extensions: permessage-deflate; server_no_context_takeover; "
                                     "server_max_window_bits=9; client_max_window_bits=10"})},
            {"deflate_twice", resp({"Sec-WebSocket-Extensions: permessage-deflate, permessage-deflate"})},
            {"unknown_extension", resp({"Sec-WebSocket-Extensions: x-foo"})},
            {"no_reason", resp({}, "HTTP/1.1 101")},
            {"status_200", resp({}, "HTTP/1.1 200 OK")},
            {"two_accepts", resp({"Sec-WebSocket-Accept: " + accept})},
            {"upgrade_list", "HTTP/1.1 101 X\r\nUpgrade: websocket, h2c\r\nConnection: upgrade\r\nSec-WebSocket-Accept: " +
                                 accept + "\r\n\r\n"},
            {"wrong_accept", "HTTP/1.1 101 X\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                             "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n"},
            {"no_connection", "HTTP/1.1 101 X\r\nUpgrade: websocket\r\nSec-WebSocket-Accept: " + accept + "\r\n\r\n"},
            {"http10", resp({}, "HTTP/1.0 101 Switching Protocols")},
            {"extensions_syntax", resp({"Sec-WebSocket-Extensions: permessage-deflate;;"})},
            {"protocol_unoffered", resp({"Sec-WebSocket-Protocol: xmpp"})},
            {"deflate_client_bits_unoffered", resp({"Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits=10"})},
        };
        int n = 0;
        for (const auto& [name, r] : v) {
            add("handshake_client", name + "_k" + s, {key_seed, 0x0f, 0x03, 0, std::uint8_t(n % 4), std::uint8_t(n)}, r);
            if (n % 3 == 0) add("handshake_client", name + "_k" + s + "_plain", {key_seed, 0, 0, 0x81, 1, 0}, r);
            ++n;
        }
    }
}

// ---- deflate_roundtrip: [0] opts, [1] bits, [2] split, [3] mode, [4] seed
void deflate_seeds() {
    std::string lorem;
    for (int i = 0; i < 40; ++i) lorem += "The quick brown fox jumps over the lazy dog " + std::to_string(i) + ". ";
    std::string bin;
    for (int i = 0; i < 2000; ++i) bin.push_back(static_cast<char>((i * 7919) >> 3));
    const std::vector<std::pair<std::string, std::string>> msgs = {
        {"empty", ""}, {"short", "Hello"}, {"lorem", lorem}, {"zeros", std::string(5000, '\0')}, {"binary", bin},
        {"repeat", std::string(300, 'a') + std::string(300, 'b')}};
    int n = 0;
    for (const auto& [name, m] : msgs) {
        add("deflate_roundtrip", name, {std::uint8_t(n & 7), 0x3f, std::uint8_t(n * 3), std::uint8_t(n % 4), std::uint8_t(n)}, m);
        add("deflate_roundtrip", name + "_small_window", {std::uint8_t(6 | (n & 1)), 0x00, std::uint8_t(n), 2, 1}, m);
        ++n;
    }

    // deflate_inflate: [0] opts, [1] bits, [2] limit, [3] split, [4] mode, [5] seed
    n = 0;
    for (const auto& [name, m] : msgs) {
        const std::string z = deflate_message(m);
        add("deflate_inflate", name, {8, 0x3f, 0x90, 0, std::uint8_t(n % 4), std::uint8_t(n)}, z);
        add("deflate_inflate", name + "_tiny_limit", {8 | 1, 0x3f, 40, 0, 1, 0}, z);
        add("deflate_inflate", name + "_w9", {8 | 2, 0x09, 0xff, 0, 2, 3}, deflate_message(m, 9));
        ++n;
    }
    add("deflate_inflate", "two_messages", {0, 0x3f, 0xff, 1, 0, 0}, deflate_message("first message") + deflate_message("first message"));
    add("deflate_inflate", "stored_block", {8, 0x3f, 0xff, 0, 0, 0}, std::string("\x01\x05\x00\xfa\xffhello", 10));
    add("deflate_inflate", "bfinal_then_more", {8, 0x3f, 0xff, 0, 0, 0}, std::string("\x01\x01\x00\xfe\xff" "a" "\x02\x00", 8));
    add("deflate_inflate", "corrupt", {8, 0x3f, 0xff, 0, 0, 0}, "\xff\xfe\xfd\xfc\x00\x11");
    add("deflate_inflate", "far_distance", {8, 0x00, 0xff, 0, 0, 0}, deflate_message(lorem + lorem, 15));
    add("deflate_inflate", "bomb", {8, 0x3f, 0x81, 0, 3, 0}, deflate_message(std::string(1 << 20, 'A')));
}

// ---- extensions_negotiate: [0] policy, [1] window bits, [2] choose
void extensions_seeds() {
    const std::vector<std::string> v = {
        "permessage-deflate",
        "permessage-deflate; client_max_window_bits",
        "permessage-deflate; client_max_window_bits=10; server_max_window_bits=12",
        "permessage-deflate; server_no_context_takeover; client_no_context_takeover",
        "permessage-deflate; server_max_window_bits=8, permessage-deflate",
        "permessage-deflate; client_max_window_bits=\"15\"",
        "permessage-deflate; server_max_window_bits=16",
        "permessage-deflate; server_max_window_bits",
        "permessage-deflate; unknown=1",
        "permessage-deflate; server_no_context_takeover; server_no_context_takeover",
        "permessage-deflate; server_no_context_takeover=1",
        "x-webkit-deflate-frame, permessage-deflate; client_max_window_bits=9",
        "foo; bar=\"a\\\"b\", baz",
        "permessage-deflate;client_max_window_bits=08",
        "permessage-deflate ; client_max_window_bits = 10",
        ", permessage-deflate,",
    };
    const std::vector<std::vector<std::uint8_t>> configs = {{0, 0, 0}, {0x0f, 0x1b, 0}, {0x10, 0, 0x6a}, {0x13, 0x2d, 0xfe}};
    int n = 0;
    for (std::size_t i = 0; i < v.size(); ++i)
        for (std::size_t c = 0; c < configs.size(); ++c)
            if (c == 0 || n++ % 2 == 0) add("extensions_negotiate", "offer" + std::to_string(i) + "_c" + std::to_string(c), configs[c], v[i]);
    // A custom policy whose answer fits no offer (pol bits 4 and 5): declined.
    add("extensions_negotiate", "policy_fits_no_offer", {0x30, 0, 0}, v[2]);
}

// ---- differential_beast: [0] limit, [1] mode, [2] seed
void differential_seeds() {
    int n = 0;
    for (const auto& [name, bytes] : conversations(true, false)) {
        add("differential_beast", name, {0, std::uint8_t(n % 4), std::uint8_t(n)}, bytes);
        if (n % 4 == 0) add("differential_beast", name + "_limit", {0x83, 1, 0}, bytes);
        ++n;
    }
    for (const auto& [name, bytes] : block_edge_texts(true)) add("differential_beast", name, {}, bytes);
    add("differential_beast", "close_1014", {0, 0, 0}, frame(8, close_body(1014), true));
    add("differential_beast", "close_1012", {0, 0, 0}, frame(8, close_body(1012), true));
    add("differential_beast", "non_minimal", {0, 0, 0}, frame(1, "abc", true, true, 0, 2));
    // One input per excused class in differential_beast.md, so the replay test
    // keeps the exclusions honest.
    add("differential_beast", "known_close_5000_up", {}, from_hex("888337fa213da53412de"));
    add("differential_beast", "known_fail_fast_header", {}, from_hex("37fa213d4f"));
    add("differential_beast", "known_beast_invalid_utf8", {},
        from_hex("018437fa213d5188405a898337fa213d5a9345008437fa213d5a9f03ed808037fa21b93d529e"));
    add("differential_beast", "known_length_msb", {}, from_hex("82ff800000000000000137fa213d"));
    add("differential_beast", "known_empty_close", {}, frame(8, "", true));
    add("differential_beast", "known_close_reason_not_utf8", {}, frame(8, close_body(1000, "\xed\xa0\x80"), true));
}

// Case tables: any "..._hex" string is wire bytes; "request"/"response" strings are
// handshake heads. The layout of the tables is the case engineers'; this only
// looks for those keys, so new fields never break it.
[[maybe_unused]] void walk_json(const nlohmann::json& j, const std::string& stem, int& count, bool client_side) {
    if (j.is_object()) {
        bool side = client_side;
        if (auto it = j.find("role"); it != j.end() && it->is_string()) side = *it == "client";
        for (auto it = j.begin(); it != j.end(); ++it) {
            const std::string& k = it.key();
            if (it->is_string()) {
                const std::string s = *it;
                if (k.size() > 4 && k.substr(k.size() - 4) == "_hex" && s.size() % 2 == 0 && s.size() <= 8192) {
                    std::string bytes;
                    bool ok = true;
                    for (std::size_t i = 0; i < s.size() && ok; i += 2) {
                        try {
                            bytes.push_back(static_cast<char>(std::stoi(s.substr(i, 2), nullptr, 16)));
                        } catch (...) { ok = false; }
                    }
                    if (!ok || bytes.empty()) continue;
                    const std::string name = "table_" + stem + "_" + std::to_string(count++);
                    add("frame_parse", name, {0, 0, 0, 0, std::uint8_t(count % 4), std::uint8_t(count)}, bytes);
                    add("message_assemble", name, {std::uint8_t(side ? 1 : 0), 0, 0, 0, 0, std::uint8_t(count % 4), std::uint8_t(count)}, bytes);
                    if (!side) add("differential_beast", name, {0, std::uint8_t(count % 4), std::uint8_t(count)}, bytes);
                } else if (k == "request" && s.size() < 8192) {
                    add("handshake_server", "table_" + stem + "_" + std::to_string(count++), {0, 0x80, 0, 0, 0}, s);
                } else if (k == "response" && s.size() < 8192) {
                    add("handshake_client", "table_" + stem + "_" + std::to_string(count++), {0, 0x0f, 0x03, 0, 0, 0}, s);
                } else if (k == "extensions" || k == "offer") {
                    add("extensions_negotiate", "table_" + stem + "_" + std::to_string(count++), {0, 0, 0}, s);
                }
            } else {
                walk_json(*it, stem, count, side);
            }
        }
    } else if (j.is_array()) {
        for (const auto& e : j) walk_json(e, stem, count, client_side);
    }
}

// A payload spec of the Autobahn catalogue: {"text"}, {"hex"}, {"fill": {byte,
// length}} or {"repeat": {text, length}}. Returns false when it is too big for a
// seed (the fuzzer's max_len would cut it anyway).
bool catalogue_payload(const nlohmann::json& p, std::string& out) {
    out.clear();
    if (p.is_null()) return true;
    if (p.contains("text")) out = p["text"].get<std::string>();
    else if (p.contains("hex")) out = from_hex(p["hex"].get<std::string>());
    else if (p.contains("fill")) {
        const std::size_t n = p["fill"].value("length", 0);
        if (n > 2048) return false;
        out.assign(n, static_cast<char>(p["fill"].value("byte", 0)));
    } else if (p.contains("repeat")) {
        const std::size_t n = p["repeat"].value("length", 0);
        const std::string t = p["repeat"].value("text", std::string("x"));
        if (n > 2048 || t.empty()) return false;
        while (out.size() < n) out += t;
        out.resize(n);
    }
    return true;
}

// The client octets of one catalogue case (cases/autobahn/*.json, format
// wsconform-catalogue/1): its send_* steps as masked frames. Timing steps are
// dropped; cases that negotiate compression are left to the deflate seeds.
bool catalogue_bytes(const nlohmann::json& c, std::string& out) {
    if (c.contains("compression")) return false;
    std::string payload;
    for (const auto& step : c.value("steps", nlohmann::json::array())) {
        for (auto it = step.begin(); it != step.end(); ++it) {
            const auto& v = it.value();
            const std::string& k = it.key();
            if (k == "send_frame") {
                if (!catalogue_payload(v.value("payload", nlohmann::json()), payload)) return false;
                out += frame(static_cast<std::uint8_t>(v.value("opcode", 1)), payload, true, v.value("fin", true),
                             static_cast<std::uint8_t>(v.value("rsv", 0)));
            } else if (k == "send_message") {
                if (!catalogue_payload(v.value("payload", nlohmann::json()), payload)) return false;
                const std::size_t size = std::max<std::size_t>(1, v.value("fragment_size", payload.size() + 1));
                const auto op = static_cast<std::uint8_t>(v.value("opcode", 1));
                std::size_t at = 0;
                do {
                    const std::size_t n = std::min(size, payload.size() - at);
                    out += frame(at == 0 ? op : 0, std::string_view(payload).substr(at, n), true, at + n >= payload.size());
                    at += n;
                } while (at < payload.size());
            } else if (k == "send_close") {
                std::string body;
                if (v.contains("code")) {
                    if (!catalogue_payload(v.value("reason", nlohmann::json()), payload)) return false;
                    body = close_body(static_cast<std::uint16_t>(v["code"].get<int>()), payload);
                }
                out += frame(8, body, true);
            } else if (k == "send_close_raw") {
                if (!catalogue_payload(v.value("payload", nlohmann::json()), payload)) return false;
                out += frame(8, payload, true);
            } else if (k == "send_stream_header") {
                frame_spec s;
                s.opcode = static_cast<std::uint8_t>(v.value("opcode", 1));
                s.fin = v.value("fin", true);
                s.mask = kKey;
                wsc::write_header(out, s, v.value("length", 0));
            } else if (k == "send_stream_piece") {
                // Stream pieces continue the payload of the header above; masking
                // restarts per piece here, which only changes the octets' values.
                if (!catalogue_payload(v.value("payload", nlohmann::json()), payload)) return false;
                std::string masked(payload);
                wsc::apply_mask(reinterpret_cast<std::uint8_t*>(masked.data()), masked.size(), kKey);
                out += masked;
            }
        }
    }
    return !out.empty() && out.size() <= 4096;
}

void catalogue_seeds(const fs::path& dir) {
    if (!fs::is_directory(dir)) return;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    int total = 0;
    for (const auto& f : files) {
        std::ifstream in(f);
        const auto j = nlohmann::json::parse(in, nullptr, false);
        if (j.is_discarded() || j.value("format", std::string()) != "wsconform-catalogue/1") continue;
        for (const auto& c : j.value("cases", nlohmann::json::array())) {
            std::string bytes;
            if (!catalogue_bytes(c, bytes)) continue;
            const std::string name = "ab_" + c.value("id", std::string("x"));
            const auto mode = static_cast<std::uint8_t>(total % 4);
            add("message_assemble", name, {0, 0, 0, 0, 0, mode, static_cast<std::uint8_t>(total)}, bytes);
            add("differential_beast", name, {0, mode, static_cast<std::uint8_t>(total)}, bytes);
            if (total % 3 == 0) add("frame_parse", name, {1, 0, 0, 0, mode, static_cast<std::uint8_t>(total)}, bytes);
            ++total;
        }
    }
    std::cerr << "make_seeds: " << total << " seeds from the Autobahn catalogue in " << dir << "\n";
}

#ifdef WSC_SEEDS_TABLE_LOADER
// The compressed messages in a stream of frames: RSV1 on the first frame of a data
// message, continuations appended, one entry per message that ends (FIN).
// With text_only, the uncompressed text messages instead (for utf8_validate).
std::vector<std::string> compressed_messages(std::string wire, bool text_only = false) {
    wsc::frame_parser_config open;
    open.allowed_rsv = 7;
    open.check_reserved_opcodes = false;
    open.check_control_frames = false;
    wsc::frame_parser p(open);
    auto* b = reinterpret_cast<std::uint8_t*>(wire.data());
    std::size_t pos = 0;
    std::vector<std::string> out;
    std::string msg;
    bool in_msg = false, keep = false;
    for (int guard = 0; guard < 100000; ++guard) {
        const auto s = p.next(b + pos, wire.size() - pos);
        pos += s.consumed;
        if (s.what == wsc::frame_parser::status::header) {
            const auto& h = p.header();
            if (h.opcode == 1 || h.opcode == 2) {
                in_msg = true;
                keep = text_only ? h.opcode == 1 && !(h.rsv & wsc::rsv1) : (h.rsv & wsc::rsv1) != 0;
                msg.clear();
            }
        } else if (s.what == wsc::frame_parser::status::payload) {
            if (in_msg && p.header().opcode < 8) msg.append(reinterpret_cast<const char*>(s.data), s.size);
        } else if (s.what == wsc::frame_parser::status::frame_end) {
            if (in_msg && p.header().opcode < 8 && p.header().fin) {
                if (keep) out.push_back(msg);
                in_msg = false;
            }
        } else {
            break;  // need_more at the end, or a row that sends a broken frame on purpose
        }
    }
    return out;
}

// The values of every Sec-WebSocket-Extensions field of an HTTP head.
std::vector<std::string> extension_fields(std::string_view head) {
    std::vector<std::string> out;
    if (const auto h = wsc_fuzz::ref::parse_head(head))
        for (auto& v : h->all("Sec-WebSocket-Extensions")) out.push_back(v);
    return out;
}

std::uint8_t window_byte(const wsc::deflate_params& p) {  // deflate_inflate's [1]
    return static_cast<std::uint8_t>(((p.server_max_window_bits - 8) & 7) | ((p.client_max_window_bits - 8) & 7) << 3);
}

// Rows of the codec case tables, loaded with the tables' own loader
// (cases/codec_tables/runner), so every generator in a row (frames, repeats,
// deflate, handshake templates) is expanded exactly as the table suite plays it.
// Endpoint rows feed frame_parse, message_assemble (same role, checks and deflate
// parameters), differential_beast (server rows without deflate) and, for deflate
// rows, deflate_inflate (each compressed message) and deflate_roundtrip (the
// messages the row expects). Handshake rows feed the handshake targets and their
// Sec-WebSocket-Extensions values extensions_negotiate; writer rows' golden octets
// feed frame_parse.
// A row's seed, unless it is longer than the target's max_len in fuzz/*.options
// could use (libFuzzer cuts longer seeds; the table suite plays the big rows).
void add_row(const std::string& target, const std::string& name, std::vector<std::uint8_t> fields, std::string_view body) {
    const std::size_t cap = target.rfind("deflate_", 0) == 0 ? 8192 : 4096;
    if (wsc_fuzz::kConfigSize + body.size() <= cap) add(target, name, std::move(fields), body);
}

void table_seeds(const fs::path& dir) {
    if (!fs::is_directory(dir)) return;
    const auto set = wsc::tables::load_tables(dir);
    for (const auto& e : set.errors) std::cerr << "make_seeds: table error (rows skipped): " << e << "\n";
    // handshake_client's key comes from fixed_random(prefix[0]); key_seed 0 here.
    std::uint8_t nonce0[16];
    wsc::fixed_random(0)(nonce0, sizeof nonce0);
    const std::string accept0 = wsc_fuzz::ref::accept_for(wsc_fuzz::ref::base64_encode(nonce0, sizeof nonce0));
    std::map<std::string, int> per_target_before;
    for (const auto& [t, files] : seeds) per_target_before[t] = static_cast<int>(files.size());
    unsigned n = 0;
    for (const auto& row : set.rows) {
        const std::string name = "table_" + wsc::tables::test_name(row.id);
        const auto mode = static_cast<std::uint8_t>(n % 4), seed = static_cast<std::uint8_t>(n);
        ++n;
        if (const auto* c = std::get_if<wsc::tables::endpoint_case>(&row.body)) {
            if (c->input.empty()) continue;
            const bool client = c->config.side == wsc::role::client;
            const auto& dfl = c->config.deflate;
            const auto& k = c->config.checks;
            // frame_parse: [0] masking (1 must be masked, 2 must be unmasked), [1] RSV, [2] checks, [3] limit.
            add_row("frame_parse", name,
                {std::uint8_t(client ? 2 : 1), std::uint8_t(dfl ? wsc::rsv1 : 0), std::uint8_t(c->config.strict_lengths ? 4 : 0), 0,
                 mode, seed},
                c->input);
            // message_assemble: [0] role/options, [1] checks off, [2] deflate, [3] limits, [4] send first.
            const std::uint8_t opts = std::uint8_t((client ? 1 : 0) | (c->config.strict_lengths ? 2 : 0) | (c->config.auto_pong ? 0 : 4) |
                                                   (c->eof ? 16 : 0));
            std::uint8_t off = std::uint8_t((k.utf8 ? 0 : 1) | (k.masking ? 0 : 2) | (k.reserved_bits ? 0 : 4) | (k.reserved_opcodes ? 0 : 8) |
                                            (k.close_codes ? 0 : 16) | (k.control_frames ? 0 : 32) | (k.fragmentation ? 0 : 64));
            if (off) off |= 0x80;
            std::uint8_t d = 0;
            if (dfl)
                d = std::uint8_t(0x80 | (dfl->server_no_context_takeover ? 1 : 0) | (dfl->client_no_context_takeover ? 2 : 0) |
                                 ((dfl->server_max_window_bits - 8) & 7) << 2 | ((dfl->client_max_window_bits - 8) & 7) << 4);
            add_row("message_assemble", name, {opts, off, d, 0, 0, mode, seed}, c->input);
            if (!client && !dfl) add_row("differential_beast", name, {0, mode, seed}, c->input);
            if (!dfl) {
                int m = 0;
                for (const auto& t : compressed_messages(c->input, true)) {
                    if (m == 3) break;
                    if (!t.empty()) add_row("utf8_validate", name + "_m" + std::to_string(m++), {mode, seed}, t);
                }
            }
            if (dfl) {
                const std::uint8_t side = client ? 1 : 0;
                const std::uint8_t tk = std::uint8_t((dfl->server_no_context_takeover ? 2 : 0) | (dfl->client_no_context_takeover ? 4 : 0));
                int m = 0;
                for (const auto& z : compressed_messages(c->input)) {
                    if (m == 3) break;
                    add_row("deflate_inflate", name + "_m" + std::to_string(m++), {std::uint8_t(side | tk | 8), window_byte(*dfl), 0xff, 0, mode, seed}, z);
                }
                std::string plain;
                for (const auto& ev : c->events)
                    if (ev.what == wsc::tables::expected_event::kind::text || ev.what == wsc::tables::expected_event::kind::binary)
                        plain += ev.payload;
                if (!plain.empty())
                    add_row("deflate_roundtrip", name, {std::uint8_t(side | tk), std::uint8_t(window_byte(*dfl)), seed, mode, seed}, plain);
            }
        } else if (const auto* s = std::get_if<wsc::tables::server_handshake_case>(&row.body)) {
            // handshake_server: [0] policy, [1] deflate policy (0x80: on), [2] head limit.
            if (s->request.empty()) continue;
            add_row("handshake_server", name, {0, 0x80, 0, mode, seed}, s->request);
            int m = 0;
            for (const auto& v : extension_fields(s->request)) add_row("extensions_negotiate", name + "_" + std::to_string(m++), {0, 0, 0}, v);
        } else if (const auto* cl = std::get_if<wsc::tables::client_handshake_case>(&row.body)) {
            // handshake_client: the row's Accept (for its own nonce) becomes the one for
            // the harness's key, so accepted rows stay accepted.
            if (cl->response.empty()) continue;
            std::string resp = cl->response;
            const std::string row_accept = wsc_fuzz::ref::accept_for(
                wsc_fuzz::ref::base64_encode(reinterpret_cast<const unsigned char*>(cl->key_octets.data()), cl->key_octets.size()));
            for (std::size_t at = resp.find(row_accept); at != std::string::npos; at = resp.find(row_accept, at + accept0.size()))
                resp.replace(at, row_accept.size(), accept0);
            add_row("handshake_client", name, {0, 0x0f, 0x03, 0, mode, seed}, resp);
            int m = 0;
            for (const auto& v : extension_fields(resp)) add_row("extensions_negotiate", name + "_" + std::to_string(m++), {0, 0, 0}, v);
        } else if (const auto* w = std::get_if<wsc::tables::writer_case>(&row.body)) {
            if (!w->expected.empty()) add_row("frame_parse", name, {0, 7, 0, 0, mode, seed}, w->expected);
        }
    }
    std::cerr << "make_seeds: " << set.rows.size() << " rows from the case tables in " << dir << ":";
    for (const auto& [t, files] : seeds) std::cerr << " " << t << " +" << static_cast<int>(files.size()) - per_target_before[t];
    std::cerr << "\n";
}
#else
void table_seeds(const fs::path& dir) {
    if (!fs::is_directory(dir)) return;
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        std::ifstream in(f);
        const auto j = nlohmann::json::parse(in, nullptr, false);
        if (j.is_discarded()) {
            std::cerr << "make_seeds: skipping " << f << " (not JSON)\n";
            continue;
        }
        int count = 0;
        walk_json(j, f.stem().string(), count, false);
        std::cerr << "make_seeds: " << count << " seeds from " << f << "\n";
    }
}

#endif

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: wsc_make_seeds <out-dir> [<cases dir>]\n";
        return 2;
    }
    frame_parse_seeds();
    message_assemble_seeds();
    utf8_seeds();
    handshake_server_seeds();
    handshake_client_seeds();
    deflate_seeds();
    extensions_seeds();
    differential_seeds();
    if (argc > 2) {
        table_seeds(fs::path(argv[2]) / "codec_tables");
        catalogue_seeds(fs::path(argv[2]) / "autobahn");
    }

    const fs::path out = argv[1];
    for (const auto& [target, files] : seeds) {
        const fs::path dir = out / target;
        fs::create_directories(dir);
        for (const auto& [name, bytes] : files) {
            std::ofstream f(dir / name, std::ios::binary);
            f.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        }
        std::cout << target << ": " << files.size() << " seeds\n";
    }
    return 0;
}
