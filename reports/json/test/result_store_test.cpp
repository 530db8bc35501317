// The result store writes each case and swaps in each new index atomically, and reads them back for --resume.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "wsc/report/autobahn_json.hpp"

namespace fs = std::filesystem;
using namespace wsc::report;

namespace {

struct temp_dir {
    fs::path path;
    temp_dir() {
        std::string tmpl = (fs::temp_directory_path() / "wsc_store_XXXXXX").string();
        path = mkdtemp(tmpl.data());
    }
    ~temp_dir() { fs::remove_all(path); }
};

case_result sample(const std::string& agent, const std::string& id, const char* verdict) {
    case_result r;
    r.agent = agent;
    r.id = id;
    r.behavior = verdict;
    r.behavior_close = behavior::ok;
    r.duration_ms = 12.4;
    r.close.remote_close_code = 1000;
    r.received.push_back({"message", "Hello", false});
    return r;
}

std::string read_text(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::vector<std::string> names_in(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

TEST(ResultStore, WritesCaseFilesAndIndexAndLeavesNothingElse) {
    temp_dir d;
    {
        result_store store(d.path / "out");
        store.add(sample("My Agent/1.0", "1.1.1", behavior::ok));
        store.add(sample("My Agent/1.0", "2.1", behavior::failed));
        std::ifstream in(d.path / "out" / "index.json");
        const auto index = nlohmann::json::parse(in);
        EXPECT_EQ(index["My Agent/1.0"]["2.1"]["behavior"], "FAILED");
        EXPECT_EQ(index["My Agent/1.0"]["1.1.1"]["duration"], 12);
        EXPECT_EQ(index["My Agent/1.0"]["1.1.1"]["reportfile"], "my_agent_1_0_case_1_1_1.json");
    }
    EXPECT_EQ(names_in(d.path / "out"),
              (std::vector<std::string>{"index.json", "my_agent_1_0_case_1_1_1.json", "my_agent_1_0_case_2_1.json"}));
}

// While the run goes on, the index is swapped with a sibling that then holds the
// version before: both stay complete JSON, and a rewrite shorter than what the
// sibling held leaves no stale tail.
TEST(ResultStore, IndexSwapKeepsBothVersionsComplete) {
    temp_dir d;
    result_store store(d.path);
    store.add(sample("A", "1.1.1", behavior::informational));
    const std::string first = read_text(d.path / "index.json");
    store.add(sample("A", "1.1.1", behavior::ok));
    EXPECT_EQ(read_text(d.path / "index.json.previous"), first);
    store.add(sample("A", "1.1.1", behavior::ok));  // written over `first`, which is longer
    const std::string now = read_text(d.path / "index.json");
    EXPECT_LT(now.size(), first.size());
    EXPECT_EQ(now, dump_autobahn(index_json(store.results())));
    EXPECT_EQ(nlohmann::json::parse(read_text(d.path / "index.json.previous"))["A"]["1.1.1"]["behavior"], "OK");
}

TEST(ResultStore, LoadExistingRestoresResults) {
    temp_dir d;
    {
        result_store store(d.path);
        store.add(sample("A", "1.1.1", behavior::ok));
        store.add(sample("B", "3.2", behavior::non_strict));
    }
    result_store again(d.path);
    again.load_existing();
    EXPECT_TRUE(again.has("A", "1.1.1"));
    EXPECT_TRUE(again.has("B", "3.2"));
    EXPECT_FALSE(again.has("A", "3.2"));
    const auto& r = again.results().at("B").at("3.2");
    EXPECT_EQ(r.behavior, "NON-STRICT");
    ASSERT_EQ(r.received.size(), 1u);
    EXPECT_EQ(r.received[0].data, "Hello");
}

TEST(ResultStore, MissingCaseFileFallsBackToTheIndexEntry) {
    temp_dir d;
    {
        result_store store(d.path);
        store.add(sample("A", "1.1.1", behavior::ok));
    }
    fs::remove(d.path / "a_case_1_1_1.json");
    result_store again(d.path);
    again.load_existing();
    ASSERT_TRUE(again.has("A", "1.1.1"));
    EXPECT_EQ(again.results().at("A").at("1.1.1").behavior, "OK");
}

// The index is put together from entries serialised once each; it must be the same
// text as serialising the whole index afresh, across agents, a replaced result and a
// resumed store.
TEST(ResultStore, IndexTextMatchesAFreshSerialisation) {
    temp_dir d;
    const auto index_text = [&] {
        std::ifstream in(d.path / "index.json");
        return std::string(std::istreambuf_iterator<char>(in), {});
    };
    {
        result_store store(d.path);
        store.add(sample("B agent", "1.1.2", behavior::ok));
        store.add(sample("A \"quoted\"", "1.1.10", behavior::failed));
        store.add(sample("B agent", "1.1.10", behavior::informational));
        store.add(sample("B agent", "1.1.2", behavior::non_strict));
        EXPECT_EQ(index_text(), dump_autobahn(index_json(store.results())));
    }
    result_store again(d.path);
    again.load_existing();
    again.add(sample("C", "9.1.1", behavior::ok));
    EXPECT_EQ(index_text(), dump_autobahn(index_json(again.results())));
    EXPECT_NE(index_text().find("\"C\": {"), std::string::npos);
}

