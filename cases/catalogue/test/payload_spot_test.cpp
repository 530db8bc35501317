// Spot checks of case contents against the catalogue description (catalogue.md §2).

#include <gtest/gtest.h>

#include "test_support.hpp"

namespace wsc::catalogue::test {
namespace {

template <typename T>
const T& step(const Case& c, std::size_t i) {
    return std::get<T>(c.steps.at(i));
}

std::string hex(const Payload& p) { return hex_encode(bytes(p)); }
std::string text(const Payload& p) {
    Bytes b = bytes(p);
    return std::string(b.begin(), b.end());
}

const std::vector<Event>& ok(const Case& c) {
    const Outcome* o = find_outcome(c.expected, "OK");
    if (!o) throw std::runtime_error("no OK outcome in " + c.id.str());
    return o->events;
}

TEST(PayloadSpot, Utf8Section62And63) {
    const auto& m = step<SendMessage>(get("6.2.1"), 0);
    EXPECT_EQ(hex(m.payload), "48656c6c6f2dc2b540c39fc3b6c3a4c3bcc3a0c3a12d5554462d382121");
    EXPECT_FALSE(m.fragment_size.has_value());
    EXPECT_EQ(step<SendMessage>(get("6.2.3"), 0).fragment_size, 1u);
    EXPECT_EQ(hex(step<SendFrame>(get("6.2.2"), 0).payload).size(), 30u);  // first 15 bytes
    const auto& bad = step<SendMessage>(get("6.3.1"), 0);
    EXPECT_EQ(hex(bad.payload), "cebae1bdb9cf83cebcceb5eda080656469746564");
    const auto& close = get("6.3.1").expected_close.value();
    EXPECT_FALSE(close.closed_by_me);
    EXPECT_EQ(close.codes, std::vector<int>{1007});
    EXPECT_TRUE(close.wrong_endpoint_fatal);
}

TEST(PayloadSpot, KuhnRows) {
    std::string ascending;
    for (int b = 0x80; b <= 0xBE; ++b) ascending += hex_encode({static_cast<std::uint8_t>(b)});
    EXPECT_EQ(hex(step<SendFrame>(get("6.12.8"), 0).payload), ascending);
    EXPECT_EQ(bytes(step<SendFrame>(get("6.12.8"), 0).payload).size(), 63u);
    EXPECT_EQ(hex(step<SendFrame>(get("6.13.1"), 0).payload),
              "c020c120c220c320c420c520c620c720c820c920ca20cb20cc20cd20ce20cf20d020d120d220d320d420d520d620d720d820d9"
              "20da20db20dc20dd20de20");
    EXPECT_EQ(hex(step<SendFrame>(get("6.22.34"), 0).payload), "f48fbfbf");
    EXPECT_EQ(std::get<KillAfter>(get("6.22.34").steps.back()).seconds, 0.5);
    // Valid rows echo and close normally, invalid ones expect a 1007 failure.
    EXPECT_EQ(ok(get("6.6.2")).size(), 1u);
    EXPECT_TRUE(get("6.6.2").expected_close->closed_by_me);
    EXPECT_TRUE(ok(get("6.6.3")).empty());
    EXPECT_EQ(get("6.6.3").expected_close->codes, std::vector<int>{1007});
}

TEST(PayloadSpot, FailFastParts) {
    const Case& c = get("6.4.3");
    const auto& header = step<SendStreamHeader>(c, 0);
    EXPECT_EQ(header.length, 21u);
    EXPECT_FALSE(header.fin);
    std::uint64_t streamed = 0;
    for (const Step& s : c.steps) {
        if (auto* p = std::get_if<SendStreamPiece>(&s)) streamed += p->payload.size();
    }
    EXPECT_EQ(streamed, 21u);
    EXPECT_EQ(step<ContinueLater>(c, 2).tag, "A");
    const auto& last = step<SendFrame>(c, 6);
    EXPECT_EQ(last.opcode, 0);
    EXPECT_TRUE(last.fin);
    EXPECT_TRUE(last.payload.empty());
    ASSERT_EQ(c.expected.size(), 2u);
    EXPECT_EQ(c.expected[0].label, "OK");
    EXPECT_EQ(c.expected[0].events.size(), 1u);
    EXPECT_EQ(c.expected[1].events.size(), 2u);
    EXPECT_EQ(hex(step<SendStreamPiece>(get("6.4.4"), 5).payload), "8080656469746564");
}

TEST(PayloadSpot, TenPings) {
    for (const char* id : {"2.10", "2.11"}) {
        const Case& c = get(id);
        ASSERT_EQ(ok(c).size(), 10u);
        for (int k = 0; k < 10; ++k) {
            const auto& f = step<SendFrame>(c, static_cast<std::size_t>(k));
            EXPECT_EQ(f.opcode, 9);
            EXPECT_EQ(text(f.payload), "payload-" + std::to_string(k));
            EXPECT_EQ(f.chop, std::string(id) == "2.11" ? 1u : 0u);
            EXPECT_EQ(ok(c)[static_cast<std::size_t>(k)].type, Event::Type::pong);
            EXPECT_EQ(text(ok(c)[static_cast<std::size_t>(k)].payload), "payload-" + std::to_string(k));
        }
        EXPECT_EQ(std::get<CloseAfter>(c.steps.back()).seconds, 3);
    }
}

TEST(PayloadSpot, InterleavedPingsWithPause) {
    const Case& c = get("5.19");
    ASSERT_EQ(c.steps.size(), 9u);
    EXPECT_EQ(step<SendFrame>(c, 0).opcode, 1);
    EXPECT_FALSE(step<SendFrame>(c, 0).fin);
    EXPECT_EQ(text(step<SendFrame>(c, 2).payload), "pongme 1!");
    EXPECT_EQ(step<Wait>(c, 3).seconds, 1);
    EXPECT_EQ(text(step<SendFrame>(c, 6).payload), "pongme 2!");
    EXPECT_TRUE(step<SendFrame>(c, 7).fin);
    EXPECT_EQ(step<CloseAfter>(c, 8).seconds, 1);
    ASSERT_EQ(ok(c).size(), 3u);
    EXPECT_EQ(text(ok(c)[2].payload), "fragment1fragment2fragment3fragment4fragment5");
    for (const Step& s : get("5.20").steps) {
        if (auto* f = std::get_if<SendFrame>(&s)) {
            EXPECT_TRUE(f->sync);
        }
    }
}

TEST(PayloadSpot, LimitsSection) {
    const Case& c = get("9.3.1");
    const auto& m = step<SendMessage>(c, 0);
    EXPECT_EQ(m.fragment_size, 64u);
    EXPECT_EQ(m.payload.size(), 4194304u);
    EXPECT_EQ(c.echo_check->length, 4194304u);
    EXPECT_EQ(c.deadline, 100);
    EXPECT_EQ(bytes(step<SendMessage>(get("9.4.1"), 0).payload).front(), 0xFE);
    EXPECT_EQ(bytes(step<SendMessage>(get("9.4.2"), 0).payload).front(), '*');
    EXPECT_EQ(step<SendFrame>(get("9.2.5"), 0).payload.size(), 8u * 1024 * 1024);  // 8 MiB, whatever the old text said
    const Bytes big = bytes(step<SendFrame>(get("9.1.1"), 0).payload);
    ASSERT_EQ(big.size(), 65536u);
    EXPECT_EQ(std::string(big.begin(), big.begin() + 12), "BAsd7&jh23BA");
    EXPECT_EQ(step<SendFrame>(get("9.6.6"), 0).chop, 2048u);
    EXPECT_EQ(get("9.5.1").deadline, 1000);
    EXPECT_EQ(get("9.7.6").roundtrip->count, 1000);
    EXPECT_EQ(get("9.7.6").roundtrip->payload.size(), 4096u);
    EXPECT_EQ(get("9.8.1").roundtrip->payload.size(), 0u);
    EXPECT_EQ(get("9.7.4").deadline, 120);
}

TEST(PayloadSpot, AutoFragmentation) {
    const Case& c = get("10.1.1");
    EXPECT_EQ(c.auto_fragment_size, 1300u);
    EXPECT_EQ(c.expect_tx_frames, (std::map<int, int>{{0, 50}, {1, 1}}));
    const auto& m = step<SendMessage>(c, 0);
    EXPECT_FALSE(m.fragment_size.has_value());  // falls back to the case's auto_fragment_size
    EXPECT_EQ(m.payload.size(), 65536u);
    EXPECT_EQ(std::get<KillAfter>(c.steps.back()).seconds, 10);
}

TEST(PayloadSpot, CompressionOffers) {
    const auto& z = get("13.7.5").compression.value();
    ASSERT_EQ(z.offers.size(), 3u);
    EXPECT_EQ(z.offers[0], (DeflateParams{true, 9}));
    EXPECT_EQ(z.offers[1], (DeflateParams{true, 0}));
    EXPECT_EQ(z.offers[2], (DeflateParams{false, 0}));
    EXPECT_EQ(z.accepts, z.offers);
    EXPECT_EQ(z.len, 4096u);
    EXPECT_EQ(deflate_offer_header(z.offers),
              "permessage-deflate; client_no_context_takeover; client_max_window_bits; server_no_context_takeover; "
              "server_max_window_bits=9, permessage-deflate; client_no_context_takeover; client_max_window_bits; "
              "server_no_context_takeover, permessage-deflate; client_no_context_takeover; client_max_window_bits");
    EXPECT_EQ(deflate_accept_header(z.accepts[0]), "permessage-deflate; client_no_context_takeover; client_max_window_bits=9");
    EXPECT_EQ(get("13.4.1").compression->offers, (std::vector<DeflateParams>{DeflateParams{false, 15}}));
    const auto& p = get("12.5.17").compression.value();
    EXPECT_EQ(p.data_set, "wsc-pdf");
    EXPECT_EQ(p.opcode, 2);
    EXPECT_EQ(p.auto_fragment_size, 4096u);
    EXPECT_EQ(get("12.3.1").compression->opcode, 2);  // the prose set is sent as binary
    EXPECT_EQ(get("12.4.1").compression->opcode, 1);
    EXPECT_EQ(get("12.1.3").deadline, 120);
}

TEST(PayloadSpot, CloseCodes) {
    const int valid[] = {1000, 1001, 1002, 1003, 1007, 1008, 1009, 1010, 1011, 3000, 3999, 4000, 4999};
    for (int n = 1; n <= 13; ++n) {
        const Case& c = get("7.7." + std::to_string(n));
        const int code = valid[n - 1];
        EXPECT_EQ(step<SendClose>(c, 0).code, code);
        EXPECT_FALSE(step<SendClose>(c, 0).reason.has_value());
        EXPECT_EQ(c.expected_close->codes, (code == 1000 ? std::vector<int>{1000} : std::vector<int>{1000, code}));
        EXPECT_TRUE(c.expected_close->require_clean);
    }
    const int invalid[] = {0, 999, 1004, 1005, 1006, 1016, 1100, 2000, 2999};
    for (int n = 1; n <= 9; ++n) {
        const Case& c = get("7.9." + std::to_string(n));
        EXPECT_EQ(step<SendClose>(c, 0).code, invalid[n - 1]);
        EXPECT_EQ(c.expected_close->codes, std::vector<int>{1002});
        EXPECT_FALSE(c.expected_close->require_clean);
        EXPECT_TRUE(c.expected_close->closed_by_me);
    }
    EXPECT_EQ(catalogue().find("7.9.10"), nullptr);
    EXPECT_EQ(text(std::get<SendCloseRaw>(get("7.3.2").steps[0]).payload), "a");
    EXPECT_EQ(step<SendClose>(get("7.3.6"), 0).reason->size(), 124u);
    EXPECT_FALSE(step<SendClose>(get("7.3.1"), 0).code.has_value());
}

TEST(PayloadSpot, ReservedBitsAndOpcodes) {
    EXPECT_EQ(step<SendFrame>(get("3.7"), 0).opcode, 8);
    EXPECT_EQ(step<SendFrame>(get("3.7"), 0).rsv, 7);
    for (std::size_t i = 0; i < 3; ++i) EXPECT_TRUE(step<SendFrame>(get("3.3"), i).sync);
    for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(step<SendFrame>(get("4.2.5"), i).chop, 1u);
    EXPECT_EQ(step<SendFrame>(get("4.2.5"), 1).opcode, 15);
    EXPECT_EQ(text(step<SendFrame>(get("4.1.2"), 0).payload), "reserved opcode payload");
    EXPECT_EQ(step<SendFrame>(get("1.1.8"), 0).chop, 997u);
    EXPECT_EQ(bytes(step<SendFrame>(get("1.2.6"), 0).payload), Bytes(65535, 0xFE));
}

}  // namespace
}  // namespace wsc::catalogue::test
