// RFC 6455 §4.2, the server's half of the opening handshake: the checks of §4.2.1 on
// the client's request, the choices of §4.2.2, and the response for either verdict.
#include <algorithm>

#include "base64.hpp"
#include "http_text.hpp"
#include "wsc/extensions.hpp"
#include "wsc/handshake.hpp"

namespace wsc {
namespace {

constexpr std::string_view pmd_name = "permessage-deflate";

void add_header(std::string& out, std::string_view name, std::string_view value) {
    out.append(name).append(": ").append(value).append("\r\n");
}

using http_text::quote;

std::string join(const std::vector<std::string_view>& parts) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i != 0) out.append(", ");
        out.append(parts[i]);
    }
    return out;
}

std::string_view reason_phrase(int status) {
    switch (status) {
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 405: return "Method Not Allowed";
    case 426: return "Upgrade Required";
    case 431: return "Request Header Fields Too Large";
    case 505: return "HTTP Version Not Supported";
    default: return "Error";
    }
}

// Why a key is not acceptable, in words; empty when it is.
std::string key_problem(std::string_view key) {
    const auto raw = base64::decode(key);
    if (!raw) return "is not canonical base64 as RFC 4648 §4 spells it";
    if (raw->size() != 16) return "decodes to " + std::to_string(raw->size()) + " bytes, not 16";
    return {};
}

}  // namespace

server_handshake::server_handshake(server_handshake_config cfg)
    : cfg_(std::move(cfg)), reader_(http_head_reader::kind::request, cfg_.max_head_size) {}

handshake_status server_handshake::reject(error e, std::string detail) {
    const error_info& info = describe(e);
    error_ = e;
    detail_ = std::move(detail);
    status_ = info.http_status != 0 ? info.http_status : 400;
    subprotocol_.reset();
    deflate_.reset();
    state_ = handshake_status::rejected;

    // §4.2.2: "If the server, while reading the handshake, finds that the client did
    // not send a handshake that matches the description below ..., the server MUST
    // stop processing the client's handshake and return an HTTP response with an
    // appropriate error code (such as 400 Bad Request)."
    std::string body;
    body.append(std::to_string(status_)).append(" ").append(reason_phrase(status_)).append(": ");
    body.append(info.text).append(" (").append(info.section).append(")\n");
    body.append(detail_).append("\n");

    response_.clear();
    response_.append("HTTP/1.1 ").append(std::to_string(status_)).append(" ").append(reason_phrase(status_));
    response_.append("\r\n");
    if (status_ == 426) {
        // RFC 9110 §15.5.22: a 426 MUST carry Upgrade with the protocol(s) to switch
        // to, and §7.8: whoever sends Upgrade MUST list "upgrade" in Connection.
        add_header(response_, "Upgrade", "websocket");
        add_header(response_, "Connection", "Upgrade, close");
    } else {
        add_header(response_, "Connection", "close");
    }
    // §4.2.2: "If the server doesn't support the requested version, it MUST respond
    // with a |Sec-WebSocket-Version| header field (or multiple ...) containing all
    // versions it is willing to use" (also §4.4).
    if (e == error::bad_version) add_header(response_, "Sec-WebSocket-Version", websocket_version);
    // RFC 9110 §15.5.6: a 405 MUST list the allowed methods.
    if (status_ == 405) add_header(response_, "Allow", "GET");
    add_header(response_, "Content-Type", "text/plain; charset=utf-8");
    add_header(response_, "Content-Length", std::to_string(body.size()));
    response_.append("\r\n").append(body);
    return state_;
}

handshake_status server_handshake::receive_data(std::string_view bytes) {
    if (state_ != handshake_status::need_more) {
        if (state_ == handshake_status::accepted) reader_.receive(bytes);  // keeps them as leftover
        return state_;
    }
    switch (reader_.receive(bytes)) {
    case http_head_reader::status::need_more:
        return handshake_status::need_more;
    case http_head_reader::status::failed:
        return reject(reader_.failure(), reader_.detail());
    case http_head_reader::status::done:
        break;
    }
    return validate();
}

handshake_status server_handshake::validate() {
    const http_head& r = reader_.head();

    // §4.2.1 (1): "An HTTP/1.1 or higher GET request, including a "Request-URI"".
    // Methods are case-sensitive (RFC 9110 §9.1), so "get" is not GET.
    if (r.method != "GET")
        return reject(error::bad_method,
                      "the request method is " + quote(r.method) + ", expected GET (RFC 6455 §4.2.1 item 1)");
    // The reader guarantees "HTTP/" DIGIT "." DIGIT. HTTP/1.0 is too old; a major
    // version of 2 or more never arrives in a text request line (HTTP/2 carries
    // WebSocket with RFC 8441's extended CONNECT instead), so it is refused too.
    if (r.version[5] != '1' || r.version[7] < '1')
        return reject(error::bad_http_version, "the request version is " + quote(r.version) +
                                                   ", expected HTTP/1.1 or a later HTTP/1.x (RFC 6455 §4.2.1 item 1)");

    // §4.2.1 (2): "A |Host| header field containing the server's authority."
    // RFC 9112 §3.2: a server MUST answer 400 to a request with no Host or with
    // more than one Host field line.
    if (const auto n = r.count("Host"); n == 0)
        return reject(error::missing_host, "the request has no Host header (RFC 6455 §4.2.1 item 2)");
    else if (n > 1)
        return reject(error::duplicate_header,
                      "Host appears " + std::to_string(n) + " times (RFC 9112 §3.2)");

    // §4.2.1 (3): "An |Upgrade| header field containing the value "websocket",
    // treated as an ASCII case-insensitive value."
    {
        const auto lines = r.values("Upgrade");
        if (std::none_of(lines.begin(), lines.end(), [](std::string_view v) { return has_token(v, "websocket"); }))
            return reject(error::missing_upgrade,
                          lines.empty() ? std::string("the request has no Upgrade header (RFC 6455 §4.2.1 item 3)")
                                        : "Upgrade is " + quote(join(lines)) +
                                              ", which lacks 'websocket' (RFC 6455 §4.2.1 item 3)");
    }

    // §4.2.1 (4): "A |Connection| header field that includes the token "Upgrade",
    // treated as an ASCII case-insensitive value."
    {
        const auto lines = r.values("Connection");
        if (std::none_of(lines.begin(), lines.end(), [](std::string_view v) { return has_token(v, "Upgrade"); }))
            return reject(error::missing_connection,
                          lines.empty() ? std::string("the request has no Connection header (RFC 6455 §4.2.1 item 4)")
                                        : "Connection is " + quote(join(lines)) +
                                              ", which lacks the token 'Upgrade' (RFC 6455 §4.2.1 item 4)");
    }

    // §4.2.1 (5): "A |Sec-WebSocket-Key| header field with a base64-encoded value
    // that, when decoded, is 16 bytes in length."
    // §11.3.1: "The |Sec-WebSocket-Key| header field MUST NOT appear more than once
    // in an HTTP request."
    std::string_view key;
    if (const auto n = r.count("Sec-WebSocket-Key"); n == 0) {
        return reject(error::bad_key, "the request has no Sec-WebSocket-Key header (RFC 6455 §4.2.1 item 5)");
    } else if (n > 1) {
        return reject(error::duplicate_header,
                      "Sec-WebSocket-Key appears " + std::to_string(n) + " times (RFC 6455 §11.3.1)");
    } else {
        key = *r.value("Sec-WebSocket-Key");
        if (const auto problem = key_problem(key); !problem.empty())
            return reject(error::bad_key,
                          "Sec-WebSocket-Key " + quote(key) + " " + problem + " (RFC 6455 §4.2.1 item 5)");
    }

    // §4.2.1 (6): "A |Sec-WebSocket-Version| header field, with a value of 13."
    // §11.3.5: it "MUST NOT appear more than once in an HTTP request".
    if (const auto n = r.count("Sec-WebSocket-Version"); n == 0) {
        return reject(error::bad_version,
                      "the request has no Sec-WebSocket-Version header (RFC 6455 §4.2.1 item 6, §4.4)");
    } else if (n > 1) {
        return reject(error::duplicate_header,
                      "Sec-WebSocket-Version appears " + std::to_string(n) + " times (RFC 6455 §11.3.5)");
    } else if (const auto v = *r.value("Sec-WebSocket-Version"); v != websocket_version) {
        return reject(error::bad_version,
                      "Sec-WebSocket-Version is " + quote(v) + ", this server speaks 13 (RFC 6455 §4.2.1 item 6, §4.4)");
    }

    // §4.2.2 (4): the server "MAY use" the |Origin| field to refuse the connection
    // with "an appropriate HTTP error code (such as 403 Forbidden)". RFC 6454 §7.3:
    // a user agent "MUST NOT include more than one Origin header field".
    {
        const auto n = r.count("Origin");
        if (n > 1)
            return reject(error::duplicate_header, "Origin appears " + std::to_string(n) + " times (RFC 6454 §7.3)");
        const auto origin = r.value("Origin");
        if (cfg_.origin_allowed && !cfg_.origin_allowed(origin))
            return reject(error::origin_rejected,
                          (origin ? "Origin " + quote(*origin) + " is not allowed" : std::string("a request without Origin is not allowed")) +
                              " by this server's policy (RFC 6455 §4.2.2, §10.2)");
    }

    // §4.2.2 (5.4): "Either a single value representing the subprotocol the server
    // is ready to use or null." We pick by the server's preference; no overlap means
    // no Sec-WebSocket-Protocol in the answer, not a failure. Names compare exactly.
    {
        std::vector<std::string_view> offered;
        for (auto line : r.values("Sec-WebSocket-Protocol"))
            for (auto e : list_elements(line)) offered.push_back(e);
        for (const auto& mine : cfg_.subprotocols) {
            if (std::find(offered.begin(), offered.end(), mine) != offered.end()) {
                subprotocol_ = mine;
                break;
            }
        }
    }

    // §9.1 and RFC 7692 §5: extensions the server does not know are declined by
    // leaving them out of the answer. With permessage-deflate disabled the server
    // knows none, so it does not even read the header.
    std::optional<deflate_agreement> agreement;
    if (cfg_.deflate.enabled && r.count("Sec-WebSocket-Extensions") != 0) {
        // §11.3.2: several Sec-WebSocket-Extensions lines are "logically the same as a
        // single |Sec-WebSocket-Extensions| header field that contains all values".
        const auto joined = join(r.values("Sec-WebSocket-Extensions"));
        std::vector<extension> offers;
        if (!parse_extensions(joined, offers))
            return reject(error::bad_extension_offer,
                          "Sec-WebSocket-Extensions " + quote(joined) + " does not follow the grammar of RFC 6455 §9.1");
        std::vector<extension> pmd;
        std::copy_if(offers.begin(), offers.end(), std::back_inserter(pmd),
                     [](const extension& e) { return e.name == pmd_name; });
        if (!pmd.empty()) {
            const error e = negotiate_deflate(pmd, cfg_.deflate, agreement);
            if (e != error::none)
                return reject(e, "the permessage-deflate offers in " + quote(joined) + " are malformed (" +
                                     std::string(describe(e).section) + ": " + std::string(describe(e).text) + ")");
            if (agreement) deflate_ = agreement->params;
        }
    }

    // §4.2.2 (5): the handshake answer.
    response_.clear();
    response_.append("HTTP/1.1 101 Switching Protocols\r\n");
    add_header(response_, "Upgrade", "websocket");
    add_header(response_, "Connection", "Upgrade");
    add_header(response_, "Sec-WebSocket-Accept", compute_accept(key));
    if (subprotocol_) add_header(response_, "Sec-WebSocket-Protocol", *subprotocol_);
    if (agreement) add_header(response_, "Sec-WebSocket-Extensions", agreement->response);
    for (const auto& h : cfg_.extra_response_headers) add_header(response_, h.name, h.value);
    response_.append("\r\n");
    status_ = 101;
    state_ = handshake_status::accepted;
    return state_;
}

}  // namespace wsc
