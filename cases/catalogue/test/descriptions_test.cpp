// Every case explains itself in our own words, with an RFC reference and a requirement level.

#include <fstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.hpp"

namespace wsc::catalogue::test {
namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return s;
}

TEST(Descriptions, EveryCaseHasTextAndReference) {
    for (const Case& c : catalogue().cases) {
        EXPECT_GE(c.description.size(), 15u) << c.id.str();
        EXPECT_GE(c.expectation.size(), 10u) << c.id.str();
        EXPECT_TRUE(c.rfc.rfind("RFC 6455 §", 0) == 0 || c.rfc.rfind("RFC 7692 §", 0) == 0) << c.id.str() << ": " << c.rfc;
        EXPECT_EQ(c.description.find('<'), std::string::npos) << "no HTML in " << c.id.str();
    }
}

TEST(Descriptions, LevelsFollowTheCatalogue) {
    EXPECT_EQ(get("7.1.6").level, Level::info);
    EXPECT_EQ(get("7.13.2").level, Level::info);
    EXPECT_EQ(get("6.4.1").level, Level::should);  // fail-fast goes beyond the RFC's MUST
    EXPECT_EQ(get("2.10").level, Level::should);   // the RFC allows answering only the last ping
    EXPECT_EQ(get("3.1").level, Level::must);
    EXPECT_EQ(get("12.1.1").rfc.rfind("RFC 7692", 0), 0u);
}

TEST(Descriptions, GeneratedDataSetsAreDisclosed) {
    for (const Case& c : catalogue().cases) {
        if (c.kind != Kind::compression) continue;
        EXPECT_NE(c.description.find("generated data set " + c.compression->data_set), std::string::npos) << c.id.str();
    }
}

// The fixture reports carry Autobahn's own case texts; ours must not reuse them.
TEST(Descriptions, NoneCopiedFromAutobahn) {
    if (!std::filesystem::exists(fixture_dir())) GTEST_SKIP() << "no fixtures at " << fixture_dir();
    std::vector<std::string> theirs;
    for (const auto& entry : std::filesystem::directory_iterator(fixture_dir())) {
        if (entry.path().filename().string().find("_case_") == std::string::npos) continue;
        std::ifstream in(entry.path());
        const auto report = nlohmann::json::parse(in);
        for (const char* key : {"description", "expectation"}) {
            if (report.contains(key)) theirs.push_back(lower(report.at(key).get<std::string>()));
        }
    }
    ASSERT_FALSE(theirs.empty());
    for (const Case& c : catalogue().cases) {
        for (const std::string& ours : {lower(c.description), lower(c.expectation)}) {
            for (const std::string& t : theirs) {
                EXPECT_NE(ours, t) << c.id.str();
                EXPECT_EQ(ours.find(t), std::string::npos) << c.id.str() << " contains Autobahn text: " << t;
                // A long shared run of words would also be copying; 40 characters is well above chance.
                for (std::size_t i = 0; i + 40 <= t.size(); i += 10) {
                    EXPECT_EQ(ours.find(t.substr(i, 40)), std::string::npos) << c.id.str() << " shares: " << t.substr(i, 40);
                }
            }
        }
    }
}

}  // namespace
}  // namespace wsc::catalogue::test
