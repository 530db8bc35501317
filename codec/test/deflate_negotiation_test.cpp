// RFC 7692 §5, §7.1: permessage-deflate offers and responses.
#include <gtest/gtest.h>

#include "wsc/deflate.hpp"

namespace wsc {
namespace {

std::vector<extension> exts(std::string_view header) {
    std::vector<extension> out;
    EXPECT_TRUE(parse_extensions(header, out)) << header;
    return out;
}

deflate_offer offer_of(std::string_view header) {
    deflate_offer o;
    EXPECT_EQ(parse_offer(exts(header).at(0), o), error::none) << header;
    return o;
}

std::vector<deflate_offer> offers_of(std::string_view header) {
    std::vector<deflate_offer> out;
    for (const auto& e : exts(header)) {
        deflate_offer o;
        EXPECT_EQ(parse_offer(e, o), error::none) << header;
        out.push_back(o);
    }
    return out;
}

std::optional<deflate_agreement> server_answer(std::string_view header, const deflate_server_policy& policy = {}) {
    std::optional<deflate_agreement> agreed;
    EXPECT_EQ(negotiate_deflate(exts(header), policy, agreed), error::none) << header;
    return agreed;
}

bool same(const deflate_params& a, const deflate_params& b) {
    return a.server_no_context_takeover == b.server_no_context_takeover &&
           a.client_no_context_takeover == b.client_no_context_takeover &&
           a.server_max_window_bits == b.server_max_window_bits && a.client_max_window_bits == b.client_max_window_bits;
}

// --- §7.1 offers ---------------------------------------------------------------

TEST(DeflateOffer, reads_every_parameter) {
    deflate_offer o = offer_of(
        "permessage-deflate; server_no_context_takeover; client_no_context_takeover; "
        "server_max_window_bits=10; client_max_window_bits=12");
    EXPECT_TRUE(o.server_no_context_takeover);
    EXPECT_TRUE(o.client_no_context_takeover);
    EXPECT_EQ(o.server_max_window_bits, 10);
    EXPECT_TRUE(o.client_max_window_bits);
    EXPECT_EQ(o.client_max_window_bits_value, 12);
    EXPECT_EQ(format_offer(o),
              "permessage-deflate; server_no_context_takeover; client_no_context_takeover; "
              "server_max_window_bits=10; client_max_window_bits=12");
}

TEST(DeflateOffer, accepts_what_section_7_1_allows) {
    struct row {
        const char* text;
        bool snct, cnct;
        std::optional<std::uint8_t> smwb;
        bool cmwb;
        std::optional<std::uint8_t> cmwb_value;
    };
    const row rows[] = {
        {"permessage-deflate", false, false, {}, false, {}},
        {"permessage-deflate; client_max_window_bits", false, false, {}, true, {}},
        {"permessage-deflate; client_max_window_bits=8", false, false, {}, true, 8},
        {"permessage-deflate; server_max_window_bits=8", false, false, 8, false, {}},
        {"permessage-deflate; server_max_window_bits=15", false, false, 15, false, {}},
        {"permessage-deflate; server_max_window_bits=\"12\"", false, false, 12, false, {}},  // §9.1 quoted token
        {"permessage-deflate; client_max_window_bits=\"9\"", false, false, {}, true, 9},
        {"permessage-deflate;client_no_context_takeover ;server_no_context_takeover", true, true, {}, false, {}},
        // Parameter order does not matter.
        {"permessage-deflate; client_max_window_bits; server_max_window_bits=11; server_no_context_takeover", true,
         false, 11, true, {}},
    };
    for (const auto& r : rows) {
        const deflate_offer o = offer_of(r.text);
        EXPECT_EQ(o.server_no_context_takeover, r.snct) << r.text;
        EXPECT_EQ(o.client_no_context_takeover, r.cnct) << r.text;
        EXPECT_EQ(o.server_max_window_bits, r.smwb) << r.text;
        EXPECT_EQ(o.client_max_window_bits, r.cmwb) << r.text;
        EXPECT_EQ(o.client_max_window_bits_value, r.cmwb_value) << r.text;
        // format_offer writes it back in a form that parses to the same offer.
        const deflate_offer again = offer_of(format_offer(o));
        EXPECT_EQ(again.server_no_context_takeover, o.server_no_context_takeover);
        EXPECT_EQ(again.client_no_context_takeover, o.client_no_context_takeover);
        EXPECT_EQ(again.server_max_window_bits, o.server_max_window_bits);
        EXPECT_EQ(again.client_max_window_bits, o.client_max_window_bits);
        EXPECT_EQ(again.client_max_window_bits_value, o.client_max_window_bits_value);
    }
}

TEST(DeflateOffer, rejects_what_section_7_1_forbids) {
    for (const char* bad : {
             "permessage-deflate; server_no_context_takeover; server_no_context_takeover",  // duplicate
             "permessage-deflate; client_max_window_bits; client_max_window_bits=10",      // duplicate
             "permessage-deflate; server_max_window_bits=10; server_max_window_bits=10",
             "permessage-deflate; unknown_param",                                          // unknown
             "permessage-deflate; Server_No_Context_Takeover",                             // names are exact
             "permessage-deflate; server_max_window_bits",                                 // value required
             "permessage-deflate; server_max_window_bits=7",                               // out of range
             "permessage-deflate; server_max_window_bits=16",
             "permessage-deflate; server_max_window_bits=0",
             "permessage-deflate; client_max_window_bits=08",                              // leading zero
             "permessage-deflate; client_max_window_bits=+9",
             "permessage-deflate; client_max_window_bits=9.0",
             "permessage-deflate; client_max_window_bits=115",
             "permessage-deflate; client_no_context_takeover=1",                           // no value allowed
             "permessage-deflate; server_no_context_takeover=\"\"",
             "permessage-deflate; server_max_window_bits=\"1 0\"",                         // §9.1: token after unquoting
             "permessage-deflate; server_max_window_bits=\"\"",
             "x-webkit-deflate-frame",                                                     // another extension
         }) {
        deflate_offer o;
        EXPECT_EQ(parse_offer(exts(bad).at(0), o), error::bad_extension_offer) << bad;
    }
}

TEST(DeflateOffer, format_offers_joins_elements_in_order) {
    std::vector<deflate_offer> offers(2);
    offers[0].server_max_window_bits = 9;
    offers[0].client_max_window_bits = true;
    offers[1].client_no_context_takeover = true;
    EXPECT_EQ(format_offers(offers),
              "permessage-deflate; server_max_window_bits=9; client_max_window_bits, "
              "permessage-deflate; client_no_context_takeover");
    EXPECT_EQ(format_offers({}), "");
}

// --- server: negotiate_deflate ---------------------------------------------------

TEST(DeflateServer, accepts_first_acceptable_offer_and_declines_unknown_extensions) {
    auto agreed = server_answer("x-foo, permessage-deflate; client_max_window_bits");
    ASSERT_TRUE(agreed);
    EXPECT_EQ(agreed->response, "permessage-deflate");
    EXPECT_TRUE(same(agreed->params, deflate_params{}));
    EXPECT_FALSE(server_answer("x-foo; a=1"));
}

TEST(DeflateServer, declines_a_window_of_8_while_another_offer_will_do) {
    auto agreed = server_answer("permessage-deflate; server_max_window_bits=8, permessage-deflate");
    ASSERT_TRUE(agreed);
    EXPECT_EQ(agreed->response, "permessage-deflate");
    EXPECT_EQ(agreed->params.server_max_window_bits, 15);
}

TEST(DeflateServer, accepts_a_lone_window_of_8_and_compresses_without_back_references) {
    auto agreed = server_answer("permessage-deflate; server_max_window_bits=8; client_max_window_bits");
    ASSERT_TRUE(agreed);
    EXPECT_EQ(agreed->response, "permessage-deflate; server_max_window_bits=8");
    EXPECT_EQ(agreed->params.server_max_window_bits, 8);
    // The offer order still decides among offers that need 8.
    agreed = server_answer("permessage-deflate; server_max_window_bits=8; server_no_context_takeover, "
                           "permessage-deflate; server_max_window_bits=8");
    ASSERT_TRUE(agreed);
    EXPECT_TRUE(agreed->params.server_no_context_takeover);
}

TEST(DeflateServer, malformed_offer_is_declined_and_disabled_policy_declines) {
    std::optional<deflate_agreement> agreed;
    EXPECT_EQ(negotiate_deflate(exts("permessage-deflate; bogus"), {}, agreed), error::none);
    EXPECT_FALSE(agreed);
    agreed = server_answer("permessage-deflate; bogus, permessage-deflate; server_no_context_takeover");
    ASSERT_TRUE(agreed);
    EXPECT_TRUE(agreed->params.server_no_context_takeover);
    deflate_server_policy off;
    off.enabled = false;
    EXPECT_FALSE(server_answer("permessage-deflate", off));
}

TEST(DeflateServer, echoes_requested_parameters_within_the_offer) {
    deflate_server_policy policy;
    policy.client_max_window_bits = 9;
    auto agreed = server_answer(
        "permessage-deflate; server_no_context_takeover; server_max_window_bits=9; client_max_window_bits", policy);
    ASSERT_TRUE(agreed);
    EXPECT_EQ(agreed->response,
              "permessage-deflate; server_no_context_takeover; server_max_window_bits=9; client_max_window_bits=9");
    EXPECT_TRUE(agreed->params.server_no_context_takeover);
    EXPECT_EQ(agreed->params.server_max_window_bits, 9);
    EXPECT_EQ(agreed->params.client_max_window_bits, 9);
}

TEST(DeflateServer, policy_caps_and_demands) {
    deflate_server_policy policy;
    policy.server_no_context_takeover = true;
    policy.client_no_context_takeover = true;
    policy.server_max_window_bits = 10;
    policy.client_max_window_bits = 11;
    // §7.1.2.1: the server may name its window even when the offer did not ask;
    // §7.1.2.2: it must not name the client's unless the offer allowed it.
    auto agreed = server_answer("permessage-deflate", policy);
    ASSERT_TRUE(agreed);
    EXPECT_EQ(agreed->response,
              "permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=10");
    EXPECT_EQ(agreed->params.server_max_window_bits, 10);
    EXPECT_EQ(agreed->params.client_max_window_bits, 15);
    // An offered value below our cap wins; a client hint below our cap too.
    agreed = server_answer("permessage-deflate; server_max_window_bits=9; client_max_window_bits=10", policy);
    ASSERT_TRUE(agreed);
    EXPECT_EQ(agreed->params.server_max_window_bits, 9);
    EXPECT_EQ(agreed->params.client_max_window_bits, 10);
    EXPECT_EQ(agreed->response,
              "permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=9; "
              "client_max_window_bits=10");
    // A client hint is answered even when it is 15, so both ends read the same.
    agreed = server_answer("permessage-deflate; client_max_window_bits=15");
    ASSERT_TRUE(agreed);
    EXPECT_EQ(agreed->response, "permessage-deflate; client_max_window_bits=15");
}

TEST(DeflateServer, policy_choose_overrides_within_what_the_offers_allow) {
    deflate_server_policy policy;
    std::size_t seen = 0;
    policy.choose = [&](const std::vector<deflate_offer>& os) -> std::optional<deflate_params> {
        seen = os.size();
        deflate_params p;
        p.server_no_context_takeover = true;
        p.server_max_window_bits = 11;
        return p;
    };
    // Malformed offers never reach choose; the first offer the choice fits is answered.
    auto agreed = server_answer(
        "permessage-deflate; bogus, permessage-deflate; server_max_window_bits=10, "
        "permessage-deflate; server_max_window_bits=12",
        policy);
    EXPECT_EQ(seen, 2u);
    ASSERT_TRUE(agreed);
    EXPECT_EQ(agreed->response, "permessage-deflate; server_no_context_takeover; server_max_window_bits=11");
    // A choice that fits no offer, or is out of range, declines.
    EXPECT_FALSE(server_answer("permessage-deflate; server_max_window_bits=10", policy));
    policy.choose = [](const std::vector<deflate_offer>&) -> std::optional<deflate_params> {
        deflate_params p;
        p.server_max_window_bits = 16;
        return p;
    };
    EXPECT_FALSE(server_answer("permessage-deflate", policy));
    policy.choose = [](const std::vector<deflate_offer>&) -> std::optional<deflate_params> { return std::nullopt; };
    EXPECT_FALSE(server_answer("permessage-deflate", policy));
}

// --- client: accept_deflate_response -------------------------------------------

TEST(DeflateClient, rejects_responses_the_offers_did_not_allow) {
    const std::vector<deflate_offer> plain = {offer_of("permessage-deflate")};
    const std::vector<deflate_offer> capped = {offer_of("permessage-deflate; server_max_window_bits=10")};
    const std::vector<deflate_offer> no_takeover = {offer_of("permessage-deflate; server_no_context_takeover")};
    const std::vector<deflate_offer> bare = {offer_of("permessage-deflate; client_max_window_bits")};
    struct row {
        const char* answer;
        const std::vector<deflate_offer>* offers;
    };
    const row rows[] = {
        {"permessage-deflate; client_max_window_bits=10", &plain},   // §7.1.2.2: not offered
        {"permessage-deflate; x=1", &plain},                         // unknown
        {"permessage-deflate; server_no_context_takeover; server_no_context_takeover", &plain},
        {"permessage-deflate; server_max_window_bits=12", &capped},  // larger than offered
        {"permessage-deflate", &capped},                             // offer with it not accepted
        {"permessage-deflate; server_max_window_bits=7", &capped},   // out of range
        {"permessage-deflate", &no_takeover},                        // §7.1.1.1 not echoed
        {"permessage-deflate; client_max_window_bits", &bare},       // a response needs a value
        {"permessage-deflate; client_max_window_bits=16", &bare},
        {"x-other", &plain},
    };
    for (const auto& r : rows) {
        deflate_params p;
        EXPECT_EQ(accept_deflate_response(exts(r.answer).at(0), *r.offers, p), error::bad_extension_response)
            << r.answer;
    }
}

TEST(DeflateClient, accepts_what_the_server_may_add_or_lower) {
    const std::vector<deflate_offer> plain = {offer_of("permessage-deflate")};
    deflate_params p;
    // §7.1.1.1/§7.1.1.2: no_context_takeover for either side may be added.
    ASSERT_EQ(accept_deflate_response(exts("permessage-deflate; server_no_context_takeover; client_no_context_takeover")
                                          .at(0),
                                      plain, p),
              error::none);
    EXPECT_TRUE(p.server_no_context_takeover);
    EXPECT_TRUE(p.client_no_context_takeover);
    // §7.1.2.1: "A server MAY include the server_max_window_bits extension
    // parameter in an extension negotiation response even if the extension
    // negotiation offer being accepted by the response didn't include" it.
    ASSERT_EQ(accept_deflate_response(exts("permessage-deflate; server_max_window_bits=10").at(0), plain, p),
              error::none);
    EXPECT_EQ(p.server_max_window_bits, 10);
    // Same or smaller than offered.
    const std::vector<deflate_offer> capped = {offer_of("permessage-deflate; server_max_window_bits=10")};
    ASSERT_EQ(accept_deflate_response(exts("permessage-deflate; server_max_window_bits=9").at(0), capped, p),
              error::none);
    EXPECT_EQ(p.server_max_window_bits, 9);
    ASSERT_EQ(accept_deflate_response(exts("permessage-deflate; server_max_window_bits=10").at(0), capped, p),
              error::none);
    EXPECT_EQ(p.server_max_window_bits, 10);
    // client_max_window_bits: our offered value is a hint the server may ignore
    // (§7.1.2.2); the answer alone sets our window.
    const std::vector<deflate_offer> hinted = {offer_of("permessage-deflate; client_max_window_bits=10")};
    ASSERT_EQ(accept_deflate_response(exts("permessage-deflate").at(0), hinted, p), error::none);
    EXPECT_EQ(p.client_max_window_bits, 15);
    ASSERT_EQ(accept_deflate_response(exts("permessage-deflate; client_max_window_bits=9").at(0), hinted, p),
              error::none);
    EXPECT_EQ(p.client_max_window_bits, 9);
    ASSERT_EQ(accept_deflate_response(exts("permessage-deflate; client_max_window_bits=12").at(0), hinted, p),
              error::none);
    EXPECT_EQ(p.client_max_window_bits, 12);
    const std::vector<deflate_offer> bare = {offer_of("permessage-deflate; client_max_window_bits")};
    ASSERT_EQ(accept_deflate_response(exts("permessage-deflate; client_max_window_bits=8").at(0), bare, p),
              error::none);
    EXPECT_EQ(p.client_max_window_bits, 8);
    // Our client_no_context_takeover was only a hint: the answer decides.
    const std::vector<deflate_offer> hint = {offer_of("permessage-deflate; client_no_context_takeover")};
    ASSERT_EQ(accept_deflate_response(exts("permessage-deflate").at(0), hint, p), error::none);
    EXPECT_FALSE(p.client_no_context_takeover);
}

TEST(DeflateClient, an_answer_fitting_several_offers_reads_the_same_for_both_ends) {
    // The server's choice leaves the client at 15 and is answered to the first
    // offer, whose hint was 8: "client_max_window_bits=15". The client must
    // record 15 as well, not its own hint.
    deflate_server_policy policy;
    policy.choose = [](const std::vector<deflate_offer>&) -> std::optional<deflate_params> { return deflate_params{}; };
    const char* text = "permessage-deflate; client_max_window_bits=8, permessage-deflate";
    auto agreed = server_answer(text, policy);
    ASSERT_TRUE(agreed);
    EXPECT_EQ(agreed->response, "permessage-deflate; client_max_window_bits=15");
    deflate_params p;
    ASSERT_EQ(accept_deflate_response(exts(agreed->response).at(0), offers_of(text), p), error::none);
    EXPECT_TRUE(same(p, agreed->params));
}

TEST(DeflateClient, matches_the_answer_to_the_offer_it_accepts) {
    // The answer fits only the second offer (the first needed server_max_window_bits).
    const auto offers = offers_of("permessage-deflate; server_max_window_bits=10, permessage-deflate");
    deflate_params p;
    ASSERT_EQ(accept_deflate_response(exts("permessage-deflate").at(0), offers, p), error::none);
    EXPECT_TRUE(same(p, deflate_params{}));
    EXPECT_EQ(accept_deflate_response(exts("permessage-deflate").at(0), {}, p), error::bad_extension_response);
}

// --- Autobahn §12/§13 parameter sets (catalogue §12/§13) ------------------------

// Offers: what the fuzzer as a client sends for 13.1 ... 13.7 (13.1 is also the
// §12 default), each "(requestNoContextTakeover, requestMaxWindowBits)" tuple an
// element after "permessage-deflate; client_no_context_takeover; client_max_window_bits".
// Answers: what the fuzzer as a server sends back to those offers.
struct autobahn_set {
    const char* id;
    const char* offer;
    const char* fuzzer_answer;
    deflate_params fuzzer_agreement;  // as both ends read the fuzzer's answer
    const char* our_answer;           // what our default server answers
};

constexpr const char* pmd_base = "permessage-deflate; client_no_context_takeover; client_max_window_bits";

std::string autobahn_offer(bool no_takeover, int bits) {
    std::string s = pmd_base;
    if (no_takeover) s += "; server_no_context_takeover";
    if (bits) s += "; server_max_window_bits=" + std::to_string(bits);
    return s;
}

deflate_params params_of(bool snct, bool cnct, std::uint8_t sbits, std::uint8_t cbits) {
    deflate_params p;
    p.server_no_context_takeover = snct;
    p.client_no_context_takeover = cnct;
    p.server_max_window_bits = sbits;
    p.client_max_window_bits = cbits;
    return p;
}

std::vector<autobahn_set> autobahn_sets() {
    static const std::string o1 = autobahn_offer(false, 0), o2 = autobahn_offer(true, 0),
                             o3 = autobahn_offer(false, 9), o4 = autobahn_offer(false, 15),
                             o5 = autobahn_offer(true, 9), o6 = autobahn_offer(true, 15),
                             o7 = o5 + ", " + o2 + ", " + o1;
    return {
        {"13.1", o1.c_str(), "permessage-deflate", params_of(false, false, 15, 15), "permessage-deflate"},
        {"13.2", o2.c_str(), "permessage-deflate; server_no_context_takeover; client_no_context_takeover",
         params_of(true, true, 15, 15), "permessage-deflate; server_no_context_takeover"},
        {"13.3", o3.c_str(), "permessage-deflate; server_max_window_bits=9; client_max_window_bits=9",
         params_of(false, false, 9, 9), "permessage-deflate; server_max_window_bits=9"},
        {"13.4", o4.c_str(), "permessage-deflate; server_max_window_bits=15; client_max_window_bits=15",
         params_of(false, false, 15, 15), "permessage-deflate; server_max_window_bits=15"},
        {"13.5", o5.c_str(),
         "permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=9; "
         "client_max_window_bits=9",
         params_of(true, true, 9, 9), "permessage-deflate; server_no_context_takeover; server_max_window_bits=9"},
        {"13.6", o6.c_str(),
         "permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=15; "
         "client_max_window_bits=15",
         params_of(true, true, 15, 15), "permessage-deflate; server_no_context_takeover; server_max_window_bits=15"},
        {"13.7", o7.c_str(),
         "permessage-deflate; server_no_context_takeover; client_no_context_takeover; server_max_window_bits=9; "
         "client_max_window_bits=9",
         params_of(true, true, 9, 9), "permessage-deflate; server_no_context_takeover; server_max_window_bits=9"},
    };
}

TEST(DeflateAutobahn, our_server_answers_every_fuzzer_offer_and_the_fuzzer_view_agrees) {
    for (const auto& set : autobahn_sets()) {
        auto agreed = server_answer(set.offer);
        ASSERT_TRUE(agreed) << set.id;
        EXPECT_EQ(agreed->response, set.our_answer) << set.id;
        // Read back as the offering client would (our own client code here).
        deflate_params client_view;
        ASSERT_EQ(accept_deflate_response(exts(agreed->response).at(0), offers_of(set.offer), client_view), error::none)
            << set.id;
        EXPECT_TRUE(same(client_view, agreed->params)) << set.id;
    }
}

TEST(DeflateAutobahn, our_client_accepts_every_fuzzer_answer) {
    for (const auto& set : autobahn_sets()) {
        deflate_params p;
        ASSERT_EQ(accept_deflate_response(exts(set.fuzzer_answer).at(0), offers_of(set.offer), p), error::none)
            << set.id;
        EXPECT_TRUE(same(p, set.fuzzer_agreement)) << set.id;
    }
}

TEST(DeflateAutobahn, offers_of_8_from_before_2021) {
    // 13.3 and 13.5 asked for server_max_window_bits=8 alone: accepted, with our
    // compressor limited to literals (deflate_compressor.cpp).
    auto agreed = server_answer(autobahn_offer(false, 8));
    ASSERT_TRUE(agreed);
    EXPECT_EQ(agreed->response, "permessage-deflate; server_max_window_bits=8");
    agreed = server_answer(autobahn_offer(true, 8));
    ASSERT_TRUE(agreed);
    EXPECT_EQ(agreed->response, "permessage-deflate; server_no_context_takeover; server_max_window_bits=8");
    // 13.7 with 8 first: the (True, 0) offer that follows is preferred.
    agreed = server_answer(autobahn_offer(true, 8) + ", " + autobahn_offer(true, 0) + ", " + autobahn_offer(false, 0));
    ASSERT_TRUE(agreed);
    EXPECT_EQ(agreed->response, "permessage-deflate; server_no_context_takeover");
    // The fuzzer's old answer to our client: 8 for both sides.
    deflate_params p;
    ASSERT_EQ(accept_deflate_response(
                  exts("permessage-deflate; server_max_window_bits=8; client_max_window_bits=8").at(0),
                  offers_of(autobahn_offer(false, 8)), p),
              error::none);
    EXPECT_EQ(p.server_max_window_bits, 8);
    EXPECT_EQ(p.client_max_window_bits, 8);
}

// Whatever our server answers to a valid offer, our client accepts with the same
// parameters (both ends of one connection agree).
TEST(DeflateRoundTrip, server_answers_are_accepted_by_the_client_for_every_offer_shape) {
    int checked = 0;
    for (int mask = 0; mask < 16; ++mask) {
        for (int sbits : {0, 8, 9, 12, 15}) {
            for (int cbits : {-1, 0, 8, 10, 15}) {  // -1: absent, 0: bare
                deflate_offer o;
                o.server_no_context_takeover = mask & 1;
                o.client_no_context_takeover = mask & 2;
                if (sbits) o.server_max_window_bits = static_cast<std::uint8_t>(sbits);
                if (cbits >= 0) o.client_max_window_bits = true;
                if (cbits > 0) o.client_max_window_bits_value = static_cast<std::uint8_t>(cbits);
                deflate_server_policy policy;
                policy.server_no_context_takeover = mask & 4;
                policy.client_no_context_takeover = mask & 8;
                if (sbits == 12) policy.server_max_window_bits = 10;
                if (cbits == 15) policy.client_max_window_bits = 9;
                const std::string text = format_offer(o);
                auto agreed = server_answer(text, policy);
                ASSERT_TRUE(agreed) << text;
                deflate_params client_view;
                ASSERT_EQ(accept_deflate_response(exts(agreed->response).at(0), {o}, client_view), error::none)
                    << text << " -> " << agreed->response;
                EXPECT_TRUE(same(client_view, agreed->params)) << text << " -> " << agreed->response;
                ++checked;
            }
        }
    }
    EXPECT_EQ(checked, 16 * 5 * 5);
}

}  // namespace
}  // namespace wsc
