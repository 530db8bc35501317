#include "wsc/catalogue/case.hpp"

#include <algorithm>

namespace wsc::catalogue {

std::string_view to_string(Level level) {
    switch (level) {
        case Level::must: return "MUST";
        case Level::should: return "SHOULD";
        case Level::info: return "INFO";
    }
    return "?";
}

std::string_view to_string(Kind kind) {
    switch (kind) {
        case Kind::standard: return "standard";
        case Kind::bulk_echo: return "bulk-echo";
        case Kind::roundtrip: return "roundtrip";
        case Kind::compression: return "compression";
        case Kind::informational: return "informational";
        case Kind::close_wrong_code_fails: return "close-wrong-code-fails";
        case Kind::frame_count: return "frame-count";
        case Kind::handshake: return "handshake";
    }
    return "?";
}

std::string_view to_string(Role role) { return role == Role::server ? "server" : "client"; }

bool Case::applies_to(Role role) const { return std::find(roles.begin(), roles.end(), role) != roles.end(); }

const std::string& description(const Case& c) { return c.description; }

std::string listing_line(const Case& c) {
    std::string id = c.id.str();
    std::string level(to_string(c.level));
    id.resize(std::max<std::size_t>(id.size(), 9), ' ');
    level.resize(7, ' ');
    return id + " " + level + c.rfc + "  " + c.description;
}

const Outcome* find_outcome(const std::vector<Outcome>& outcomes, const std::string& label) {
    for (const Outcome& o : outcomes) {
        if (o.label == label) return &o;
    }
    return nullptr;
}

std::string deflate_offer_header(const std::vector<DeflateParams>& offers) {
    std::string out;
    for (const DeflateParams& p : offers) {
        if (!out.empty()) out += ", ";
        // Autobahn's client always advertises both client_* parameters in every offer.
        out += "permessage-deflate; client_no_context_takeover; client_max_window_bits";
        if (p.no_context_takeover) out += "; server_no_context_takeover";
        if (p.max_window_bits) out += "; server_max_window_bits=" + std::to_string(p.max_window_bits);
    }
    return out;
}

std::string deflate_accept_header(const DeflateParams& accept) {
    std::string out = "permessage-deflate";
    if (accept.no_context_takeover) out += "; client_no_context_takeover";
    if (accept.max_window_bits) out += "; client_max_window_bits=" + std::to_string(accept.max_window_bits);
    return out;
}

std::string_view step_name(const Step& step) {
    static constexpr std::string_view names[] = {
        "send_frame", "send_message", "send_stream_header", "send_stream_piece", "send_close", "send_close_raw",
        "wait", "continue_later", "kill_after", "close_after", "send_raw_request", "send_raw_response"};
    static_assert(std::size(names) == std::variant_size_v<Step>);
    return names[step.index()];
}

}  // namespace wsc::catalogue
