#include "wsc/net/url.hpp"

#include <charconv>

namespace wsc::net {

namespace {

std::optional<ws_url> refuse(std::string* why, std::string text) {
    if (why) *why = std::move(text);
    return std::nullopt;
}

bool iequals_prefix(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

}  // namespace

std::string ws_url::host_header() const {
    std::string h = host.find(':') != std::string::npos ? "[" + host + "]" : host;
    if (port != (tls ? 443 : 80)) h += ":" + std::to_string(port);
    return h;
}

std::string ws_url::to_string() const {
    std::string h = host.find(':') != std::string::npos ? "[" + host + "]" : host;
    return (tls ? "wss://" : "ws://") + h + ":" + std::to_string(port) + target;
}

ws_url ws_url::with_target(std::string t) const {
    ws_url copy = *this;
    copy.target = std::move(t);
    return copy;
}

std::optional<ws_url> parse_ws_url(std::string_view text, std::string* why) {
    ws_url url;
    if (iequals_prefix(text, "ws://")) {
        text.remove_prefix(5);
    } else if (iequals_prefix(text, "wss://")) {
        url.tls = true;
        text.remove_prefix(6);
    } else {
        return refuse(why, "the scheme must be ws:// or wss://");
    }
    url.port = url.tls ? 443 : 80;

    // §3: "Fragment identifiers are meaningless in the context of WebSocket URIs
    // and MUST NOT be used on these URIs."
    if (text.find('#') != std::string_view::npos) return refuse(why, "a WebSocket URL has no fragment (#)");

    const std::size_t path_at = text.find_first_of("/?");
    std::string_view authority = text.substr(0, path_at);
    if (path_at != std::string_view::npos) {
        url.target = std::string(text.substr(path_at));
        if (url.target.front() == '?') url.target.insert(url.target.begin(), '/');
    }
    if (authority.find('@') != std::string_view::npos) return refuse(why, "user information is not supported");

    std::string_view port_text;
    if (!authority.empty() && authority.front() == '[') {
        const std::size_t close = authority.find(']');
        if (close == std::string_view::npos) return refuse(why, "unterminated IPv6 literal");
        url.host = std::string(authority.substr(1, close - 1));
        std::string_view rest = authority.substr(close + 1);
        if (!rest.empty()) {
            if (rest.front() != ':') return refuse(why, "unexpected text after the IPv6 literal");
            port_text = rest.substr(1);
        }
    } else {
        const std::size_t colon = authority.rfind(':');
        url.host = std::string(authority.substr(0, colon));
        if (colon != std::string_view::npos) port_text = authority.substr(colon + 1);
    }
    if (url.host.empty()) return refuse(why, "the URL has no host");
    if (!port_text.empty()) {
        unsigned value = 0;
        auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), value);
        if (ec != std::errc() || end != port_text.data() + port_text.size() || value == 0 || value > 65535)
            return refuse(why, "bad port '" + std::string(port_text) + "'");
        url.port = static_cast<std::uint16_t>(value);
    }
    return url;
}

}  // namespace wsc::net
