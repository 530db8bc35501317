// Our per-case JSON and index.json have the shape of Autobahn's own files: the same
// keys, the same expectations for the same case, the same wire-log row layouts.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>

#include "support.hpp"
#include "wsc/report/autobahn_json.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using namespace wsc;
using namespace wsc::inprocess;
using namespace wsc::inprocess::test;

namespace {

const fs::path fixtures = WSC_AUTOBAHN_FIXTURES;

json fixture(const std::string& id) {
    std::string stem = id;
    for (auto& c : stem)
        if (c == '.') c = '_';
    std::ifstream in(fixtures / ("unknownserver_case_" + stem + ".json"));
    if (!in) return nullptr;
    return json::parse(in);
}

// Autobahn's keys; ours may add keys of their own, all named "wsconform...", which
// Autobahn's readers ignore.
std::set<std::string> keys_of(const json& j) {
    std::set<std::string> out;
    for (auto it = j.begin(); it != j.end(); ++it)
        if (it.key().rfind("wsconform", 0) != 0) out.insert(it.key());
    return out;
}

// What Autobahn ran against Deno: a server under test, no permessage-deflate.
json ours(const std::string& id) {
    echo_peer_options peer;
    peer.deflate = false;
    peer.agent = "UnknownServer";
    const auto* c = the_catalogue().find(id);
    EXPECT_NE(c, nullptr) << id;
    return report::to_autobahn_json(run_case(*c, catalogue::Role::server, peer));
}

std::vector<std::string> row_kinds(const json& log) {
    std::vector<std::string> out;
    for (const auto& row : log) out.push_back(row[0].get<std::string>());
    return out;
}

const std::vector<std::string> fixture_ids = {"1.1.1", "2.3", "3.2", "5.19", "6.4.3", "7.9.1", "9.1.1", "10.1.1",
                                              "12.1.1", "13.1.1"};

}  // namespace

TEST(JsonShape, CaseFilesHaveAutobahnsKeysAndExpectations) {
    if (!fs::exists(fixtures)) GTEST_SKIP() << "no fixtures";
    for (const auto& id : fixture_ids) {
        SCOPED_TRACE(id);
        const json theirs = fixture(id);
        ASSERT_FALSE(theirs.is_null());
        const json mine = ours(id);
        EXPECT_EQ(keys_of(mine), keys_of(theirs));
        EXPECT_EQ(mine["id"], theirs["id"]);
        EXPECT_EQ(mine["case"], theirs["case"]);
        EXPECT_EQ(mine["expected"], theirs["expected"]);
        EXPECT_EQ(mine["expectedClose"], theirs["expectedClose"]);
        EXPECT_EQ(mine["isServer"], theirs["isServer"]);
        EXPECT_EQ(mine["reportTime"], theirs["reportTime"]);
        EXPECT_EQ(mine["reportCompressionRatio"], theirs["reportCompressionRatio"]);
        EXPECT_EQ(mine["createWirelog"], theirs["createWirelog"]);
        // Every row kind we write has the field layout Autobahn's rows of that kind have.
        std::map<std::string, std::vector<json::value_t>> layout;
        for (const auto& row : theirs["wirelog"]) {
            std::vector<json::value_t> types;
            for (std::size_t i = 1; i < row.size(); ++i) types.push_back(row[i].type());
            layout[row[0]] = types;
        }
        for (const auto& row : mine["wirelog"]) {
            const auto it = layout.find(row[0]);
            if (it == layout.end()) continue;
            ASSERT_EQ(row.size(), it->second.size() + 1) << row.dump();
            for (std::size_t i = 1; i < row.size(); ++i) {
                const auto a = row[i].type(), b = it->second[i - 1];
                const bool numbers = row[i].is_number() && json(b).is_number();
                const bool nullable = a == json::value_t::null || b == json::value_t::null;
                EXPECT_TRUE(a == b || numbers || nullable) << row.dump();
            }
        }
    }
}

TEST(JsonShape, WireLogRowSequenceMatchesAutobahnForSimpleCases) {
    if (!fs::exists(fixtures)) GTEST_SKIP() << "no fixtures";
    // Cases whose read boundaries do not depend on the peer's TCP stack.
    for (const std::string id : {"1.1.1", "2.3", "7.9.1", "12.1.1", "13.1.1"}) {
        SCOPED_TRACE(id);
        EXPECT_EQ(row_kinds(ours(id)["wirelog"]), row_kinds(fixture(id)["wirelog"]));
    }
}

TEST(JsonShape, IndexParsesLikeAutobahns) {
    if (!fs::exists(fixtures)) GTEST_SKIP() << "no fixtures";
    std::string tmpl = (fs::temp_directory_path() / "wsc_inproc_XXXXXX").string();
    const fs::path dir = mkdtemp(tmpl.data());
    {
        report::result_store store(dir);
        for (const auto& id : fixture_ids) store.add(report::from_autobahn_json(ours(id)));
    }
    std::ifstream theirs_in(fixtures / "index.json"), mine_in(dir / "index.json");
    const json theirs = json::parse(theirs_in), mine = json::parse(mine_in);
    ASSERT_TRUE(mine.contains("UnknownServer"));
    for (const auto& id : fixture_ids) {
        SCOPED_TRACE(id);
        const auto& a = mine["UnknownServer"][id];
        const auto& b = theirs["UnknownServer"][id];
        EXPECT_EQ(keys_of(a), keys_of(b));
        EXPECT_EQ(a["reportfile"], b["reportfile"]);
        EXPECT_TRUE(a["duration"].is_number_integer());
        EXPECT_TRUE(fs::exists(dir / a["reportfile"].get<std::string>()));
    }
    fs::remove_all(dir);
}

// Where the peer's behaviour leaves the fuzzer's frames alone, the frames it sends,
// counted by opcode, must be Autobahn's counts for the same case. (Not so in 3.2, where
// Deno drops TCP at once and the fuzzer never answers a close, nor in 6.4.3, where the
// peer fails mid-stream and Autobahn leaves streamed frames out of its counts.) The
// peer's frames and the octet chunks depend on both sides' write coalescing, so they
// are only checked to be there.
TEST(JsonShape, FrameCountsMatchAutobahnsAndChunksAddUp) {
    if (!fs::exists(fixtures)) GTEST_SKIP() << "no fixtures";
    const auto sum = [](const json& stats) {
        std::uint64_t n = 0;
        for (auto it = stats.begin(); it != stats.end(); ++it) n += std::stoull(it.key()) * it.value().get<std::uint64_t>();
        return n;
    };
    for (const std::string id : {"1.1.1", "2.3", "5.19", "7.9.1", "9.1.1", "10.1.1", "12.1.1", "13.1.1"}) {
        SCOPED_TRACE(id);
        const json theirs = fixture(id), mine = ours(id);
        EXPECT_EQ(mine["txFrameStats"], theirs["txFrameStats"]);
        EXPECT_FALSE(mine["rxFrameStats"].empty());
        EXPECT_GT(sum(mine["txOctetStats"]), 0u);
        EXPECT_GT(sum(mine["rxOctetStats"]), 0u);
    }
}
