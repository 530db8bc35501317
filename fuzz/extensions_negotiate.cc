// extensions_negotiate: a Sec-WebSocket-Extensions value from the input goes
// through parse_extensions, parse_offer, negotiate_deflate (server) and
// accept_deflate_response (client). Beyond "does not crash":
//  - format_extension output parses back to the same extension (§9.1 grammar);
//  - format_offer output of a parsed offer parses back to the same offer;
//  - negotiate_deflate errors only with bad_extension_offer;
//  - what a server accepts, the client accepts: the answer element parses as one
//    permessage-deflate extension, and accept_deflate_response on it, against the
//    offers that were sent, succeeds with the very parameters the server agreed
//    (RFC 7692 §7.1), within 8..15 window bits and honouring the server policy;
//  - a custom policy.choose that answers within what an offer allows (§7.1.1,
//    §7.1.2) is accepted by the client too;
//  - the client accepts server_max_window_bits in an answer to each valid offer,
//    also when the offer did not carry it (§7.1.2.1 allows that), and refuses
//    answers the offer rules out (§7.1.1.1, §7.1.2.1, §7.1.2.2).
//
// Prefix: [0] policy bits, [1] policy window bits, [2] choose bits.
#include "common/fuzz_support.hpp"
#include "wsc/deflate.hpp"

namespace {

using namespace wsc;

WSC_FUZZ_NO_COVERAGE bool same(const extension& a, const extension& b) {
    if (a.name != b.name || a.params.size() != b.params.size()) return false;
    for (std::size_t i = 0; i < a.params.size(); ++i)
        if (a.params[i].name != b.params[i].name || a.params[i].value != b.params[i].value) return false;
    return true;
}
WSC_FUZZ_NO_COVERAGE bool same(const deflate_offer& a, const deflate_offer& b) {
    return a.server_no_context_takeover == b.server_no_context_takeover &&
           a.client_no_context_takeover == b.client_no_context_takeover &&
           a.server_max_window_bits == b.server_max_window_bits && a.client_max_window_bits == b.client_max_window_bits &&
           a.client_max_window_bits_value == b.client_max_window_bits_value;
}
WSC_FUZZ_NO_COVERAGE bool same(const deflate_params& a, const deflate_params& b) {
    return a.server_no_context_takeover == b.server_no_context_takeover &&
           a.client_no_context_takeover == b.client_no_context_takeover &&
           a.server_max_window_bits == b.server_max_window_bits && a.client_max_window_bits == b.client_max_window_bits;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    wsc_fuzz::config_reader cr(data, size);
    const std::uint8_t pol = cr.byte(), wb = cr.byte(), ch = cr.byte();
    const auto in = wsc_fuzz::body_of(data, size);
    const std::string_view header(reinterpret_cast<const char*>(in.body), in.body_size);

    std::vector<extension> exts;
    if (!parse_extensions(header, exts)) return 0;
    std::vector<extension> pmd;
    std::vector<deflate_offer> offers;
    for (const auto& e : exts) {
        const std::string text = format_extension(e);
        std::vector<extension> again;
        FUZZ_CHECK(parse_extensions(text, again) && again.size() == 1 && same(again[0], e),
                   "format_extension output '%s' does not parse back", text.c_str());
        if (e.name != "permessage-deflate") continue;
        pmd.push_back(e);
        deflate_offer o;
        const error oe = parse_offer(e, o);
        FUZZ_CHECK(oe == error::none || oe == error::bad_extension_offer, "parse_offer: %s", name_of(oe).data());
        if (oe != error::none) continue;
        offers.push_back(o);
        const std::string f = format_offer(o);
        std::vector<extension> fe;
        deflate_offer o2;
        FUZZ_CHECK(parse_extensions(f, fe) && fe.size() == 1 && parse_offer(fe[0], o2) == error::none && same(o, o2),
                   "format_offer output '%s' does not parse back", f.c_str());
    }
    if (pmd.empty()) return 0;
    // §7.1.2.1: the server accepts server_max_window_bits with "the same or smaller
    // value as the offer", and "MAY include the server_max_window_bits extension
    // parameter in an extension negotiation response even if the extension
    // negotiation offer being accepted by the response didn't include" it. The
    // client must take such an answer to any one valid offer.
    auto client_takes_rfc_answers = [&] {
        // regressions/extensions_negotiate/...-client_refuses_server_window
        for (const auto& o : offers) {
            std::string text = "permessage-deflate";
            if (o.server_no_context_takeover) text += "; server_no_context_takeover";
            const int bits = std::min<int>(o.server_max_window_bits.value_or(15), 9 + (wb & 3));
            text += "; server_max_window_bits=" + std::to_string(bits);
            std::vector<extension> answer;
            deflate_params got;
            FUZZ_CHECK(parse_extensions(text, answer) && answer.size() == 1, "parse '%s'", text.c_str());
            const error e = accept_deflate_response(answer[0], {o}, got);
            FUZZ_CHECK(e == error::none && got.server_max_window_bits == bits, "client refuses '%s' to the offer '%s' (%s)",
                       text.c_str(), format_offer(o).c_str(), name_of(e).data());
        }
    };
    // And it must refuse an answer the offer did not allow (§7: the client "MUST
    // _Fail the WebSocket Connection_"): client_max_window_bits to an offer
    // without it (§7.1.2.2), a server window above the offered one (§7.1.2.1),
    // or server_no_context_takeover left out when offered (§7.1.1.1).
    auto client_refuses_rfc_violations = [&] {
        for (const auto& o : offers) {
            auto answer_for = [&](bool drop_snct, int server_bits, int client_bits) {
                std::string text = "permessage-deflate";
                if (o.server_no_context_takeover && !drop_snct) text += "; server_no_context_takeover";
                if (server_bits) text += "; server_max_window_bits=" + std::to_string(server_bits);
                if (client_bits) text += "; client_max_window_bits=" + std::to_string(client_bits);
                return text;
            };
            std::vector<std::string> bad;
            const int sbits = o.server_max_window_bits.value_or(0);
            if (!o.client_max_window_bits) bad.push_back(answer_for(false, sbits, 9 + (wb & 3)));
            if (sbits && sbits < 15) bad.push_back(answer_for(false, sbits + 1, 0));
            if (o.server_no_context_takeover) bad.push_back(answer_for(true, sbits, 0));
            for (const auto& text : bad) {
                std::vector<extension> answer;
                deflate_params got;
                FUZZ_CHECK(parse_extensions(text, answer) && answer.size() == 1, "parse '%s'", text.c_str());
                const error e = accept_deflate_response(answer[0], {o}, got);
                FUZZ_CHECK(e == error::bad_extension_response, "client takes '%s' to the offer '%s' (%s)", text.c_str(),
                           format_offer(o).c_str(), name_of(e).data());
            }
        }
    };
    client_refuses_rfc_violations();
    if (!offers.empty()) {
        std::vector<extension> fe;
        FUZZ_CHECK(parse_extensions(format_offers(offers), fe) && fe.size() == offers.size(), "format_offers");
    }

    deflate_server_policy policy;
    policy.server_no_context_takeover = pol & 1;
    policy.client_no_context_takeover = pol & 2;
    if (pol & 4) policy.server_max_window_bits = static_cast<std::uint8_t>(8 + (wb & 7));
    if (pol & 8) policy.client_max_window_bits = static_cast<std::uint8_t>(8 + (wb >> 3 & 7));
    if (pol & 16) {
        // A server with its own rules, but only ones RFC 7692 §7.1 allows.
        const bool pol_breaks = pol & 32;
        policy.choose = [ch, pol_breaks](const std::vector<deflate_offer>& os) -> std::optional<deflate_params> {
            if (os.empty() || (ch & 1)) return std::nullopt;
            const deflate_offer& o = os[(ch >> 1) % os.size()];
            deflate_params p;
            p.server_no_context_takeover = o.server_no_context_takeover || (ch & 8);
            p.client_no_context_takeover = ch & 16;
            const std::uint8_t s_cap = o.server_max_window_bits.value_or(15);
            p.server_max_window_bits = static_cast<std::uint8_t>(std::max(8, s_cap - (ch >> 5 & 3)));
            if (o.client_max_window_bits)
                p.client_max_window_bits = static_cast<std::uint8_t>(
                    std::max(8, o.client_max_window_bits_value.value_or(15) - (ch >> 7 & 1) * 3));
            // pol bit 5: a policy that breaks the rules, with a window no offer
            // can take (8..15 only, §7.1.2.1); the server must then decline.
            if (pol_breaks) p.server_max_window_bits = 16;
            return p;
        };
    }

    std::optional<deflate_agreement> agreement;
    const error ne = negotiate_deflate(pmd, policy, agreement);
    FUZZ_CHECK(ne == error::none || ne == error::bad_extension_offer, "negotiate_deflate: %s", name_of(ne).data());
    if (ne != error::none) {
        FUZZ_CHECK(!agreement, "agreement alongside an error");
        client_takes_rfc_answers();
        return 0;
    }
    if (policy.choose && (pol & 32)) FUZZ_CHECK(!agreement, "agreed on a policy answer that fits no offer");
    if (!agreement) {
        client_takes_rfc_answers();
        return 0;
    }
    FUZZ_CHECK(!offers.empty(), "agreed although no offer parses");
    const deflate_params& p = agreement->params;
    FUZZ_CHECK(p.server_max_window_bits >= 8 && p.server_max_window_bits <= 15 && p.client_max_window_bits >= 8 &&
                   p.client_max_window_bits <= 15,
               "window bits out of range");
    if (!policy.choose) {
        if (policy.server_no_context_takeover) FUZZ_CHECK(p.server_no_context_takeover, "policy ignored");
        // regressions/extensions_negotiate/...-server_policy_window_ignored
        if (policy.server_max_window_bits)
            FUZZ_CHECK(p.server_max_window_bits <= *policy.server_max_window_bits, "server window above the policy");
    }

    // The client's view of the answer.
    std::vector<extension> answer;
    FUZZ_CHECK(parse_extensions(agreement->response, answer) && answer.size() == 1 &&
                   answer[0].name == "permessage-deflate",
               "answer '%s' is not one permessage-deflate element", agreement->response.c_str());
    deflate_params client_view;
    const error ae = accept_deflate_response(answer[0], offers, client_view);
    FUZZ_CHECK(ae == error::none, "client refuses the server's answer '%s' to '%.*s': %s",
               agreement->response.c_str(), static_cast<int>(header.size()), header.data(), name_of(ae).data());
    FUZZ_CHECK(same(client_view, p), "client and server disagree on the parameters of '%s'", agreement->response.c_str());
    client_takes_rfc_answers();
    return 0;
}
