// handshake_client: a fixed client request (key from a seeded random source, the
// offers from the prefix) and arbitrary response bytes split by the input. Beyond
// "does not crash":
//  - accepted => the response, re-read by the naive reader in common/http_ref.hpp,
//    has status 101, Upgrade: websocket, Connection with "Upgrade", and exactly one
//    Sec-WebSocket-Accept equal to compute_accept(key), which in turn equals the
//    SHA-1 value computed here (§4.1 items 1-4); a chosen subprotocol was offered
//    (item 6), and deflate is agreed only if it was offered (item 5), with an
//    answer that fits one offer (RFC 7692 §7.1) and the parameters it names;
//  - rejected => the error is a client-side handshake enumerator with a detail,
//    and bad_status exactly when the status on the wire is not 101;
//  - the verdict is final, and accepted keeps later bytes as leftover.
//
// Prefix: [0] key seed, [1] subprotocols, [2] deflate offers, [3] head limit,
// [4] chunk mode, [5] chunk seed.
#include "common/fuzz_support.hpp"
#include "common/http_ref.hpp"
#include "wsc/extensions.hpp"
#include "wsc/handshake.hpp"

namespace {

using namespace wsc;
using namespace std::literals;
namespace ref = wsc_fuzz::ref;

bool client_error(error e) {
    switch (e) {
    case error::handshake_malformed: case error::handshake_too_large: case error::duplicate_header:
    case error::bad_status: case error::bad_response_upgrade: case error::bad_response_connection:
    case error::bad_accept: case error::unexpected_extension: case error::unexpected_subprotocol:
    case error::bad_extension_response:
        return true;
    default:
        return false;
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    wsc_fuzz::config_reader cr(data, size);
    const std::uint8_t key_seed = cr.byte(), protos = cr.byte(), offers = cr.byte(), lim = cr.byte();
    const std::uint8_t mode = cr.byte(), seed = cr.byte();

    client_handshake_config cfg;
    cfg.host = "example.com";
    cfg.target = "/chat";
    cfg.random = fixed_random(key_seed);
    static const char* const names[] = {"chat", "superchat", "v2.json", "mqtt"};
    for (int i = 0; i < 4; ++i)
        if (protos >> i & 1) cfg.subprotocols.emplace_back(names[i]);
    if (offers & 1) cfg.deflate_offers.push_back({});
    if (offers & 2) {
        deflate_offer o;
        o.server_no_context_takeover = true;
        o.client_no_context_takeover = offers & 4;
        o.server_max_window_bits = static_cast<std::uint8_t>(8 + (offers >> 3 & 7));
        o.client_max_window_bits = true;
        if (offers & 0x40) o.client_max_window_bits_value = 10;
        cfg.deflate_offers.push_back(o);
    }
    if (lim & 0x80) cfg.max_head_size = 16 + (lim & 0x7F) * 8;
    const bool offered_deflate = !cfg.deflate_offers.empty();
    const auto subprotocols = cfg.subprotocols;

    client_handshake hs(cfg);
    FUZZ_CHECK(ref::key_is_16_octets(hs.key()), "our key '%s' is not 16 octets of base64", hs.key().c_str());
    {
        const auto req = ref::parse_head(hs.request());
        FUZZ_CHECK(req && req->start_line == "GET /chat HTTP/1.1", "request line");
        FUZZ_CHECK(req->all("Sec-WebSocket-Key").size() == 1 && req->all("Sec-WebSocket-Key")[0] == hs.key(), "key field");
        FUZZ_CHECK(req->all("Sec-WebSocket-Version").size() == 1 && req->all("Sec-WebSocket-Version")[0] == "13", "version field");
    }

    handshake_status verdict = handshake_status::need_more;
    wsc_fuzz::chunker chunks(mode, seed);
    const auto in = wsc_fuzz::body_of(data, size);
    wsc_fuzz::for_each_chunk(in.body, in.body_size, chunks, [&](const wsc_fuzz::piece_view& piece) {
        const auto s = hs.receive_data(wsc_fuzz::as_sv(piece));
        if (verdict != handshake_status::need_more) FUZZ_CHECK(s == verdict, "verdict changed");
        verdict = s;
    });

    if (verdict == handshake_status::accepted) {
        const auto resp = ref::parse_head(hs.raw_response());
        FUZZ_CHECK(resp.has_value(), "accepted a head the reference cannot split");
        const std::string& line = resp->start_line;
        FUZZ_CHECK(line.size() >= 12 && line.rfind("HTTP/", 0) == 0 && line.substr(8, 4) == " 101" &&
                       (line.size() == 12 || line[12] == ' '),
                   "accepted status line '%s'", line.c_str());
        bool upgrade = false, connection = false;
        for (const auto& v : resp->all("Upgrade")) upgrade |= ref::list_has(v, "websocket");
        for (const auto& v : resp->all("Connection")) connection |= ref::list_has(v, "upgrade");
        FUZZ_CHECK(upgrade && connection, "accepted without Upgrade/Connection");
        const auto accepts = resp->all("Sec-WebSocket-Accept");
        FUZZ_CHECK(accepts.size() == 1, "accepted %zu Accept fields", accepts.size());
        FUZZ_CHECK(accepts[0] == compute_accept(hs.key()), "Accept '%s' != compute_accept(key)", accepts[0].c_str());
        FUZZ_CHECK(accepts[0] == ref::accept_for(hs.key()), "compute_accept disagrees with SHA-1");
        if (hs.subprotocol())
            FUZZ_CHECK(std::find(subprotocols.begin(), subprotocols.end(), *hs.subprotocol()) != subprotocols.end(),
                       "accepted subprotocol '%s' that was not offered", hs.subprotocol()->c_str());
        else
            FUZZ_CHECK(resp->all("Sec-WebSocket-Protocol").empty(), "subprotocol field ignored");
        if (hs.deflate()) {
            FUZZ_CHECK(offered_deflate, "deflate agreed without an offer");
            // RFC 7692 §7.1: the answer fits one of the offers: it echoes
            // server_no_context_takeover when offered (§7.1.1.1), names a server
            // window no larger than an offered one (§7.1.2.1), and carries
            // client_max_window_bits only to an offer that had it (§7.1.2.2). Read
            // from the wire; the window values must be 8..15.
            const auto fields = resp->all("Sec-WebSocket-Extensions");
            std::string joined;
            for (const auto& f : fields) joined += (joined.empty() ? "" : ", ") + f;
            std::vector<extension> answer;
            FUZZ_CHECK(parse_extensions(joined, answer) && answer.size() == 1, "deflate agreed on '%s'", joined.c_str());
            bool snct = false, cmwb = false;
            int smwb = 0, cbits = 0;
            for (const auto& prm : answer[0].params) {
                const int v = prm.value ? std::atoi(prm.value->c_str()) : 0;
                if (prm.name == "server_no_context_takeover") snct = true;
                if (prm.name == "server_max_window_bits") smwb = v;
                if (prm.name == "client_max_window_bits") cmwb = true, cbits = v;
            }
            FUZZ_CHECK((smwb == 0 || (smwb >= 8 && smwb <= 15)) && (!cmwb || (cbits >= 8 && cbits <= 15)),
                       "window bits out of range in '%s'", joined.c_str());
            bool fits = false;
            for (const auto& o : cfg.deflate_offers)
                fits |= (!o.server_no_context_takeover || snct) &&
                        (!o.server_max_window_bits || (smwb != 0 && smwb <= *o.server_max_window_bits)) &&
                        (!cmwb || o.client_max_window_bits);
            FUZZ_CHECK(fits, "accepted '%s', which answers none of the offers", joined.c_str());
            FUZZ_CHECK(hs.deflate()->server_max_window_bits == (smwb ? smwb : 15) &&
                           hs.deflate()->client_max_window_bits == (cbits ? cbits : 15) &&
                           hs.deflate()->server_no_context_takeover == snct,
                       "agreed parameters differ from the answer '%s'", joined.c_str());
        }
        if (!offered_deflate) FUZZ_CHECK(resp->all("Sec-WebSocket-Extensions").empty(), "extension accepted unoffered");
        FUZZ_CHECK(hs.failure() == error::none, "failure set on accept");
        // Later bytes are the first frames: kept, not parsed.
        const std::string before = hs.take_leftover();
        FUZZ_CHECK(hs.receive_data("\x81\x00"sv) == verdict, "verdict not repeated");
        FUZZ_CHECK(hs.take_leftover() == "\x81\x00"sv, "bytes after the head lost");
        (void)before;
    } else if (verdict == handshake_status::rejected) {
        const error e = hs.failure();
        FUZZ_CHECK(client_error(e), "rejected with unlisted error %s", name_of(e).data());
        FUZZ_CHECK(!hs.detail().empty(), "rejected with %s and no detail", name_of(e).data());
        // The status the response carried decides between bad_status and the
        // rest (§4.1 item 1): a head that parsed is refused for its status
        // exactly when that status is not 101, and the status read is the one
        // on the wire.
        if (e != error::handshake_malformed && e != error::handshake_too_large) {
            const auto resp = ref::parse_head(hs.raw_response());
            if (resp && resp->start_line.size() >= 12) {
                const int wire = std::atoi(resp->start_line.substr(9, 3).c_str());
                FUZZ_CHECK(hs.response().status == wire, "status read %d, on the wire %d", hs.response().status, wire);
                FUZZ_CHECK((e == error::bad_status) == (wire != 101), "%s for a response with status %d",
                           name_of(e).data(), wire);
            }
        }
        FUZZ_CHECK(!hs.subprotocol() && !hs.deflate(), "agreement left on a rejection");
        FUZZ_CHECK(hs.receive_data("HTTP/1.1 101 OK\r\n\r\n") == verdict, "verdict not repeated");
    } else {
        FUZZ_CHECK(hs.raw_response().size() <= cfg.max_head_size, "head over the limit");
    }
    return 0;
}
