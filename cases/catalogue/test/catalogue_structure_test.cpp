// The catalogue's shape: section sizes, ID set and both orders, Autobahn positions.

#include <algorithm>
#include <fstream>
#include <map>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace wsc::catalogue::test {
namespace {

TEST(CatalogueStructure, SectionCountsMatchAutobahn) {
    std::map<int, int> counts;
    for (const Case* c : catalogue().autobahn()) ++counts[c->id.section()];
    const std::map<int, int> want = {{1, 16}, {2, 11}, {3, 7},  {4, 10},  {5, 20},  {6, 145},
                                     {7, 37}, {9, 54}, {10, 1}, {12, 90}, {13, 126}};
    EXPECT_EQ(counts, want);
    EXPECT_EQ(catalogue().autobahn().size(), 517u);
}

TEST(CatalogueStructure, CasesAreInTupleOrderWithHandshakeFirst) {
    const auto& cases = catalogue().cases;
    ASSERT_FALSE(cases.empty());
    EXPECT_TRUE(cases.front().id.is_handshake());
    EXPECT_TRUE(std::is_sorted(cases.begin(), cases.end(), [](const Case& a, const Case& b) { return a.id < b.id; }));
    EXPECT_LT(CaseId::parse("7.9.9"), CaseId::parse("7.13.1"));
    EXPECT_LT(CaseId::parse("6.9.4"), CaseId::parse("6.10.1"));
    EXPECT_LT(CaseId::parse("0.12.13"), CaseId::parse("1.1.1"));
    EXPECT_LT(CaseId::parse("2.9"), CaseId::parse("2.10"));
}

TEST(CatalogueStructure, IdsAndStringOrderEqualFixtureIndex) {
    const auto path = fixture_dir() / "index.json";
    if (!std::filesystem::exists(path)) GTEST_SKIP() << "no fixtures at " << path;
    std::ifstream in(path);
    const auto index = nlohmann::json::parse(in);
    ASSERT_EQ(index.size(), 1u);
    std::vector<std::string> fixture_ids;
    for (const auto& item : index.begin().value().items()) fixture_ids.push_back(item.key());  // sorted by key

    std::vector<CaseId> ours;
    for (const Case* c : catalogue().autobahn()) ours.push_back(c->id);
    std::sort(ours.begin(), ours.end(), autobahn_string_less);
    std::vector<std::string> our_ids;
    for (const auto& id : ours) our_ids.push_back(id.str());
    EXPECT_EQ(our_ids, fixture_ids);

    // The same IDs in tuple order must be the fixture's keys re-sorted as tuples.
    std::vector<CaseId> fixture_tuples;
    for (const auto& s : fixture_ids) fixture_tuples.push_back(CaseId::parse(s));
    std::sort(fixture_tuples.begin(), fixture_tuples.end());
    std::vector<CaseId> our_tuples;
    for (const Case* c : catalogue().autobahn()) our_tuples.push_back(c->id);
    EXPECT_EQ(our_tuples, fixture_tuples);
}

TEST(CatalogueStructure, StringOrderIsBytewise) {
    EXPECT_TRUE(autobahn_string_less(CaseId::parse("12.1.10"), CaseId::parse("12.1.2")));
    EXPECT_TRUE(autobahn_string_less(CaseId::parse("10.1.1"), CaseId::parse("9.1.1")));
    EXPECT_FALSE(autobahn_string_less(CaseId::parse("7.9.1"), CaseId::parse("7.13.1")));
}

TEST(CatalogueStructure, GlobalPositions) {
    const std::map<std::string, int> want = {{"1.1.1", 1},   {"2.1", 17},     {"3.1", 28},     {"4.1.1", 35},
                                             {"5.1", 45},    {"6.1.1", 65},   {"7.1.1", 210},  {"9.1.1", 247},
                                             {"10.1.1", 301}, {"12.1.1", 302}, {"13.1.1", 392}, {"13.7.18", 517}};
    for (const auto& [id, pos] : want) EXPECT_EQ(get(id).position, pos) << id;
    for (const Case* c : catalogue().handshake()) EXPECT_EQ(c->position, 0) << c->id.str();
}

TEST(CatalogueStructure, PositionsMatchFixtureReports) {
    if (!std::filesystem::exists(fixture_dir())) GTEST_SKIP() << "no fixtures";
    int checked = 0;
    for (const auto& entry : std::filesystem::directory_iterator(fixture_dir())) {
        if (entry.path().filename().string().find("_case_") == std::string::npos) continue;
        std::ifstream in(entry.path());
        const auto report = nlohmann::json::parse(in);
        EXPECT_EQ(get(report.at("id").get<std::string>()).position, report.at("case").get<int>());
        ++checked;
    }
    EXPECT_GT(checked, 0);
}

TEST(CatalogueStructure, LabelsComeFromFileHeaders) {
    EXPECT_EQ(get("6.4.3").category, "UTF-8 Handling");
    EXPECT_EQ(get("6.4.3").subsection, "6.4");
    EXPECT_EQ(get("6.4.3").subsection_label, "Fail-fast on invalid UTF-8");
    EXPECT_EQ(get("2.10").subsection, "");
    EXPECT_EQ(get("12.4.1").subsection_label, "Large HTML file (utf8, 263647 bytes)");
    EXPECT_EQ(get("13.7.1").subsection_label,
              "Large JSON data file (utf8, 194056 bytes) - client offers (requestNoContextTakeover, "
              "requestMaxWindowBits): [(True, 9), (True, 0), (False, 0)] / server accept (requestNoContextTakeover, "
              "requestMaxWindowBits): [(True, 9), (True, 0), (False, 0)]");
}

TEST(CatalogueStructure, KindsWhereCatalogueSaysSo) {
    for (const Case& c : catalogue().cases) {
        const std::string id = c.id.str();
        const int s = c.id.section();
        const auto& p = c.id.parts();
        Kind want = Kind::standard;
        if (s == 0) want = Kind::handshake;
        else if (id == "7.1.6" || (s == 7 && p[1] == 13)) want = Kind::informational;
        else if (s == 7) want = Kind::close_wrong_code_fails;
        else if (s == 9) want = p[1] <= 6 ? Kind::bulk_echo : Kind::roundtrip;
        else if (s == 10) want = Kind::frame_count;
        else if (s == 12 || s == 13) want = Kind::compression;
        EXPECT_EQ(c.kind, want) << id;
        if (!c.id.is_handshake()) {
            EXPECT_EQ(c.roles.size(), 2u) << id;  // Autobahn cases test clients and servers alike
        }
    }
}

TEST(CatalogueStructure, FindAndListing) {
    EXPECT_EQ(catalogue().find("9.9.1"), nullptr);  // defined by Autobahn but never run
    EXPECT_EQ(catalogue().find("nonsense"), nullptr);
    const std::string line = listing_line(get("6.4.3"));
    EXPECT_EQ(line.rfind("6.4.3", 0), 0u);
    EXPECT_NE(line.find("SHOULD"), std::string::npos);
    EXPECT_NE(line.find(description(get("6.4.3"))), std::string::npos);
}

TEST(CatalogueStructure, EnvironmentOverridesDefaultDir) {
    const char* old = std::getenv("WSC_CATALOGUE_DIR");
    std::string saved = old ? old : "";
    setenv("WSC_CATALOGUE_DIR", "/some/where", 1);
    EXPECT_EQ(default_catalogue_dir(), std::filesystem::path("/some/where"));
    if (old) setenv("WSC_CATALOGUE_DIR", saved.c_str(), 1); else unsetenv("WSC_CATALOGUE_DIR");
    EXPECT_TRUE(std::filesystem::is_directory(default_catalogue_dir() / "autobahn"));
}

}  // namespace
}  // namespace wsc::catalogue::test
