// The Autobahn-compatible JSON: the exact key set and layout of Autobahn's own files,
// display forms, and import/export round trips over real Autobahn reports.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "wsc/report/autobahn_json.hpp"
#include "wsc/report/display.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace wsc::report;

namespace {

const fs::path fixtures = WSC_AUTOBAHN_FIXTURES;

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<fs::path> fixture_case_files() {
    std::vector<fs::path> out;
    if (!fs::exists(fixtures)) return out;
    for (const auto& e : fs::directory_iterator(fixtures))
        if (e.path().filename().string().find("_case_") != std::string::npos) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

std::set<std::string> keys_of(const json& j) {
    std::set<std::string> out;
    for (auto it = j.begin(); it != j.end(); ++it) out.insert(it.key());
    return out;
}

}  // namespace

TEST(Display, ShortTextIsShownAsIs) { EXPECT_EQ(display_payload("Hello, world!"), "Hello, world!"); }

TEST(Display, NonUtf8IsShownAsHex) { EXPECT_EQ(display_payload(std::string("\x03\xe8", 2)), "0x03e8"); }

TEST(Display, LongPayloadKeepsSixtyFourOctets) {
    EXPECT_EQ(display_payload(std::string(60, '*')), std::string(60, '*'));
    EXPECT_EQ(display_payload(std::string(61, '*')), std::string(61, '*') + " ...");
    EXPECT_EQ(display_payload(std::string(65536, '*')), std::string(64, '*') + " ...");
}

TEST(Display, CutThroughACodePointFallsBackToHex) {
    std::string s(63, 'a');
    s += "\xce\xba";  // the cut at 64 octets splits this character
    EXPECT_EQ(display_payload(s).substr(0, 2), "0x");
}

TEST(Display, OctetsAreHexWithEllipsis) {
    EXPECT_EQ(display_octets("\x88\x02"), "8802");
    std::string hex;
    for (int i = 0; i < 61; ++i) hex += "41";
    EXPECT_EQ(display_octets(std::string(61, 'A')), hex + " ...");
}

TEST(Display, HexDisplayReadsBack) {
    EXPECT_EQ(payload_from_display("0x00ff"), std::string("\x00\xff", 2));
    EXPECT_EQ(payload_from_display("0x0"), "0x0");  // odd digits: plain text
    EXPECT_EQ(payload_from_display("Hello"), "Hello");
}

TEST(Utf8, RejectsSurrogatesOverlongsAndHighCodePoints) {
    EXPECT_TRUE(valid_utf8("\xce\xba\xe1\xbd\xb9"));
    EXPECT_FALSE(valid_utf8("\xed\xa0\x80"));
    EXPECT_FALSE(valid_utf8("\xc0\xaf"));
    EXPECT_FALSE(valid_utf8("\xf4\x90\x80\x80"));
    EXPECT_FALSE(valid_utf8("\xce"));
}

TEST(FileStem, SanitisesTheAgentLikeAutobahn) {
    EXPECT_EQ(case_file_stem("AutobahnPython/0.10.9", "1.1.1"), "autobahnpython_0_10_9_case_1_1_1");
    EXPECT_EQ(case_file_stem("UnknownServer", "3.2"), "unknownserver_case_3_2");
    EXPECT_EQ(case_file_stem("  a--b ", "12.1.10"), "a__b_case_12_1_10");
}

TEST(CaseJson, HasExactlyAutobahnsKeys) {
    const auto files = fixture_case_files();
    if (files.empty()) GTEST_SKIP() << "no fixtures at " << fixtures;
    const auto theirs = keys_of(json::parse(slurp(files.front())));
    EXPECT_EQ(theirs.size(), 39u);
    case_result r;
    r.id = "1.1.1";
    r.agent = "x";
    EXPECT_EQ(keys_of(to_autobahn_json(r)), theirs);
}

TEST(CaseJson, EveryFixtureRoundTripsByteForByte) {
    const auto files = fixture_case_files();
    if (files.empty()) GTEST_SKIP() << "no fixtures at " << fixtures;
    EXPECT_EQ(files.size(), 10u);
    for (const auto& f : files) {
        SCOPED_TRACE(f.filename().string());
        const std::string text = slurp(f);
        const json theirs = json::parse(text);
        const case_result r = from_autobahn_json(theirs);
        EXPECT_EQ(r.behavior, theirs["behavior"]);
        EXPECT_EQ(r.behavior_close, theirs["behaviorClose"]);
        EXPECT_EQ(r.id, theirs["id"]);
        EXPECT_EQ(r.close.remote_close_code.value_or(-1), theirs["remoteCloseCode"].is_null() ? -1 : theirs["remoteCloseCode"].get<int>());
        EXPECT_EQ(r.http_status, 101);
        const json ours = to_autobahn_json(r);
        EXPECT_EQ(ours, theirs);
        EXPECT_EQ(dump_autobahn(ours), text);
        EXPECT_EQ(case_file_stem(r.agent, r.id) + ".json", f.filename().string());
    }
}

TEST(CaseJson, WireLogTimesSurviveTheFileBesideAutobahnsRows) {
    case_result r;
    r.id = "5.3";
    r.agent = "x";
    r.wirelog.push_back({0.0, "TO", json::array({json::array({3, "GET"}), false})});
    r.wirelog.push_back({1.2345678, "RO", json::array({json::array({2, "ok"})})});
    r.wirelog.push_back({17.5, "CTE", json::array({true})});
    const json j = to_autobahn_json(r);
    // Autobahn's rows stay as they are; the times sit in a key of their own.
    EXPECT_EQ(j["wirelog"][1], json::array({"RO", json::array({2, "ok"})}));
    ASSERT_TRUE(j.contains(wirelog_times_key));
    EXPECT_EQ(j[wirelog_times_key], json::array({0.0, 1.235, 17.5}));
    const case_result back = from_autobahn_json(json::parse(dump_autobahn(j)));
    ASSERT_EQ(back.wirelog.size(), 3u);
    EXPECT_DOUBLE_EQ(back.wirelog[0].at_ms, 0.0);
    EXPECT_DOUBLE_EQ(back.wirelog[1].at_ms, 1.235);
    EXPECT_DOUBLE_EQ(back.wirelog[2].at_ms, 17.5);
    EXPECT_EQ(back.wirelog[2].kind, "CTE");
    EXPECT_EQ(to_autobahn_json(back), j);

    // Without times (an Autobahn file) the key is not written.
    for (auto& w : r.wirelog) w.at_ms = 0;
    EXPECT_FALSE(to_autobahn_json(r).contains(wirelog_times_key));
    // A times list that does not fit the rows is ignored, not misapplied.
    json odd = j;
    odd[wirelog_times_key] = json::array({1.0, 2.0});
    for (const auto& w : from_autobahn_json(odd).wirelog) EXPECT_EQ(w.at_ms, 0.0);
    odd[wirelog_times_key] = json::array({1.0, "x", 3.0});
    for (const auto& w : from_autobahn_json(odd).wirelog) EXPECT_EQ(w.at_ms, 0.0);
    // A malformed row is skipped without shifting the times of the rows after it.
    json gap = j;
    gap["wirelog"][0] = 42;
    const case_result skipped = from_autobahn_json(gap);
    ASSERT_EQ(skipped.wirelog.size(), 2u);
    EXPECT_DOUBLE_EQ(skipped.wirelog[0].at_ms, 1.235);
    EXPECT_DOUBLE_EQ(skipped.wirelog[1].at_ms, 17.5);
}

TEST(CaseJson, BinaryPayloadsAreImportedAsBytes) {
    const auto f = fixtures / "unknownserver_case_2_3.json";
    if (!fs::exists(f)) GTEST_SKIP();
    const auto r = from_autobahn_json(json::parse(slurp(f)));
    ASSERT_EQ(r.received.size(), 1u);
    EXPECT_EQ(r.received[0].kind, "pong");
    EXPECT_EQ(r.received[0].data, std::string("\x00\xff\xfe\xfd\xfc\xfb\x00\xff", 8));
}

TEST(IndexJson, EntriesHaveAutobahnsShapeAndLayout) {
    const auto f = fixtures / "index.json";
    if (!fs::exists(f)) GTEST_SKIP();
    const std::string text = slurp(f);
    const json theirs = json::parse(text);
    std::map<std::string, std::map<std::string, case_result>> results;
    for (auto a = theirs.begin(); a != theirs.end(); ++a)
        for (auto c = a.value().begin(); c != a.value().end(); ++c) {
            case_result r;
            r.agent = a.key();
            r.id = c.key();
            r.behavior = c.value()["behavior"];
            r.behavior_close = c.value()["behaviorClose"];
            r.duration_ms = c.value()["duration"].get<double>();
            if (!c.value()["remoteCloseCode"].is_null()) r.close.remote_close_code = c.value()["remoteCloseCode"].get<int>();
            results[r.agent][r.id] = r;
        }
    EXPECT_EQ(theirs["UnknownServer"].size(), 517u);
    EXPECT_EQ(dump_autobahn(index_json(results)), text);
}

TEST(IndexJson, KeysAreInStringOrder) {
    std::map<std::string, std::map<std::string, case_result>> results;
    for (const char* id : {"9.1.1", "12.1.10", "12.1.2", "1.1.1", "10.1.1"}) results["A"][id].id = id;
    const std::string text = dump_autobahn(index_json(results));
    EXPECT_LT(text.find("\"1.1.1\""), text.find("\"10.1.1\""));
    EXPECT_LT(text.find("\"10.1.1\""), text.find("\"12.1.10\""));
    EXPECT_LT(text.find("\"12.1.10\""), text.find("\"12.1.2\""));
    EXPECT_LT(text.find("\"12.1.2\""), text.find("\"9.1.1\""));
}
