// RFC 6455 §4.1, the client's half of the opening handshake: the request it sends
// and the checks it MUST make on the server's response before the connection is OPEN.
#include <algorithm>
#include <stdexcept>

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

std::string join(const std::vector<std::string_view>& parts, std::string_view sep) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i != 0) out.append(sep);
        out.append(parts[i]);
    }
    return out;
}

using http_text::quote;

}  // namespace

client_handshake::client_handshake(client_handshake_config cfg)
    : cfg_(std::move(cfg)), reader_(http_head_reader::kind::response, cfg_.max_head_size) {
    if (!cfg_.random) throw std::invalid_argument("wsc::client_handshake: config.random is required");

    // §4.1: "The request MUST include a header field with the name
    // |Sec-WebSocket-Key|. The value of this header field MUST be a nonce
    // consisting of a randomly selected 16-byte value that has been base64-encoded".
    std::uint8_t nonce[16];
    cfg_.random(nonce, sizeof nonce);
    key_ = base64::encode(nonce, sizeof nonce);

    // §4.1: "The method of the request MUST be GET, and the HTTP version MUST be at least 1.1."
    request_.append("GET ").append(cfg_.target).append(" HTTP/1.1\r\n");
    add_header(request_, "Host", cfg_.host);
    add_header(request_, "Upgrade", "websocket");
    add_header(request_, "Connection", "Upgrade");
    add_header(request_, "Sec-WebSocket-Key", key_);
    // §4.1: "The request MUST include a header field with the name
    // |Sec-WebSocket-Version|. The value of this header field MUST be 13."
    add_header(request_, "Sec-WebSocket-Version", websocket_version);
    if (cfg_.origin) add_header(request_, "Origin", *cfg_.origin);
    if (!cfg_.subprotocols.empty()) {
        std::vector<std::string_view> names(cfg_.subprotocols.begin(), cfg_.subprotocols.end());
        add_header(request_, "Sec-WebSocket-Protocol", join(names, ", "));
    }
    if (!cfg_.deflate_offers.empty())
        add_header(request_, "Sec-WebSocket-Extensions", format_offers(cfg_.deflate_offers));
    for (const auto& h : cfg_.extra_headers) add_header(request_, h.name, h.value);
    request_.append("\r\n");
}

handshake_status client_handshake::reject(error e, std::string detail) {
    error_ = e;
    detail_ = std::move(detail);
    subprotocol_.reset();  // nothing was agreed on a failed handshake
    deflate_.reset();
    state_ = handshake_status::rejected;
    return state_;
}

handshake_status client_handshake::receive_data(std::string_view bytes) {
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

handshake_status client_handshake::validate() {
    using http_text::iequals;
    const http_head& r = reader_.head();

    // §4.1 (1): "If the status code received from the server is not 101, the client
    // handles the response per HTTP [RFC2616] procedures."
    if (r.status != 101) {
        // Built piecewise: GCC 12 reports a false -Wrestrict on `" " + string`.
        std::string what = "the response status is " + std::to_string(r.status);
        if (!r.reason.empty()) what.append(" ").append(quote(r.reason));
        what += ", expected 101 (RFC 6455 §4.1 item 1)";
        return reject(error::bad_status, std::move(what));
    }

    // §4.1 (2): "If the response lacks an |Upgrade| header field or the |Upgrade|
    // header field contains a value that is not an ASCII case-insensitive match for
    // the value "websocket", the client MUST _Fail the WebSocket Connection_."
    // Read literally: every element of the field must be "websocket".
    {
        const auto lines = r.values("Upgrade");
        if (lines.empty())
            return reject(error::bad_response_upgrade, "the response has no Upgrade header (RFC 6455 §4.1 item 2)");
        std::vector<std::string_view> elements;
        for (auto line : lines)
            for (auto e : list_elements(line)) elements.push_back(e);
        const bool only_websocket =
            !elements.empty() && std::all_of(elements.begin(), elements.end(),
                                             [](std::string_view e) { return iequals(e, "websocket"); });
        if (!only_websocket)
            return reject(error::bad_response_upgrade,
                          "Upgrade is " + quote(join(lines, ", ")) + ", expected 'websocket' (RFC 6455 §4.1 item 2)");
    }

    // §4.1 (3): "If the response lacks a |Connection| header field or the
    // |Connection| header field doesn't contain a token that is an ASCII
    // case-insensitive match for the value "Upgrade", the client MUST _Fail the
    // WebSocket Connection_."
    {
        const auto lines = r.values("Connection");
        if (lines.empty())
            return reject(error::bad_response_connection,
                          "the response has no Connection header (RFC 6455 §4.1 item 3)");
        if (std::none_of(lines.begin(), lines.end(), [](std::string_view v) { return has_token(v, "Upgrade"); }))
            return reject(error::bad_response_connection, "Connection is " + quote(join(lines, ", ")) +
                                                              ", which lacks the token 'Upgrade' (RFC 6455 §4.1 item 3)");
    }

    // §4.1 (4): "If the response lacks a |Sec-WebSocket-Accept| header field or
    // the |Sec-WebSocket-Accept| contains a value other than the base64-encoded
    // SHA-1 of the concatenation of the |Sec-WebSocket-Key| (as a string, not
    // base64-decoded) with the string "258EAFA5-E914-47DA-95CA-C5AB0DC85B11" but
    // ignoring any leading and trailing whitespace, the client MUST _Fail the
    // WebSocket Connection_."
    {
        const auto n = r.count("Sec-WebSocket-Accept");
        if (n == 0)
            return reject(error::bad_accept, "the response has no Sec-WebSocket-Accept header (RFC 6455 §4.1 item 4)");
        // §11.3.3: "The |Sec-WebSocket-Accept| header MUST NOT appear more than once
        // in an HTTP response."
        if (n > 1)
            return reject(error::duplicate_header,
                          "Sec-WebSocket-Accept appears " + std::to_string(n) + " times (RFC 6455 §11.3.3)");
        const auto expected = compute_accept(key_);
        const auto got = *r.value("Sec-WebSocket-Accept");  // OWS already trimmed
        if (got != expected)
            return reject(error::bad_accept, "Sec-WebSocket-Accept is " + quote(got) + ", expected " + quote(expected) +
                                                 " (RFC 6455 §4.1 item 4)");
    }

    // §4.1 (5): "If the response includes a |Sec-WebSocket-Extensions| header field
    // and this header field indicates the use of an extension that was not present
    // in the client's handshake (the server has indicated an extension not
    // requested by the client), the client MUST _Fail the WebSocket Connection_."
    // Erratum 3433 lets the field appear several times in a response; the lines
    // join into one list.
    if (r.count("Sec-WebSocket-Extensions") != 0) {
        const auto joined = join(r.values("Sec-WebSocket-Extensions"), ", ");
        std::vector<extension> answers;
        if (!parse_extensions(joined, answers))
            return reject(error::bad_extension_response,
                          "Sec-WebSocket-Extensions " + quote(joined) + " does not follow the grammar of RFC 6455 §9.1");
        for (const auto& ext : answers) {
            // The only extension this client ever offers is permessage-deflate.
            if (ext.name != pmd_name || cfg_.deflate_offers.empty())
                return reject(error::unexpected_extension,
                              "the server accepted extension " + quote(ext.name) +
                                  ", which the client did not offer (RFC 6455 §4.1 item 5)");
            // RFC 7692 §5: a server accepts at most one of the offered elements
            // of an extension; a second permessage-deflate cannot be honoured.
            if (deflate_)
                return reject(error::bad_extension_response,
                              "the server accepted permessage-deflate more than once in " + quote(joined) +
                                  " (RFC 7692 §5)");
            deflate_params params;
            const error e = accept_deflate_response(ext, cfg_.deflate_offers, params);
            if (e != error::none)
                return reject(e, "the permessage-deflate response " + quote(format_extension(ext)) +
                                     " has parameters no offer allowed (" + std::string(describe(e).section) +
                                     ": " + std::string(describe(e).text) + ")");
            deflate_ = params;
        }
    }

    // §4.1 (6): "If the response includes a |Sec-WebSocket-Protocol| header field
    // and this header field indicates the use of a subprotocol that was not present
    // in the client's handshake (the server has indicated a subprotocol not
    // requested by the client), the client MUST _Fail the WebSocket Connection_."
    {
        const auto n = r.count("Sec-WebSocket-Protocol");
        // §11.3.4: "the |Sec-WebSocket-Protocol| header field MUST NOT appear more
        // than once in an HTTP response."
        if (n > 1)
            return reject(error::duplicate_header,
                          "Sec-WebSocket-Protocol appears " + std::to_string(n) + " times (RFC 6455 §11.3.4)");
        if (n == 1) {
            const auto chosen = *r.value("Sec-WebSocket-Protocol");
            // §4.2.2 (5.4): the server answers with "a single value representing
            // the subprotocol", never a list.
            if (list_elements(chosen).size() != 1 || chosen.find(',') != std::string_view::npos)
                return reject(error::unexpected_subprotocol,
                              "Sec-WebSocket-Protocol is " + quote(chosen) +
                                  ", not a single subprotocol (RFC 6455 §4.1 item 6, §4.2.2)");
            if (std::find(cfg_.subprotocols.begin(), cfg_.subprotocols.end(), chosen) == cfg_.subprotocols.end())
                return reject(error::unexpected_subprotocol,
                              "the server chose subprotocol " + quote(chosen) +
                                  ", which the client did not offer (RFC 6455 §4.1 item 6)");
            subprotocol_ = std::string(chosen);
        }
    }

    state_ = handshake_status::accepted;
    return state_;
}

}  // namespace wsc
