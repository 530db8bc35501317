#include "table_loader.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "byte_builder.hpp"
#include "wsc/handshake.hpp"

namespace wsc::tables {
namespace {

namespace fs = std::filesystem;

// The key a server-bound frame is masked with unless the row says otherwise: the
// RFC 6455 §5.7 example key, so hand-checked octets line up with the RFC.
constexpr mask_key default_client_key{0x37, 0xfa, 0x21, 0x3d};

error error_named(const json_node& n) {
    error e;
    const std::string name = n.as_string();
    if (!error_from_name(name, e)) n.fail("unknown error enumerator \"" + name + "\" (see codec/include/wsc/error.hpp)");
    return e;
}

std::vector<std::string> string_list(const json_node& n) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < n.size(); ++i) out.push_back(n[i].as_string());
    return out;
}

std::vector<http_header> header_pairs(const json_node& n) {
    std::vector<http_header> out;
    for (std::size_t i = 0; i < n.size(); ++i) {
        const json_node pair = n[i];
        if (pair.size() != 2) pair.fail("a header is written as [name, value]");
        out.push_back({pair[0].as_string(), pair[1].as_string()});
    }
    return out;
}

std::vector<http_header> header_object(const json_node& n) {
    if (!n.is_object()) n.fail("expected an object of header name to value");
    std::vector<http_header> out;
    for (const auto& [k, v] : n.value().items()) {
        if (!v.is_string()) n.at(k).fail("a header value is a string");
        out.push_back({k, v.get<std::string>()});
    }
    return out;
}

std::uint8_t window_bits(const json_node& n) {
    const auto v = n.as_uint(15);
    if (v < 8) n.fail("window bits are 8..15 (RFC 7692 §7.1.2)");
    return static_cast<std::uint8_t>(v);
}

deflate_params parse_deflate_params(const json_node& n) {
    deflate_params p;
    if (n.value().is_boolean()) {
        if (!n.as_bool()) n.fail("write the deflate parameters or leave the key out; false is not a value");
        return p;
    }
    n.allow_only({"server_no_context_takeover", "client_no_context_takeover", "server_max_window_bits",
                  "client_max_window_bits"});
    if (auto v = n.find("server_no_context_takeover")) p.server_no_context_takeover = v->as_bool();
    if (auto v = n.find("client_no_context_takeover")) p.client_no_context_takeover = v->as_bool();
    if (auto v = n.find("server_max_window_bits")) p.server_max_window_bits = window_bits(*v);
    if (auto v = n.find("client_max_window_bits")) p.client_max_window_bits = window_bits(*v);
    return p;
}

std::optional<deflate_params> parse_optional_params(const json_node& n) {
    if (n.is_null()) return std::nullopt;
    return parse_deflate_params(n);
}

role parse_role(const json_node& n) {
    const std::string r = n.as_string();
    if (r == "server") return role::server;
    if (r == "client") return role::client;
    n.fail("role is \"server\" (receives masked client frames) or \"client\" (receives unmasked frames)");
}

handshake_status parse_status(const json_node& n) {
    const std::string s = n.as_string();
    if (s == "accepted") return handshake_status::accepted;
    if (s == "rejected") return handshake_status::rejected;
    if (s == "need_more") return handshake_status::need_more;
    n.fail("status is accepted, rejected or need_more");
}

std::uint32_t key_value(const mask_key& k) {
    return (std::uint32_t(k[0]) << 24) | (std::uint32_t(k[1]) << 16) | (std::uint32_t(k[2]) << 8) | k[3];
}

// ---- endpoint rows

void parse_checks(const json_node& n, endpoint_checks& c) {
    n.allow_only({"utf8", "masking", "reserved_bits", "reserved_opcodes", "close_codes", "control_frames", "fragmentation"});
    if (auto v = n.find("utf8")) c.utf8 = v->as_bool();
    if (auto v = n.find("masking")) c.masking = v->as_bool();
    if (auto v = n.find("reserved_bits")) c.reserved_bits = v->as_bool();
    if (auto v = n.find("reserved_opcodes")) c.reserved_opcodes = v->as_bool();
    if (auto v = n.find("close_codes")) c.close_codes = v->as_bool();
    if (auto v = n.find("control_frames")) c.control_frames = v->as_bool();
    if (auto v = n.find("fragmentation")) c.fragmentation = v->as_bool();
}

// Returns the deflate parameters the peer compresses its input with.
std::optional<deflate_params> parse_endpoint_config(const json_node& n, endpoint_case& c) {
    n.allow_only({"strict_lengths", "max_message_size", "max_frame_size", "auto_pong", "mask_key", "deflate",
                  "peer_deflate", "checks"});
    endpoint_config& cfg = c.config;
    if (auto v = n.find("strict_lengths")) cfg.strict_lengths = v->as_bool();
    if (auto v = n.find("max_message_size")) cfg.max_message_size = v->as_uint();
    if (auto v = n.find("max_frame_size")) cfg.max_frame_size = v->as_uint();
    if (auto v = n.find("auto_pong")) cfg.auto_pong = v->as_bool();
    if (auto v = n.find("mask_key")) c.mask_key = key_value(parse_mask(*v));
    if (auto v = n.find("deflate")) cfg.deflate = parse_deflate_params(*v);
    if (auto v = n.find("checks")) parse_checks(*v, cfg.checks);
    if (auto v = n.find("peer_deflate")) return parse_deflate_params(*v);
    return cfg.deflate;
}

std::vector<expected_event> parse_events(const json_node& list, byte_builder& plain) {
    std::vector<expected_event> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const json_node e = list[i];
        expected_event ev;
        if (auto v = e.find("text")) {
            e.allow_only({"text"});
            ev.what = expected_event::kind::text;
            ev.payload = plain.payload(*v);
        } else if (auto v = e.find("binary")) {
            e.allow_only({"binary"});
            ev.what = expected_event::kind::binary;
            ev.payload = plain.payload(*v);
        } else if (auto v = e.find("ping")) {
            e.allow_only({"ping"});
            ev.what = expected_event::kind::ping;
            ev.payload = plain.payload(*v);
        } else if (auto v = e.find("pong")) {
            e.allow_only({"pong"});
            ev.what = expected_event::kind::pong;
            ev.payload = plain.payload(*v);
        } else if (auto v = e.find("close")) {
            e.allow_only({"close", "reason"});
            ev.what = expected_event::kind::close;
            if (!v->is_null()) ev.code = static_cast<std::uint16_t>(v->as_uint(0xFFFF));
            if (auto r = e.find("reason")) ev.payload = plain.payload(*r);
        } else if (auto v = e.find("failure")) {
            e.allow_only({"failure"});
            ev.what = expected_event::kind::failure;
            if (v->is_array()) {
                for (std::size_t k = 0; k < v->size(); ++k) ev.failures.push_back(error_named((*v)[k]));
                if (ev.failures.empty()) v->fail("list at least one acceptable error");
            } else {
                ev.failures.push_back(error_named(*v));
            }
        } else {
            e.fail("an event is one of text, binary, ping, pong, close, failure");
        }
        out.push_back(std::move(ev));
    }
    return out;
}

std::vector<endpoint_action> parse_actions(const json_node& list, byte_builder& plain) {
    using verb = endpoint_action::verb;
    static const std::map<std::string, verb, std::less<>> verbs{
        {"send_text", verb::send_text},   {"send_binary", verb::send_binary}, {"send_continuation", verb::send_continuation},
        {"send_ping", verb::send_ping},   {"send_pong", verb::send_pong},     {"send_close", verb::send_close},
        {"fail", verb::fail},             {"receive_eof", verb::receive_eof},
    };
    std::vector<endpoint_action> out;
    for (std::size_t i = 0; i < list.size(); ++i) {
        const json_node a = list[i];
        a.allow_only({"send_text", "send_binary", "send_continuation", "send_ping", "send_pong", "send_close", "fail",
                      "receive_eof", "fin", "reason", "returns"});
        endpoint_action act;
        int verbs_seen = 0;
        for (const auto& [name, v] : verbs) {
            auto arg = a.find(name);
            if (!arg) continue;
            ++verbs_seen;
            act.what = v;
            switch (v) {
            case verb::send_close:
                if (!arg->is_null()) act.code = static_cast<std::uint16_t>(arg->as_uint(0xFFFF));
                break;
            case verb::fail:
                act.fail_with = error_named(*arg);
                break;
            case verb::receive_eof:
                if (!arg->as_bool()) arg->fail("write receive_eof: true");
                break;
            default:
                act.data = plain.payload(*arg);
            }
        }
        if (verbs_seen != 1) a.fail("an action names exactly one verb (send_text, send_close, fail, receive_eof, ...)");
        if (auto f = a.find("fin")) act.fin = f->as_bool();
        if (auto r = a.find("reason")) act.data = plain.payload(*r);
        if (auto r = a.find("returns")) act.returns = error_named(*r);
        out.push_back(std::move(act));
    }
    return out;
}

conn_state parse_state(const json_node& n) {
    const std::string s = n.as_string();
    if (s == "open") return conn_state::open;
    if (s == "closing") return conn_state::closing;
    if (s == "closed") return conn_state::closed;
    n.fail("state is open, closing or closed");
}

endpoint_case parse_endpoint_case(const json_node& row) {
    row.allow_only({"id", "section", "requirement", "level", "note", "role", "config", "before", "input", "drop_last", "eof",
                    "after", "expect"});
    endpoint_case c;
    c.config.side = parse_role(row.at("role"));
    std::optional<deflate_params> peer_deflate = c.config.deflate;
    if (auto cfg = row.find("config")) peer_deflate = parse_endpoint_config(*cfg, c);

    const role peer = c.config.side == role::server ? role::client : role::server;
    const mask_key own_key{static_cast<std::uint8_t>(c.mask_key >> 24), static_cast<std::uint8_t>(c.mask_key >> 16),
                           static_cast<std::uint8_t>(c.mask_key >> 8), static_cast<std::uint8_t>(c.mask_key)};
    byte_builder input(peer, c.config.side == role::server ? std::optional(default_client_key) : std::nullopt, peer_deflate);
    byte_builder output(c.config.side, c.config.side == role::client ? std::optional(own_key) : std::nullopt,
                        c.config.deflate);
    byte_builder plain(c.config.side, std::nullopt, std::nullopt);

    if (auto v = row.find("before")) c.before = parse_actions(*v, plain);
    c.input = input.stream(row.at("input"));
    if (auto v = row.find("drop_last")) {
        c.drop_last = v->as_uint();
        if (c.drop_last > c.input.size()) v->fail("drop_last is longer than the input");
    }
    if (auto v = row.find("eof")) c.eof = v->as_bool();
    if (auto v = row.find("after")) c.after = parse_actions(*v, plain);

    const json_node ex = row.at("expect");
    ex.allow_only({"events", "output", "eof_to_send", "close_expected", "closing_handshake_complete", "state"});
    c.events = parse_events(ex.at("events"), plain);
    if (auto v = ex.find("output")) c.output = output.stream(*v);
    if (auto v = ex.find("eof_to_send")) c.eof_to_send = v->as_bool();
    if (auto v = ex.find("close_expected")) c.close_expected = v->as_bool();
    if (auto v = ex.find("closing_handshake_complete")) c.handshake_complete = v->as_bool();
    if (auto v = ex.find("state")) c.state = parse_state(*v);
    return c;
}

// ---- handshake rows

bool same_name(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

// A head written as a string, or as {"template", "start_line", "remove", "set", "add"}
// edits of one of the file's templates.
std::string parse_head(const json_node& n, const std::map<std::string, std::string>& templates) {
    if (n.is_string()) return n.as_string();
    n.allow_only({"template", "start_line", "remove", "set", "add"});
    const json_node tn = n.at("template");
    const auto t = templates.find(tn.as_string());
    if (t == templates.end()) tn.fail("no template named \"" + tn.as_string() + "\" in this file's templates");
    std::vector<std::string> lines;
    const std::string& text = t->second;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto end = text.find("\r\n", pos);
        if (end == std::string::npos || end == pos) break;
        lines.push_back(text.substr(pos, end - pos));
        pos = end + 2;
    }
    if (lines.empty()) tn.fail("the template has no start line");
    auto name_of_line = [](const std::string& line) { return std::string_view(line).substr(0, line.find(':')); };
    if (auto v = n.find("start_line")) lines[0] = v->as_string();
    if (auto v = n.find("remove")) {
        for (const auto& name : string_list(*v))
            lines.erase(std::remove_if(lines.begin() + 1, lines.end(),
                                       [&](const std::string& l) { return same_name(name_of_line(l), name); }),
                        lines.end());
    }
    if (auto v = n.find("set")) {
        for (const auto& h : header_object(*v)) {
            auto it = std::find_if(lines.begin() + 1, lines.end(),
                                   [&](const std::string& l) { return same_name(name_of_line(l), h.name); });
            if (it == lines.end()) lines.push_back(h.name + ": " + h.value);
            else *it = h.name + ": " + h.value;
        }
    }
    if (auto v = n.find("add"))
        for (const auto& h : header_pairs(*v)) lines.push_back(h.name + ": " + h.value);
    std::string out;
    for (const auto& l : lines) out += l + "\r\n";
    return out + "\r\n";
}

std::optional<std::optional<std::string>> parse_optional_string(const json_node& n) {
    if (n.is_null()) return std::optional<std::string>();
    return std::optional<std::string>(n.as_string());
}

server_handshake_case parse_server_case(const json_node& row, const std::map<std::string, std::string>& templates) {
    row.allow_only({"id", "section", "requirement", "level", "note", "request", "after", "server", "expect"});
    server_handshake_case c;
    byte_builder plain(role::client, std::nullopt, std::nullopt);
    c.request = parse_head(row.at("request"), templates);
    if (auto v = row.find("after")) c.request += plain.stream(*v);
    if (auto s = row.find("server")) {
        s->allow_only({"subprotocols", "origins", "deflate", "extra_response_headers", "max_head_size"});
        if (auto v = s->find("subprotocols")) c.subprotocols = string_list(*v);
        if (auto v = s->find("origins")) {
            v->allow_only({"allow", "allow_missing"});
            c.origin_allow = string_list(v->at("allow"));
            if (auto m = v->find("allow_missing")) c.origin_allow_missing = m->as_bool();
        }
        if (auto v = s->find("deflate")) {
            v->allow_only({"enabled", "server_no_context_takeover", "server_max_window_bits", "client_no_context_takeover",
                           "client_max_window_bits"});
            c.deflate.enabled = true;
            if (auto f = v->find("enabled")) c.deflate.enabled = f->as_bool();
            if (auto f = v->find("server_no_context_takeover")) c.deflate.server_no_context_takeover = f->as_bool();
            if (auto f = v->find("client_no_context_takeover")) c.deflate.client_no_context_takeover = f->as_bool();
            if (auto f = v->find("server_max_window_bits")) c.deflate.server_max_window_bits = window_bits(*f);
            if (auto f = v->find("client_max_window_bits")) c.deflate.client_max_window_bits = window_bits(*f);
        }
        if (auto v = s->find("extra_response_headers")) c.extra_response_headers = header_pairs(*v);
        if (auto v = s->find("max_head_size")) c.max_head_size = v->as_uint();
    }
    const json_node ex = row.at("expect");
    ex.allow_only({"status", "error", "http_status", "headers", "absent_headers", "subprotocol", "deflate",
                   "extension_params", "leftover"});
    c.status = parse_status(ex.at("status"));
    if (auto v = ex.find("error")) c.failure = error_named(*v);
    if ((c.status == handshake_status::rejected) != (c.failure != error::none))
        ex.fail("a rejected row names its error, and only a rejected row does");
    if (auto v = ex.find("http_status")) c.http_status = static_cast<int>(v->as_uint(599));
    if (auto v = ex.find("headers")) c.headers = header_object(*v);
    if (auto v = ex.find("absent_headers")) c.absent_headers = string_list(*v);
    if (auto v = ex.find("subprotocol")) c.subprotocol = parse_optional_string(*v);
    if (auto v = ex.find("deflate")) c.deflate_agreed = parse_optional_params(*v);
    if (auto v = ex.find("extension_params")) {
        v->allow_only({"include", "exclude", "values"});
        extension_param_check chk;
        if (auto f = v->find("include")) chk.include = string_list(*f);
        if (auto f = v->find("exclude")) chk.exclude = string_list(*f);
        if (auto f = v->find("values"))
            for (const auto& h : header_object(*f)) chk.values.emplace_back(h.name, h.value);
        c.extension_params = chk;
    }
    if (auto v = ex.find("leftover")) c.leftover = plain.stream(*v);
    return c;
}

deflate_offer parse_offer_json(const json_node& n) {
    n.allow_only({"server_no_context_takeover", "client_no_context_takeover", "server_max_window_bits",
                  "client_max_window_bits"});
    deflate_offer o;
    if (auto v = n.find("server_no_context_takeover")) o.server_no_context_takeover = v->as_bool();
    if (auto v = n.find("client_no_context_takeover")) o.client_no_context_takeover = v->as_bool();
    if (auto v = n.find("server_max_window_bits")) o.server_max_window_bits = window_bits(*v);
    if (auto v = n.find("client_max_window_bits")) {
        if (v->value().is_boolean()) {
            o.client_max_window_bits = v->as_bool();
        } else {
            o.client_max_window_bits = true;
            o.client_max_window_bits_value = window_bits(*v);
        }
    }
    return o;
}

void replace_all(std::string& s, std::string_view from, std::string_view to) {
    for (auto pos = s.find(from); pos != std::string::npos; pos = s.find(from, pos + to.size()))
        s.replace(pos, from.size(), to);
}

client_handshake_case parse_client_case(const json_node& row, const std::map<std::string, std::string>& templates) {
    row.allow_only({"id", "section", "requirement", "level", "note", "client", "response", "after", "expect"});
    client_handshake_case c;
    c.key_octets = "the sample nonce";  // RFC 6455 §1.3's example key
    byte_builder plain(role::server, std::nullopt, std::nullopt);
    if (auto s = row.find("client")) {
        s->allow_only({"host", "target", "origin", "subprotocols", "deflate_offers", "extra_headers", "key_hex",
                       "max_head_size"});
        if (auto v = s->find("host")) c.host = v->as_string();
        if (auto v = s->find("target")) c.target = v->as_string();
        if (auto v = s->find("origin")) c.origin = v->as_string();
        if (auto v = s->find("subprotocols")) c.subprotocols = string_list(*v);
        if (auto v = s->find("deflate_offers"))
            for (std::size_t i = 0; i < v->size(); ++i) c.offers.push_back(parse_offer_json((*v)[i]));
        if (auto v = s->find("extra_headers")) c.extra_headers = header_pairs(*v);
        if (auto v = s->find("key_hex")) {
            c.key_octets = parse_hex(*v);
            if (c.key_octets.size() != 16) v->fail("the nonce is 16 octets");
        }
        if (auto v = s->find("max_head_size")) c.max_head_size = v->as_uint();
    }
    c.response = parse_head(row.at("response"), templates);
    if (auto v = row.find("after")) c.response += plain.stream(*v);
    // The accept value depends on the key the client draws, so rows write
    // {accept}; computed here from the same nonce the player will inject.
    const std::string nonce = c.key_octets;
    client_handshake_config probe;
    probe.host = c.host;
    probe.random = [nonce](std::uint8_t* out, std::size_t n) {
        for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<std::uint8_t>(nonce[i % nonce.size()]);
    };
    replace_all(c.response, "{accept}", compute_accept(client_handshake(probe).key()));

    const json_node ex = row.at("expect");
    ex.allow_only({"status", "error", "request_line", "request_headers", "request_absent_headers", "subprotocol", "deflate",
                   "leftover"});
    c.status = parse_status(ex.at("status"));
    if (auto v = ex.find("error")) c.failure = error_named(*v);
    if ((c.status == handshake_status::rejected) != (c.failure != error::none))
        ex.fail("a rejected row names its error, and only a rejected row does");
    if (auto v = ex.find("request_line")) c.request_line = v->as_string();
    if (auto v = ex.find("request_headers")) c.request_headers = header_object(*v);
    if (auto v = ex.find("request_absent_headers")) c.request_absent_headers = string_list(*v);
    if (auto v = ex.find("subprotocol")) c.subprotocol = parse_optional_string(*v);
    if (auto v = ex.find("deflate")) c.deflate_agreed = parse_optional_params(*v);
    if (auto v = ex.find("leftover")) c.leftover = plain.stream(*v);
    return c;
}

// ---- writer rows

writer_case parse_writer_case(const json_node& row) {
    row.allow_only({"id", "section", "requirement", "level", "note", "frames", "role", "config", "send", "expect"});
    writer_case c;
    byte_builder plain(role::client, std::nullopt, std::nullopt);
    const bool by_frames = row.has("frames"), by_endpoint = row.has("send");
    if (by_frames == by_endpoint) row.fail("a writer row has either frames (encode_frame) or send (endpoint actions)");
    if (by_frames) {
        const json_node list = row.at("frames");
        for (std::size_t i = 0; i < list.size(); ++i) {
            const json_node f = list[i];
            f.allow_only({"fin", "rsv", "opcode", "mask", "length_octets", "payload"});
            frame_spec spec;
            writer_frame wf;
            if (auto v = f.find("fin")) spec.fin = wf.fin = v->as_bool();
            if (auto v = f.find("rsv")) spec.rsv = wf.rsv = static_cast<std::uint8_t>(v->as_uint(7));
            spec.opcode = wf.opcode = static_cast<std::uint8_t>(f.at("opcode").as_uint(15));
            if (auto v = f.find("mask")) spec.mask = wf.mask = parse_mask(*v);
            if (auto v = f.find("length_octets")) {
                const auto l = v->as_uint(8);
                if (l != 0 && l != 2 && l != 8) v->fail("length_octets is 0, 2 or 8");
                spec.length_octets = static_cast<std::uint8_t>(l);
            }
            if (auto v = f.find("payload")) wf.payload = plain.payload(*v);
            c.frames.emplace_back(spec, std::move(wf));
        }
    } else {
        endpoint_case e;
        e.config.side = parse_role(row.at("role"));
        if (auto cfg = row.find("config")) parse_endpoint_config(*cfg, e);
        e.before = parse_actions(row.at("send"), plain);
        c.endpoint = std::move(e);
    }
    const json_node ex = row.at("expect");
    ex.allow_only({"bytes"});
    // Golden octets are spelled out; the deflate generator is not offered here
    // because the writer's own compressor would be checked against itself.
    c.expected = plain.stream(ex.at("bytes"));
    return c;
}

void check_level(const json_node& n) {
    const std::string l = n.as_string();
    if (l != "MUST" && l != "SHOULD" && l != "MAY") n.fail("level is MUST, SHOULD or MAY (RFC 2119), found \"" + l + "\"");
}

}  // namespace

std::string test_name(const std::string& id) {
    std::string out;
    for (char c : id) out.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
    return out;
}

std::vector<table_row> load_table_file(const fs::path& path, const std::string& display_name) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw table_error(display_name, "", "cannot open the file");
    std::stringstream text;
    text << in.rdbuf();
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(text.str());
    } catch (const nlohmann::json::parse_error& e) {
        throw table_error(display_name, "", std::string("not valid JSON: ") + e.what());
    }
    const json_node root(doc, display_name, "");
    root.allow_only({"kind", "title", "description", "templates", "rows"});
    const json_node kind_node = root.at("kind");
    const std::string kind = kind_node.as_string();
    if (kind != "endpoint" && kind != "server_handshake" && kind != "client_handshake" && kind != "writer")
        kind_node.fail("kind is endpoint, server_handshake, client_handshake or writer");

    std::map<std::string, std::string> templates;
    if (auto t = root.find("templates")) {
        if (!t->is_object()) t->fail("templates is an object of name to head text");
        for (const auto& [name, v] : t->value().items()) templates[name] = t->at(name).as_string();
    }

    std::vector<table_row> rows;
    const json_node list = root.at("rows");
    if (list.size() == 0) list.fail("a table needs at least one row");
    for (std::size_t i = 0; i < list.size(); ++i) {
        const json_node r = list[i];
        table_row row;
        row.file = display_name;
        row.pointer = r.pointer();
        row.id = r.at("id").as_string();
        if (row.id.empty()) r.at("id").fail("the id must not be empty");
        row.section = r.at("section").as_string();
        row.requirement = r.at("requirement").as_string();
        check_level(r.at("level"));
        row.level = r.at("level").as_string();
        if (kind == "endpoint") row.body = parse_endpoint_case(r);
        else if (kind == "server_handshake") row.body = parse_server_case(r, templates);
        else if (kind == "client_handshake") row.body = parse_client_case(r, templates);
        else row.body = parse_writer_case(r);
        rows.push_back(std::move(row));
    }
    return rows;
}

table_set load_tables(const fs::path& dir) {
    table_set out;
    std::vector<fs::path> files;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file() && it->path().extension() == ".json") files.push_back(it->path());
    if (ec) out.errors.push_back(dir.string() + ": cannot list the tables: " + ec.message());
    std::sort(files.begin(), files.end());
    std::map<std::string, std::string> seen;  // test name -> where
    for (const auto& f : files) {
        const std::string name = fs::relative(f, dir).generic_string();
        try {
            for (auto& row : load_table_file(f, name)) {
                const std::string where = row.file + ": " + row.pointer;
                auto [it, fresh] = seen.emplace(test_name(row.id), where);
                if (!fresh) {
                    out.errors.push_back(where + "/id: id \"" + row.id + "\" collides with the row at " + it->second);
                    continue;
                }
                out.rows.push_back(std::move(row));
            }
        } catch (const table_error& e) {
            out.errors.push_back(e.what());
        }
    }
    return out;
}

}  // namespace wsc::tables
