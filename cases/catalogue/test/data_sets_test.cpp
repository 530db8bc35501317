// The synthetic §12 data sets: exact sizes, determinism, UTF-8, and a plausible compressibility.

#include <zlib.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.hpp"
#include "wsc/catalogue/data_sets.hpp"

namespace wsc::catalogue::test {
namespace {

double deflate_ratio(const Bytes& data) {
    uLongf out_len = compressBound(static_cast<uLong>(data.size()));
    Bytes out(out_len);
    EXPECT_EQ(compress2(out.data(), &out_len, data.data(), static_cast<uLong>(data.size()), 6), Z_OK);
    return static_cast<double>(out_len) / static_cast<double>(data.size());
}

std::size_t non_ascii_chars(const Bytes& data) {
    std::size_t n = 0;
    for (std::uint8_t b : data) n += b >= 0xC0;  // lead bytes of multi-byte sequences
    return n;
}

TEST(DataSets, SplitMix64ReferenceValues) {
    // First outputs for seed 0, as published with the algorithm; they pin the generator on
    // every platform.
    SplitMix64 rng(0);
    EXPECT_EQ(rng.next(), 0xe220a8397b1dcdafULL);
    EXPECT_EQ(rng.next(), 0x6e789e6aa1b965f4ULL);
    EXPECT_EQ(rng.next(), 0x06c45d188009454fULL);
}

TEST(DataSets, SizesKindsAndDeterminism) {
    const std::map<std::string, std::pair<std::uint64_t, bool>> want = {
        {"wsc-json", {194056, true}}, {"wsc-image", {263222, false}}, {"wsc-prose", {222218, false}},
        {"wsc-html", {263647, true}}, {"wsc-pdf", {1042328, false}}};
    ASSERT_EQ(data_sets().size(), want.size());
    for (const auto& info : data_sets()) {
        const auto& [size, text] = want.at(std::string(info.name));
        EXPECT_EQ(info.size, size);
        EXPECT_EQ(info.text, text);
        const Bytes a = data_set(info.name);
        EXPECT_EQ(a.size(), size) << info.name;
        EXPECT_EQ(a, data_set(info.name)) << info.name;
    }
    EXPECT_THROW(data_set("lena512"), std::invalid_argument);
}

TEST(DataSets, TextSetsAreValidUtf8) {
    for (const char* name : {"wsc-json", "wsc-prose", "wsc-html"}) {
        const Bytes d = data_set(name);
        EXPECT_TRUE(valid_utf8(d.data(), d.size())) << name;
    }
    EXPECT_EQ(non_ascii_chars(data_set("wsc-json")), 0u);
    EXPECT_EQ(non_ascii_chars(data_set("wsc-html")), 26u);
    EXPECT_GT(non_ascii_chars(data_set("wsc-prose")), 1000u);  // umlauts and eszett throughout
}

TEST(DataSets, LookLikeWhatTheyStandFor) {
    const Bytes img = data_set("wsc-image");
    EXPECT_EQ(img[0], 'B');
    EXPECT_EQ(img[1], 'M');
    const Bytes pdf = data_set("wsc-pdf");
    EXPECT_EQ(std::string(pdf.begin(), pdf.begin() + 8), "%PDF-1.4");
    EXPECT_EQ(std::string(pdf.end() - 6, pdf.end()), "%%EOF\n");
    const Bytes json = data_set("wsc-json");
    EXPECT_TRUE(nlohmann::json::accept(json.begin(), json.end()));
    const Bytes html = data_set("wsc-html");
    EXPECT_EQ(std::string(html.begin(), html.begin() + 15), "<!DOCTYPE html>");
}

TEST(DataSets, CompressibilityBands) {
    // Bands around what deflate does to the kind of file each set stands in for.
    const std::map<std::string, std::pair<double, double>> bands = {
        {"wsc-json", {0.08, 0.40}},   // structured text with repeated keys
        {"wsc-html", {0.08, 0.40}},   // markup
        {"wsc-prose", {0.20, 0.60}},  // natural-language text
        {"wsc-image", {0.55, 0.98}},  // photo-like grey-scale pixels
        {"wsc-pdf", {0.55, 0.95}},    // mostly already-compressed streams
    };
    for (const auto& [name, band] : bands) {
        const double r = deflate_ratio(data_set(name));
        EXPECT_GE(r, band.first) << name;
        EXPECT_LE(r, band.second) << name;
    }
}

TEST(DataSets, WindowsWrapAndCountCharacters) {
    DataWindows bin(Bytes{1, 2, 3, 4, 5}, false);
    EXPECT_EQ(bin.next(3), (Bytes{1, 2, 3}));
    EXPECT_EQ(bin.next(4), (Bytes{4, 5, 1, 2}));
    EXPECT_EQ(bin.next(12).size(), 12u);

    const std::string s = "a\xc3\xa4" "b\xe2\x82\xac";  // a, ä, b, €
    DataWindows text(Bytes(s.begin(), s.end()), true);
    EXPECT_EQ(text.next(2), (Bytes{'a', 0xc3, 0xa4}));
    EXPECT_EQ(text.next(3), (Bytes{'b', 0xe2, 0x82, 0xac, 'a'}));

    DataWindows html(data_set("wsc-html"), true);
    for (int i = 0; i < 50; ++i) {
        const Bytes w = html.next(16384);
        EXPECT_TRUE(valid_utf8(w.data(), w.size()));
    }
}

}  // namespace
}  // namespace wsc::catalogue::test
