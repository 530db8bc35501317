// differential_beast: the same client octets read by our endpoint (server role)
// and by Boost.Beast 1.74's websocket::stream (server role) over Beast's in-memory
// test stream, after a fixed valid opening handshake. Both read messages until an
// error, a close, or the end of the input, and the outcomes are compared:
// the messages delivered (type and data), then how reading ended (peer close with
// its code and reason, failure, or end of input with nothing decided), then the
// close each side wrote in answer: its status code, an empty close, or none at
// all (RFC 6455 §7.4.1: the code is part of the answer). Beast's code is also
// checked against the one its error maps to (beast_close_code).
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

#include <limits>

#include "common/fuzz_support.hpp"
#include "wsc/endpoint.hpp"

namespace {

namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;

enum class ending { closed, failed, incomplete };

// What a side wrote in answer: no close frame at all (it dropped the connection
// or had nothing to say yet), a close without a body, or a close with a code.
constexpr int kNoClose = -1, kEmptyClose = 0;

struct outcome {
    std::vector<std::pair<bool, std::string>> messages;  // (binary, data)
    ending end = ending::incomplete;
    std::uint16_t code = 0;  // closed: the peer's code, 0 for none
    std::string reason;
    std::string why;  // failure: the error's name
    int sent = kNoClose;  // the close this side wrote (kNoClose, kEmptyClose or the code)
};

// The code of the first close frame in server-to-client octets (unmasked frames).
WSC_FUZZ_NO_COVERAGE int close_written(std::string_view out) {
    wsc::frame_parser_config pc;
    pc.masking = wsc::mask_rule::must_be_unmasked;
    pc.check_reserved_opcodes = false;
    wsc::frame_parser p(pc);
    std::vector<std::uint8_t> buf(out.begin(), out.end());
    std::size_t pos = 0;
    bool in_close = false;
    std::string body;
    for (;;) {
        const auto s = p.next(buf.data() + pos, buf.size() - pos);
        pos += s.consumed;
        switch (s.what) {
        case wsc::frame_parser::status::need_more:
        case wsc::frame_parser::status::failed: return kNoClose;
        case wsc::frame_parser::status::header: in_close = p.header().opcode == 0x8; body.clear(); break;
        case wsc::frame_parser::status::payload:
            if (in_close) body.append(reinterpret_cast<const char*>(s.data), s.size);
            break;
        case wsc::frame_parser::status::frame_end:
            if (in_close) return body.size() < 2 ? kEmptyClose : (std::uint8_t(body[0]) << 8 | std::uint8_t(body[1]));
            break;
        }
    }
}

std::string sent_text(int sent) {
    return sent == kNoClose ? "no close" : sent == kEmptyClose ? "empty close" : "close " + std::to_string(sent);
}

const char* name(ending e) { return e == ending::closed ? "closed" : e == ending::failed ? "failed" : "incomplete"; }

std::string describe_outcome(const outcome& o) {
    std::string s = std::to_string(o.messages.size()) + " messages, " + name(o.end);
    if (o.end == ending::closed) s += " code=" + std::to_string(o.code);
    if (o.end == ending::failed) s += " (" + o.why + ")";
    return s + ", sent " + sent_text(o.sent);
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
    // Beast has no per-frame limit, only the message limit; ours would judge a
    // frame over 64 MiB by size (1009) before its place in the sequence (see the .md).
    cfg.max_frame_size = std::numeric_limits<std::uint64_t>::max();
    cfg.strict_lengths = true;  // as Beast: non-minimal lengths fail (see the .md)
    wsc::endpoint ep(cfg);
    outcome o;
    bool done = false;
    std::string written;
    wsc_fuzz::for_each_chunk(body, n, chunks, [&](const wsc_fuzz::piece_view& piece) {
        if (done) return;
        ep.receive_data(wsc_fuzz::as_sv(piece));
        written += ep.take_output();
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
    o.sent = close_written(written);
    return o;
}

// The close code Beast 1.74 sends when it fails the connection with `ec`, read
// from its websocket/impl/read.hpp: message_too_big goes with close_code::too_big
// (1009), bad_frame_payload (invalid UTF-8 in a text message) with bad_payload
// (1007), every other read error with protocol_error (1002).
int beast_close_code(const beast::error_code& ec) {
    if (ec == websocket::error::message_too_big) return 1009;
    if (ec == websocket::error::bad_frame_payload) return 1007;
    return 1002;
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
            // What Beast wrote after its 101 response.
            const auto sv = client.str();
            const std::string out(sv.data(), sv.size());
            const auto head_end = out.find("\r\n\r\n");
            FUZZ_CHECK(head_end != std::string::npos, "Beast wrote no handshake response");
            o.sent = close_written(std::string_view(out).substr(head_end + 4));
            // Failing, Beast sends the close code its error maps to; a mapping that
            // no longer holds would make the comparison below meaningless.
            if (o.end == ending::failed)
                FUZZ_CHECK(o.sent == beast_close_code(ec), "Beast failed with '%s' and sent %s, not close %d",
                           o.why.c_str(), sent_text(o.sent).c_str(), beast_close_code(ec));
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

// A 64-bit length with its most significant bit set: §5.2 says the bit "MUST be
// 0", so we fail with length_msb_set (1002). Beast 1.74 does not look at the bit
// and refuses the frame by its size limit instead (message_too_big, 1009).
bool length_msb(const outcome& ours, const outcome& theirs) {
    return ours.end == ending::failed && ours.why == "length_msb_set" && ours.sent == 1002 &&
           theirs.end == ending::failed && theirs.sent == 1009;
}

// The two sides agree on how reading ended but answer with different closes.
// - An empty close (no status code): we answer with an empty close, Beast with
//   1000. §5.5.1 only says an endpoint "typically echos the status code it
//   received"; with none received, both answers are valid.
// - A close reason that is not UTF-8: we fail with 1007 (§7.4.1: data "not
//   consistent with the type of the message"), Beast with 1002 (its
//   bad_close_payload is a protocol error). Autobahn's case 7.5.1 accepts both.
bool different_close_answer(const outcome& ours, const outcome& theirs) {
    if (ours.end == ending::closed && ours.code == 0) return ours.sent == kEmptyClose && theirs.sent == 1000;
    if (ours.end == ending::failed && ours.why == "invalid_close_reason") return ours.sent == 1007 && theirs.sent == 1002;
    return false;
}

bool known_difference(const outcome& ours, const outcome& theirs) {
    return close_1014(ours, theirs) || close_5000_up(ours, theirs) || beast_delivers_invalid_utf8(ours, theirs) ||
           length_msb(ours, theirs);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    wsc_fuzz::config_reader cr(data, size);
    const std::uint8_t lim = cr.byte(), mode = cr.byte(), seed = cr.byte();
    const std::uint64_t limit = lim & 0x80 ? static_cast<std::uint64_t>(lim & 0x7F) * 17 + 1 : std::uint64_t{1} << 20;
    const auto in = wsc_fuzz::body_of(data, size);

    const outcome ours = run_ours(in.body, in.body_size, limit, wsc_fuzz::chunker(mode, seed));
    outcome theirs = run_beast(in.body, in.body_size, limit);

    const std::size_t common = std::min(ours.messages.size(), theirs.messages.size());
    for (std::size_t i = 0; i < common; ++i)
        FUZZ_CHECK(ours.messages[i] == theirs.messages[i], "message %zu differs: ours %zu octets, Beast %zu", i,
                   ours.messages[i].second.size(), theirs.messages[i].second.size());
    // Agreement: the same messages, the same ending (with the peer's code and
    // reason when closed), and the same close sent in answer (its code, or that
    // none was sent), up to the answers different_close_answer() lists.
    auto agree = [](const outcome& a, const outcome& b) {
        return a.messages.size() == b.messages.size() && a.end == b.end &&
               (a.end != ending::closed || (a.code == b.code && a.reason == b.reason)) &&
               (a.sent == b.sent || different_close_answer(a, b));
    };
    bool same = agree(ours, theirs);
    // Fail-fast timing: we judge each header octet as it arrives, Beast only once the
    // whole header (mask key included) is in. When the input stops in between, the
    // one that failed saw the violation first; 16 more zero octets let the other
    // reach the same verdict, and then both agree (see differential_beast.md).
    if (!same && ours.end == ending::failed && theirs.end == ending::incomplete) {
        std::vector<std::uint8_t> padded(in.body, in.body + in.body_size);
        padded.resize(padded.size() + 16, 0);
        outcome later = run_beast(padded.data(), padded.size(), limit);
        if (later.end != ending::incomplete) theirs = std::move(later);
        same = agree(ours, theirs);
    }
    if (!same && !known_difference(ours, theirs))
        FUZZ_CHECK(false, "ours: %s; Beast: %s; input %s", describe_outcome(ours).c_str(), describe_outcome(theirs).c_str(),
                   wsc_fuzz::hex({reinterpret_cast<const char*>(in.body), in.body_size}, 128).c_str());
    return 0;
}
