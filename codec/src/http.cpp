#include "wsc/http.hpp"

#include "http_text.hpp"

namespace wsc {
namespace {

using http_text::iequals;
using http_text::is_ows;
using http_text::is_token;
using http_text::quote;
using http_text::trim_ows;

// RFC 9112 §2.3: HTTP-version = HTTP-name "/" DIGIT "." DIGIT.
bool is_http_version(std::string_view v) noexcept {
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    return v.size() == 8 && v.substr(0, 5) == "HTTP/" && digit(v[5]) && v[6] == '.' && digit(v[7]);
}

// RFC 9112 §3.2: the request-target forms are all visible ASCII with no spaces.
bool is_target(std::string_view t) noexcept {
    if (t.empty()) return false;
    for (char c : t) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7F) return false;
    }
    return true;
}

// RFC 9110 §5.5: field-vchar = VCHAR / obs-text, with SP and HTAB inside the value.
// NUL, CR, LF and the other controls are rejected (a recipient MUST either reject
// them or replace them with SP; we reject).
bool is_field_value(std::string_view v) noexcept {
    for (char c : v) {
        const auto u = static_cast<unsigned char>(c);
        if (u == '\t' || u == ' ') continue;
        if (u < 0x21 || u == 0x7F) return false;
    }
    return true;
}

}  // namespace

std::vector<std::string_view> http_head::values(std::string_view name) const {
    std::vector<std::string_view> out;
    for (const auto& h : headers)
        if (iequals(h.name, name)) out.emplace_back(h.value);
    return out;
}

std::size_t http_head::count(std::string_view name) const {
    std::size_t n = 0;
    for (const auto& h : headers)
        if (iequals(h.name, name)) ++n;
    return n;
}

std::optional<std::string_view> http_head::value(std::string_view name) const {
    for (const auto& h : headers)
        if (iequals(h.name, name)) return std::string_view(h.value);
    return std::nullopt;
}

std::vector<std::string_view> list_elements(std::string_view list) {
    std::vector<std::string_view> out;
    while (true) {
        const auto comma = list.find(',');
        const auto element = trim_ows(list.substr(0, comma));
        if (!element.empty()) out.push_back(element);
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
    return out;
}

bool has_token(std::string_view list, std::string_view token) noexcept {
    while (true) {
        const auto comma = list.find(',');
        if (iequals(trim_ows(list.substr(0, comma)), token)) return true;
        if (comma == std::string_view::npos) return false;
        list.remove_prefix(comma + 1);
    }
}

http_head_reader::status http_head_reader::fail(error e, std::string detail) {
    error_ = e;
    detail_ = std::move(detail);
    return status::failed;
}

http_head_reader::status http_head_reader::receive(std::string_view bytes) {
    if (done_) {
        leftover_.append(bytes);
        return status::done;
    }
    if (error_ != error::none) return status::failed;

    while (!bytes.empty()) {
        // Buffer no more than the bound allows, so the size of the input never
        // decides how much memory a peer can make us hold.
        const std::size_t room = max_size_ - buffer_.size();
        if (room == 0)
            return fail(error::handshake_too_large,
                        "the HTTP head is longer than the limit of " + std::to_string(max_size_) +
                            " bytes without ending in an empty line");
        const auto chunk = bytes.substr(0, room);
        const auto lf = chunk.find('\n');
        if (lf == std::string_view::npos) {
            buffer_.append(chunk);
            bytes.remove_prefix(chunk.size());
            continue;
        }
        buffer_.append(chunk.substr(0, lf + 1));
        bytes.remove_prefix(lf + 1);

        std::string_view line(buffer_);
        line = line.substr(line_start_);
        line_start_ = buffer_.size();
        ++line_number_;
        // RFC 9112 §2.2: lines end in CRLF. A recipient MAY take a bare LF as a
        // line end; we do not, since disagreeing on line ends is how requests get
        // smuggled past intermediaries and a conformance oracle should say so.
        if (line.size() < 2 || line[line.size() - 2] != '\r')
            return fail(error::handshake_malformed,
                        "line " + std::to_string(line_number_) + " ends in a bare LF, not CRLF (RFC 9112 §2.2)");
        line.remove_suffix(2);
        // RFC 9112 §2.2: a bare CR outside a line end MUST be rejected or replaced.
        if (line.find('\r') != std::string_view::npos)
            return fail(error::handshake_malformed, "line " + std::to_string(line_number_) + " " +
                                                        quote(line) + " holds a bare CR (RFC 9112 §2.2)");
        const auto s = parse_line(line);
        if (s == status::failed) return s;
        if (s == status::done) {
            done_ = true;
            leftover_.append(bytes);
            return s;
        }
    }
    return status::need_more;
}

http_head_reader::status http_head_reader::parse_line(std::string_view line) {
    if (!start_line_seen_) {
        // RFC 9112 §2.2: "a server that is expecting to receive and parse a
        // request-line SHOULD ignore at least one empty line (CRLF) received prior
        // to the request-line". Each one still counts against max_size.
        if (line.empty() && kind_ == kind::request) return status::need_more;
        start_line_seen_ = true;
        return kind_ == kind::request ? parse_request_line(line) : parse_status_line(line);
    }
    if (line.empty()) return status::done;
    return parse_field_line(line);
}

// RFC 9112 §3: request-line = method SP request-target SP HTTP-version.
http_head_reader::status http_head_reader::parse_request_line(std::string_view line) {
    const auto sp1 = line.find(' ');
    const auto sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
    if (sp2 == std::string_view::npos || line.find(' ', sp2 + 1) != std::string_view::npos)
        return fail(error::handshake_malformed,
                    "request line " + quote(line) + " is not 'method SP request-target SP HTTP-version' (RFC 9112 §3)");
    const auto method = line.substr(0, sp1);
    const auto target = line.substr(sp1 + 1, sp2 - sp1 - 1);
    const auto version = line.substr(sp2 + 1);
    if (!is_token(method))
        return fail(error::handshake_malformed, "request method " + quote(method) + " is not a token (RFC 9112 §3.1)");
    if (!is_target(target))
        return fail(error::handshake_malformed,
                    "request target " + quote(target) + " is empty or holds non-visible octets (RFC 9112 §3.2)");
    if (!is_http_version(version))
        return fail(error::handshake_malformed,
                    "request line version " + quote(version) + " is not 'HTTP/' DIGIT '.' DIGIT (RFC 9112 §2.3)");
    head_.method = method;
    head_.target = target;
    head_.version = version;
    return status::need_more;
}

// RFC 9112 §4: status-line = HTTP-version SP status-code SP [ reason-phrase ].
http_head_reader::status http_head_reader::parse_status_line(std::string_view line) {
    auto bad = [&] {
        return fail(error::handshake_malformed,
                    "status line " + quote(line) + " is not 'HTTP-version SP 3DIGIT SP reason' (RFC 9112 §4)");
    };
    if (line.size() < 12 || !is_http_version(line.substr(0, 8)) || line[8] != ' ') return bad();
    int code = 0;
    for (std::size_t i = 9; i < 12; ++i) {
        if (line[i] < '0' || line[i] > '9') return bad();
        code = code * 10 + (line[i] - '0');
    }
    // Many servers send "HTTP/1.1 101" with no SP and no reason; clients SHOULD
    // ignore the reason anyway (§4), so its absence is tolerated.
    std::string_view reason;
    if (line.size() > 12) {
        if (line[12] != ' ') return bad();
        reason = line.substr(13);
        if (!is_field_value(reason)) return bad();
    }
    head_.version = line.substr(0, 8);
    head_.status = code;
    head_.reason = reason;
    return status::need_more;
}

// RFC 9112 §5: field-line = field-name ":" OWS field-value OWS.
http_head_reader::status http_head_reader::parse_field_line(std::string_view line) {
    const auto where = "header line " + std::to_string(line_number_) + " " + quote(line);
    // RFC 9112 §5.2: obs-fold is deprecated; a server MUST reject it (or replace
    // it with SP), and a user agent MUST replace it. We reject in both roles.
    if (is_ows(line.front()))
        return fail(error::handshake_malformed, where + " starts with whitespace (obs-fold, RFC 9112 §5.2)");
    const auto colon = line.find(':');
    if (colon == std::string_view::npos)
        return fail(error::handshake_malformed, where + " has no ':' (RFC 9112 §5)");
    const auto name = line.substr(0, colon);
    // RFC 9112 §5.1: "No whitespace is allowed between the field name and colon
    // ... A server MUST reject ... with a response status code of 400".
    if (!name.empty() && is_ows(name.back()))
        return fail(error::handshake_malformed, where + " has whitespace before the ':' (RFC 9112 §5.1)");
    if (!is_token(name))
        return fail(error::handshake_malformed, where + " has a field name that is not a token (RFC 9110 §5.1)");
    const auto value = trim_ows(line.substr(colon + 1));
    if (!is_field_value(value))
        return fail(error::handshake_malformed, where + " has control octets in its value (RFC 9110 §5.5)");
    head_.headers.push_back(http_header{std::string(name), std::string(value)});
    return status::need_more;
}

}  // namespace wsc
