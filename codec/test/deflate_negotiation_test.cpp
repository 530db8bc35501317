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

TEST(DeflateOffer, rejects_what_section_7_1_forbids) {
    for (const char* bad : {
             "permessage-deflate; server_no_context_takeover; server_no_context_takeover",  // duplicate
             "permessage-deflate; unknown_param",                                          // unknown
             "permessage-deflate; server_max_window_bits",                                 // value required
             "permessage-deflate; server_max_window_bits=7",                               // out of range
             "permessage-deflate; server_max_window_bits=16",
             "permessage-deflate; client_max_window_bits=08",                              // leading zero
             "permessage-deflate; client_no_context_takeover=1",                           // no value allowed
             "permessage-deflate; server_max_window_bits=\"1 0\"",
         }) {
        deflate_offer o;
        EXPECT_EQ(parse_offer(exts(bad).at(0), o), error::bad_extension_offer) << bad;
    }
}

TEST(DeflateServer, accepts_first_acceptable_offer_and_declines_unknown_extensions) {
    std::optional<deflate_agreement> agreed;
    deflate_server_policy policy;
    ASSERT_EQ(negotiate_deflate(exts("x-foo, permessage-deflate; client_max_window_bits"), policy, agreed), error::none);
    ASSERT_TRUE(agreed);
    EXPECT_EQ(agreed->response, "permessage-deflate");
    EXPECT_EQ(agreed->params.client_max_window_bits, 15);
}

TEST(DeflateServer, declines_a_window_of_8_it_cannot_compress_with_and_takes_the_next_offer) {
    std::optional<deflate_agreement> agreed;
    ASSERT_EQ(negotiate_deflate(exts("permessage-deflate; server_max_window_bits=8, permessage-deflate"), {}, agreed),
              error::none);
    ASSERT_TRUE(agreed);
    EXPECT_EQ(agreed->response, "permessage-deflate");
    EXPECT_EQ(agreed->params.server_max_window_bits, 15);
}

TEST(DeflateServer, malformed_offer_is_declined_and_disabled_policy_declines) {
    std::optional<deflate_agreement> agreed;
    EXPECT_EQ(negotiate_deflate(exts("permessage-deflate; bogus"), {}, agreed), error::none);
    EXPECT_FALSE(agreed);
    ASSERT_EQ(negotiate_deflate(exts("permessage-deflate; bogus, permessage-deflate; server_no_context_takeover"), {},
                                agreed),
              error::none);
    ASSERT_TRUE(agreed);
    EXPECT_TRUE(agreed->params.server_no_context_takeover);
    deflate_server_policy off;
    off.enabled = false;
    EXPECT_EQ(negotiate_deflate(exts("permessage-deflate"), off, agreed), error::none);
    EXPECT_FALSE(agreed);
}

TEST(DeflateServer, echoes_requested_parameters_within_the_offer) {
    std::optional<deflate_agreement> agreed;
    deflate_server_policy policy;
    policy.client_max_window_bits = 9;
    ASSERT_EQ(negotiate_deflate(exts("permessage-deflate; server_no_context_takeover; server_max_window_bits=9; "
                                     "client_max_window_bits"),
                                policy, agreed),
              error::none);
    ASSERT_TRUE(agreed);
    EXPECT_EQ(agreed->response,
              "permessage-deflate; server_no_context_takeover; server_max_window_bits=9; client_max_window_bits=9");
    EXPECT_TRUE(agreed->params.server_no_context_takeover);
    EXPECT_EQ(agreed->params.server_max_window_bits, 9);
    EXPECT_EQ(agreed->params.client_max_window_bits, 9);
}

// The seven parameter sets of the catalogue's §13: what a client offers, negotiated
// by our default server, must be accepted by our client unchanged.
TEST(DeflateRoundTrip, every_catalogue_parameter_set_is_agreed_by_both_sides) {
    const char* offers[] = {
        "permessage-deflate; client_no_context_takeover; client_max_window_bits",
        "permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover",
        "permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=9",
        "permessage-deflate; client_no_context_takeover; client_max_window_bits; server_max_window_bits=15",
        "permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; "
        "server_max_window_bits=9",
        "permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; "
        "server_max_window_bits=15",
    };
    for (const char* text : offers) {
        std::optional<deflate_agreement> agreed;
        ASSERT_EQ(negotiate_deflate(exts(text), {}, agreed), error::none) << text;
        ASSERT_TRUE(agreed) << text;
        deflate_params client_view;
        ASSERT_EQ(accept_deflate_response(exts(agreed->response).at(0), {offer_of(text)}, client_view), error::none)
            << agreed->response;
        EXPECT_EQ(client_view.server_no_context_takeover, agreed->params.server_no_context_takeover) << text;
        EXPECT_EQ(client_view.server_max_window_bits, agreed->params.server_max_window_bits) << text;
    }
}

TEST(DeflateClient, rejects_responses_the_offers_did_not_allow) {
    std::vector<deflate_offer> plain = {offer_of("permessage-deflate")};
    deflate_params p;
    // §7.1.2.1: server_max_window_bits only if offered; §7.1.2.2 likewise for the client's.
    EXPECT_EQ(accept_deflate_response(exts("permessage-deflate; server_max_window_bits=10").at(0), plain, p),
              error::bad_extension_response);
    EXPECT_EQ(accept_deflate_response(exts("permessage-deflate; client_max_window_bits=10").at(0), plain, p),
              error::bad_extension_response);
    EXPECT_EQ(accept_deflate_response(exts("permessage-deflate; x=1").at(0), plain, p), error::bad_extension_response);
    std::vector<deflate_offer> capped = {offer_of("permessage-deflate; server_max_window_bits=10")};
    EXPECT_EQ(accept_deflate_response(exts("permessage-deflate; server_max_window_bits=12").at(0), capped, p),
              error::bad_extension_response);
    EXPECT_EQ(accept_deflate_response(exts("permessage-deflate; server_max_window_bits=9").at(0), capped, p),
              error::none);
    EXPECT_EQ(p.server_max_window_bits, 9);
    // The server may always add no_context_takeover for either side (§7.1.1).
    EXPECT_EQ(accept_deflate_response(exts("permessage-deflate; server_no_context_takeover; client_no_context_takeover")
                                          .at(0),
                                      plain, p),
              error::none);
    EXPECT_TRUE(p.client_no_context_takeover);
}

}  // namespace
}  // namespace wsc
