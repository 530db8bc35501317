// RFC 7692 §5 and §7.1: agreeing on permessage-deflate parameters.
#include <algorithm>

#include "wsc/deflate.hpp"

namespace wsc {
namespace {

constexpr std::string_view pmd = "permessage-deflate";

// deflateInit2 refuses a raw 256-octet window (windowBits -8; zlib >= 1.2.9), so
// with 8 agreed for our side the compressor falls back to literals only (see
// deflate_compressor.cpp): valid, but hardly compression at all.
constexpr std::uint8_t smallest_lz77_window = 9;

std::uint8_t clamp_bits(std::uint8_t bits) { return std::clamp<std::uint8_t>(bits, 8, 15); }

// The default server choice for one offer, or nullopt to decline it. With
// `literal_only_ok` false, offers that would hold our compressor to an 8-bit
// window are declined too.
std::optional<deflate_params> default_choice(const deflate_offer& o, const deflate_server_policy& policy,
                                             bool literal_only_ok) {
    deflate_params p;
    // §7.1.1.1: the server accepts an offer with server_no_context_takeover by
    // echoing it, and may include it even when the offer did not.
    p.server_no_context_takeover = o.server_no_context_takeover || policy.server_no_context_takeover;
    // §7.1.2.1: the answer to an offer with server_max_window_bits carries it "with
    // the same or smaller value as the offer"; a server "MAY include [it] ... even
    // if the ... offer ... didn't include" it, which is how our own cap is told.
    std::uint8_t server_bits = policy.server_max_window_bits ? clamp_bits(*policy.server_max_window_bits) : 15;
    if (o.server_max_window_bits) server_bits = std::min(server_bits, *o.server_max_window_bits);
    // §7.1.2.1: "A server declines an extension negotiation offer with this
    // parameter if the server doesn't support it." Holding our compressor to 8
    // bits we support only poorly, so such an offer waits for the second pass.
    if (server_bits < smallest_lz77_window && !literal_only_ok) return std::nullopt;
    p.server_max_window_bits = server_bits;
    // §7.1.1.2: client_no_context_takeover in the answer is our own choice (the
    // offer's is a hint).
    p.client_no_context_takeover = policy.client_no_context_takeover;
    // §7.1.2.2: a response to an offer without client_max_window_bits MUST NOT
    // include it, so such a client compresses with 15 whatever our policy wants.
    if (o.client_max_window_bits) {
        std::uint8_t bits = o.client_max_window_bits_value.value_or(15);
        if (policy.client_max_window_bits) bits = std::min(bits, clamp_bits(*policy.client_max_window_bits));
        p.client_max_window_bits = bits;
    }
    return p;
}

// The response element for agreed parameters.
std::string response_for(const deflate_params& p, const deflate_offer& o) {
    std::string s(pmd);
    if (p.server_no_context_takeover) s += "; server_no_context_takeover";
    if (p.client_no_context_takeover) s += "; client_no_context_takeover";
    // Required when offered (§7.1.2.1 acceptance), optional otherwise: sent only
    // when it says something.
    if (o.server_max_window_bits || p.server_max_window_bits < 15)
        s += "; server_max_window_bits=" + std::to_string(p.server_max_window_bits);
    // A bare offer lets the server leave the client at 15; a value in the offer is
    // answered so that both ends read the same number.
    if (o.client_max_window_bits && (p.client_max_window_bits < 15 || o.client_max_window_bits_value))
        s += "; client_max_window_bits=" + std::to_string(p.client_max_window_bits);
    return s;
}

bool in_range(std::uint8_t bits) { return bits >= 8 && bits <= 15; }

// Whether parameters a policy chose can be expressed as the answer to this offer
// (§7.1.1.1, §7.1.2.1, §7.1.2.2).
bool fits_offer(const deflate_params& p, const deflate_offer& o) {
    if (!in_range(p.server_max_window_bits) || !in_range(p.client_max_window_bits)) return false;
    if (o.server_no_context_takeover && !p.server_no_context_takeover) return false;
    if (o.server_max_window_bits && p.server_max_window_bits > *o.server_max_window_bits) return false;
    if (!o.client_max_window_bits && p.client_max_window_bits != 15) return false;
    return true;
}

}  // namespace

error negotiate_deflate(const std::vector<extension>& offered, const deflate_server_policy& policy,
                        std::optional<deflate_agreement>& out) {
    out.reset();
    std::vector<deflate_offer> offers;
    for (const auto& ext : offered) {
        if (ext.name != pmd) continue;  // other extensions are declined by not answering them
        // §7: "A server MUST decline an extension negotiation offer for this
        // extension if" it has unknown or repeated parameters or invalid values;
        // declining one offer leaves the later ones to consider.
        deflate_offer o;
        if (parse_offer(ext, o) == error::none) offers.push_back(o);
    }
    if (!policy.enabled || offers.empty()) return error::none;

    if (policy.choose) {
        auto chosen = policy.choose(offers);
        if (!chosen) return error::none;
        for (const auto& o : offers) {
            if (fits_offer(*chosen, o)) {
                out = deflate_agreement{*chosen, response_for(*chosen, o)};
                return error::none;
            }
        }
        return error::none;
    }
    // §5: "The order of elements is important as it specifies the client's
    // preference." The first offer we can take wins; one that needs an
    // 8-bit window for our compressor is taken only when no other offer can be.
    for (bool literal_only_ok : {false, true}) {
        for (const auto& o : offers) {
            if (auto p = default_choice(o, policy, literal_only_ok)) {
                out = deflate_agreement{*p, response_for(*p, o)};
                return error::none;
            }
        }
    }
    return error::none;
}

error accept_deflate_response(const extension& answer, const std::vector<deflate_offer>& offered,
                              deflate_params& out) {
    // §7: "A client MUST _Fail the WebSocket Connection_ if the peer server
    // accepted an extension negotiation offer for this extension with an extension
    // negotiation response" holding a parameter not defined for responses, an
    // invalid value or the same parameter twice.
    deflate_offer r;
    if (parse_offer(answer, r) != error::none) return error::bad_extension_response;
    // §7.1.2.2: in a response client_max_window_bits always carries a value; the
    // bare form exists only in offers.
    if (r.client_max_window_bits && !r.client_max_window_bits_value) return error::bad_extension_response;

    // The answer accepts one of our offers; take the first one it can belong to.
    for (const auto& o : offered) {
        // §7.1.1.1: the server accepts an offer with server_no_context_takeover by
        // including the parameter in its response. Without an offer the server may
        // add it anyway, and may always add client_no_context_takeover (§7.1.1.2).
        if (o.server_no_context_takeover && !r.server_no_context_takeover) continue;
        // §7.1.2.1: an offer with server_max_window_bits is accepted with "the
        // same or smaller value"; without one the server "MAY include" any value.
        if (o.server_max_window_bits &&
            (!r.server_max_window_bits || *r.server_max_window_bits > *o.server_max_window_bits))
            continue;
        // §7.1.2.2: a response to an offer without client_max_window_bits MUST NOT
        // include it.
        if (r.client_max_window_bits && !o.client_max_window_bits) continue;

        deflate_params p;
        p.server_no_context_takeover = r.server_no_context_takeover;
        // Our own client_no_context_takeover in the offer was a hint (§7.1.1.2);
        // only the answer makes it binding, so both ends record the same value.
        p.client_no_context_takeover = r.client_no_context_takeover;
        p.server_max_window_bits = r.server_max_window_bits.value_or(15);
        // §7.1.2.2: a value in our offer is a hint the server "may either ignore"
        // or answer with the same or a smaller value; only the answer limits our
        // window. Reading it from the answer alone also keeps both ends' records
        // equal when an answer fits several offers with different hints.
        p.client_max_window_bits = r.client_max_window_bits_value.value_or(15);
        out = p;
        return error::none;
    }
    return error::bad_extension_response;
}

}  // namespace wsc
