// differential_beast: the same client octets read by our endpoint (server role)
// and by Boost.Beast 1.74's websocket::stream (server role) over Beast's in-memory
// test stream, after a fixed valid opening handshake. Both read messages until an
// error, a close, or the end of the input, and the outcomes are compared:
// the messages delivered (type and data), then how reading ended (peer close with
// its code and reason, failure, or end of input with nothing decided).
//
// Beyond "does not crash" this catches any case where two independent
// implementations read the RFC differently. Differences that are understood and
// argued from the RFC are listed in fuzz/differential_beast.md and excused by
// `known_difference`; any other disagreement aborts with both outcomes printed.
//
// Prefix: [0] message size limit, [1] chunk mode, [2] chunk seed.
#include <boost/beast/_experimental/test/stream.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket/stream.hpp>

#include "common/fuzz_support.hpp"
#include "wsc/endpoint.hpp"

namespace {

namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;

enum class ending { closed, failed, incomplete };

struct outcome {
    std::vector<std::pair<bool, std::string>> messages;  // (binary, data)
    ending end = ending::incomplete;
    std::uint16_t code = 0;  // closed: the peer's code, 0 for none
    std::string reason;
    std::string why;  // failure: the error's name
};

const char* name(ending e) { return e == ending::closed ? "closed" : e == ending::failed ? "failed" : "incomplete"; }

std::string describe_outcome(const outcome& o) {
    std::string s = std::to_string(o.messages.size()) + " messages, " + name(o.end);
    if (o.end == ending::closed) s += " code=" + std::to_string(o.code);
    if (o.end == ending::failed) s += " (" + o.why + ")";
    return s;
}

constexpr std::string_view kRequest =
    "GET /chat HTTP/1.1\r\n"
    "Host: example.com\r\n"
    "Upgrade: websocket\r\n"
    "Connection: Upgrade\r\n"
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
    "Sec-WebSocket-Version: 13\r\n"
    "\r\n";

outcome run_ours(const std::uint8_t* body, std::size_t n, std::uint64_t limit, wsc_fuzz::chunker chunks) {
    wsc::endpoint_config cfg;
    cfg.side = wsc::role::server;
    cfg.max_message_size = limit;
    cfg.strict_lengths = true;  // as Beast: non-minimal lengths fail (see the .md)
    wsc::endpoint ep(cfg);
    outcome o;
    bool done = false;
    wsc_fuzz::for_each_chunk(body, n, chunks, [&](const wsc_fuzz::piece_view& piece) {
        if (done) return;
        ep.receive_data(wsc_fuzz::as_sv(piece));
        for (auto& e : ep.take_events()) {
            if (done) break;
            if (auto* m = std::get_if<wsc::message_event>(&e)) {
                o.messages.emplace_back(m->binary, std::move(m->data));
            } else if (auto* c = std::get_if<wsc::close_event>(&e)) {
                o.end = ending::closed;
                o.code = c->code.value_or(0);
                o.reason = c->reason;
                done = true;
            } else if (auto* f = std::get_if<wsc::failure_event>(&e)) {
                o.end = ending::failed;
                o.why = std::string(wsc::name_of(f->err));
                done = true;
            }
        }
    });
    return o;
}

outcome run_beast(const std::uint8_t* body, std::size_t n, std::uint64_t limit) {
    boost::asio::io_context ioc;
    beast::test::stream client(ioc), server(ioc);
    server.connect(client);
    server.append(beast::string_view(kRequest.data(), kRequest.size()));
    server.append(beast::string_view(reinterpret_cast<const char*>(body), n));
    server.close_remote();  // the server reads EOF after the input

    websocket::stream<beast::test::stream&> ws(server);
    ws.read_message_max(limit);
    outcome o;
    beast::error_code ec;
    ws.accept(ec);
    FUZZ_CHECK(!ec, "Beast refused the fixed handshake: %s", ec.message().c_str());
    for (;;) {
        beast::flat_buffer b;
        ws.read(b, ec);
        if (ec) {
            if (ec == websocket::error::closed) {
                o.end = ending::closed;
                o.code = ws.reason().code;
                o.reason = std::string(ws.reason().reason.data(), ws.reason().reason.size());
            } else if (ec == boost::asio::error::eof || ec == beast::http::error::end_of_stream) {
                o.end = ending::incomplete;
            } else {
                o.end = ending::failed;
                o.why = ec.message();
            }
            return o;
        }
        o.messages.emplace_back(!ws.got_text(), beast::buffers_to_string(b.data()));
    }
}

// A close code both read differently: IANA registered 1014 (Bad Gateway) after
// RFC 6455; Beast 1.74 still treats it as reserved. See differential_beast.md.
bool close_1014(const outcome& ours, const outcome& theirs) {
    return ours.end == ending::closed && ours.code == 1014 && theirs.end == ending::failed;
}

// Codes 5000 and above: RFC 6455 §7.4.2 defines ranges only up to 4999; we fail
// the connection (as Autobahn's case 7.9.x expects), Beast 1.74 accepts them.
bool close_5000_up(const outcome& ours, const outcome& theirs) {
    return ours.end == ending::failed && ours.why == "invalid_close_code" && theirs.end == ending::closed &&
           theirs.code >= 5000;
}

// Beast 1.74 delivers a text message whose last fragment is empty although the
// fragments before it stop inside a UTF-8 sequence; §8.1 requires failing, and
// we do. Excused only when the extra message Beast delivered is invalid UTF-8.
bool beast_delivers_invalid_utf8(const outcome& ours, const outcome& theirs) {
    const std::size_t k = ours.messages.size();
    return ours.end == ending::failed && ours.why == "invalid_utf8" && theirs.messages.size() > k &&
           !theirs.messages[k].first && !wsc::is_valid_utf8(theirs.messages[k].second);
}

bool known_difference(const outcome& ours, const outcome& theirs) {
    return close_1014(ours, theirs) || close_5000_up(ours, theirs) || beast_delivers_invalid_utf8(ours, theirs);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    wsc_fuzz::config_reader cr(data, size);
    const std::uint8_t lim = cr.byte(), mode = cr.byte(), seed = cr.byte();
    const std::uint64_t limit = lim & 0x80 ? static_cast<std::uint64_t>(lim & 0x7F) * 17 + 1 : std::uint64_t{1} << 20;
    const auto in = wsc_fuzz::body_of(data, size);

    const outcome ours = run_ours(in.body, in.body_size, limit, wsc_fuzz::chunker(mode, seed));
    const outcome theirs = run_beast(in.body, in.body_size, limit);

    const std::size_t common = std::min(ours.messages.size(), theirs.messages.size());
    for (std::size_t i = 0; i < common; ++i)
        FUZZ_CHECK(ours.messages[i] == theirs.messages[i], "message %zu differs: ours %zu octets, Beast %zu", i,
                   ours.messages[i].second.size(), theirs.messages[i].second.size());
    auto agree = [](const outcome& a, const outcome& b) {
        return a.messages.size() == b.messages.size() && a.end == b.end &&
               (a.end != ending::closed || (a.code == b.code && a.reason == b.reason));
    };
    bool same = agree(ours, theirs);
    // Fail-fast timing: we judge each header octet as it arrives, Beast only once the
    // whole header (mask key included) is in. When the input stops in between, the
    // one that failed saw the violation first; 16 more zero octets let the other
    // reach the same verdict, and then both agree (see differential_beast.md).
    if (!same && ours.end == ending::failed && theirs.end == ending::incomplete) {
        std::vector<std::uint8_t> padded(in.body, in.body + in.body_size);
        padded.resize(padded.size() + 16, 0);
        same = agree(ours, run_beast(padded.data(), padded.size(), limit));
    }
    if (!same && !known_difference(ours, theirs))
        FUZZ_CHECK(false, "ours: %s; Beast: %s; input %s", describe_outcome(ours).c_str(), describe_outcome(theirs).c_str(),
                   wsc_fuzz::hex({reinterpret_cast<const char*>(in.body), in.body_size}, 128).c_str());
    return 0;
}
