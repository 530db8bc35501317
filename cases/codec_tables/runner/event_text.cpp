// One-line descriptions of events, shared by the players' failure messages.
#include "byte_builder.hpp"
#include "players.hpp"
#include "wsc/utf8.hpp"

namespace wsc::tables {
namespace {

// Printable payloads as text, anything else as hex; long ones shortened.
std::string show(const std::string& p) {
    bool printable = is_valid_utf8(p) && p.size() <= 80;
    for (unsigned char c : p) printable = printable && (c >= 0x20 || c == '\t');
    if (printable) return "\"" + p + "\"";
    return "hex[" + to_hex(p, 24) + "]" + (p.size() > 24 ? "" : " (" + std::to_string(p.size()) + " octets)");
}

std::string close_text(const std::optional<std::uint16_t>& code, const std::string& reason) {
    return "close " + (code ? std::to_string(*code) : std::string("(no body)")) + (reason.empty() ? "" : " " + show(reason));
}

}  // namespace

std::string describe(const expected_event& e) {
    using k = expected_event::kind;
    switch (e.what) {
    case k::text: return "text " + show(e.payload);
    case k::binary: return "binary " + show(e.payload);
    case k::ping: return "ping " + show(e.payload);
    case k::pong: return "pong " + show(e.payload);
    case k::close: return close_text(e.code, e.payload);
    case k::failure: {
        std::string s = "failure ";
        for (std::size_t i = 0; i < e.failures.size(); ++i) s += (i ? " or " : "") + std::string(name_of(e.failures[i]));
        return s;
    }
    }
    return {};
}

std::string describe(const event& e) {
    struct visitor {
        std::string operator()(const message_event& m) const { return (m.binary ? "binary " : "text ") + show(m.data); }
        std::string operator()(const ping_event& p) const { return "ping " + show(p.payload); }
        std::string operator()(const pong_event& p) const { return "pong " + show(p.payload); }
        std::string operator()(const close_event& c) const { return close_text(c.code, c.reason); }
        std::string operator()(const failure_event& f) const {
            return "failure " + std::string(name_of(f.err)) + (f.detail.empty() ? "" : " (" + f.detail + ")");
        }
    };
    return std::visit(visitor{}, e);
}

bool matches(const expected_event& want, const event& got) {
    using k = expected_event::kind;
    switch (want.what) {
    case k::text:
    case k::binary: {
        const auto* m = std::get_if<message_event>(&got);
        return m && m->binary == (want.what == k::binary) && m->data == want.payload;
    }
    case k::ping: {
        const auto* p = std::get_if<ping_event>(&got);
        return p && p->payload == want.payload;
    }
    case k::pong: {
        const auto* p = std::get_if<pong_event>(&got);
        return p && p->payload == want.payload;
    }
    case k::close: {
        const auto* c = std::get_if<close_event>(&got);
        return c && c->code == want.code && c->reason == want.payload;
    }
    case k::failure: {
        const auto* f = std::get_if<failure_event>(&got);
        if (!f) return false;
        for (error e : want.failures)
            if (f->err == e) return true;
        return false;
    }
    }
    return false;
}

std::string describe(const std::optional<deflate_params>& p) {
    if (!p) return "no permessage-deflate";
    return "permessage-deflate{server_no_context_takeover=" + std::to_string(p->server_no_context_takeover) +
           ", client_no_context_takeover=" + std::to_string(p->client_no_context_takeover) +
           ", server_max_window_bits=" + std::to_string(p->server_max_window_bits) +
           ", client_max_window_bits=" + std::to_string(p->client_max_window_bits) + "}";
}

}  // namespace wsc::tables
