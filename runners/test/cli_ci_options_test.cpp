// The CI side of `wsconform client` and `wsconform report`, as processes: shards
// that merge into the same results as one run, the JUnit file, and the baseline
// gate's exit codes (docs/exit-codes.md) against a peer that really fails cases.
#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <sstream>

#include "child_process.hpp"
#include "listening_port.hpp"
#include "hostile_server.hpp"
#include "temp_dir.hpp"

using namespace wsc;
using namespace std::chrono_literals;

namespace {

using test::listening_port;

std::string slurp(const std::string& file) {
    std::ifstream in(file);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// agent -> case -> (behavior, behaviorClose), the part of index.json a gate reads.
std::map<std::string, std::pair<std::string, std::string>> verdicts(const nlohmann::json& index,
                                                                    const std::string& agent) {
    std::map<std::string, std::pair<std::string, std::string>> out;
    for (const auto& [id, e] : index[agent].items()) out[id] = {e["behavior"], e["behaviorClose"]};
    return out;
}

class echo_server_fixture : public ::testing::Test {
protected:
    void SetUp() override {
        server_ = std::make_unique<test::child_process>(WSCONFORM_EXE,
                                                        std::vector<std::string>{"echo-server", "--port", "0", "--quiet"});
        port_ = listening_port(*server_);
        ASSERT_NE(port_, 0);
    }
    void TearDown() override {
        server_->signal(SIGTERM);
        server_->wait(5s);
    }
    std::unique_ptr<test::child_process> server_;
    std::uint16_t port_ = 0;
};

}  // namespace

TEST_F(echo_server_fixture, two_shards_merged_equal_one_run) {
    test::temp_dir dir;
    const std::string cases = "1.1.*,2.*,5.1,5.2,7.1.*";
    test::child_process whole(WSCONFORM_EXE, {"client", test::ws_url(port_), "--cases", cases, "--agent", "A", "--outdir",
                                              dir.str("whole"), "--quiet"});
    ASSERT_EQ(whole.wait(60s), 0) << whole.err();
    for (const char* s : {"1/2", "2/2"}) {
        test::child_process shard(WSCONFORM_EXE, {"client", test::ws_url(port_), "--cases", cases, "--agent", "A", "--outdir",
                                                  dir.str(std::string("shard") + s[0]), "--shard", s, "--quiet"});
        ASSERT_EQ(shard.wait(60s), 0) << shard.err();
    }
    const auto one = verdicts(dir.read_json("shard1/index.json"), "A");
    const auto two = verdicts(dir.read_json("shard2/index.json"), "A");
    EXPECT_FALSE(one.empty());
    EXPECT_FALSE(two.empty());
    for (const auto& [id, v] : one) EXPECT_EQ(two.count(id), 0u) << id << " is in both shards";

    test::child_process merge(WSCONFORM_EXE, {"report", "merge", dir.str("shard1"), dir.str("shard2"), "-o",
                                              dir.str("merged"), "--junit", dir.str("merged/junit.xml")});
    ASSERT_EQ(merge.wait(60s), 0) << merge.err();
    const auto whole_v = verdicts(dir.read_json("whole/index.json"), "A");
    EXPECT_EQ(verdicts(dir.read_json("merged/index.json"), "A"), whole_v);
    EXPECT_EQ(whole_v.size(), 8u + 11u + 2u + 6u);
    EXPECT_NE(slurp(dir.str("merged/index.html")).find("<html"), std::string::npos);
    const std::string junit = slurp(dir.str("merged/junit.xml"));
    EXPECT_NE(junit.find("<testsuites"), std::string::npos);
    std::size_t testcases = 0;
    for (auto at = junit.find("<testcase "); at != std::string::npos; at = junit.find("<testcase ", at + 1))
        ++testcases;
    EXPECT_EQ(testcases, whole_v.size());
}

TEST_F(echo_server_fixture, bad_shard_and_lone_update_baseline_are_usage_errors) {
    test::temp_dir dir;
    test::child_process bad(WSCONFORM_EXE, {"client", test::ws_url(port_), "--shard", "3/2", "--outdir", dir.str("o")});
    EXPECT_EQ(bad.wait(10s), 2);
    EXPECT_NE(bad.err().find("--shard"), std::string::npos) << bad.err();
    test::child_process lone(WSCONFORM_EXE, {"client", test::ws_url(port_), "--update-baseline", "--outdir", dir.str("o")});
    EXPECT_EQ(lone.wait(10s), 2);
    EXPECT_NE(lone.err().find("--baseline"), std::string::npos) << lone.err();
}

// A peer that completes the handshake and then never answers: every case fails
// its close handshake, which is what a baseline is for.
TEST(ci_gate_process, baseline_accepts_known_failures_and_catches_new_ones) {
    test::hostile_server peer(test::accept_then_ignore);
    test::temp_dir dir;
    dir.write("spec.json", R"({"servers": [{"url": ")" + test::ws_url(peer.port()) + R"(", "agent": "Mute"}],
  "options": {"openHandshakeTimeout": 1, "closeHandshakeTimeout": 1, "serverConnectionDropTimeout": 1},
  "cases": ["1.1.1", "2.1"], "outdir": ")" + dir.str("out") + R"("})");
    const std::vector<std::string> run{"client", "-s", dir.str("spec.json"), "--quiet", "--baseline",
                                       dir.str("baseline.json")};

    auto update = run;
    update.push_back("--update-baseline");
    test::child_process first(WSCONFORM_EXE, update);
    ASSERT_EQ(first.wait(30s), 0) << first.err();
    const auto baseline = dir.read_json("baseline.json");
    ASSERT_TRUE(baseline["agents"].contains("Mute")) << baseline.dump();
    EXPECT_EQ(baseline["agents"]["Mute"].size(), 2u);

    test::child_process gated(WSCONFORM_EXE, run);
    EXPECT_EQ(gated.wait(30s), 0) << gated.out() << gated.err();

    auto smaller = baseline;
    smaller["agents"]["Mute"].erase("2.1");
    dir.write("baseline.json", smaller.dump());
    test::child_process regressed(WSCONFORM_EXE, run);
    EXPECT_EQ(regressed.wait(30s), 1);
    EXPECT_NE(regressed.out().find("REGRESSION Mute 2.1"), std::string::npos) << regressed.out();

    test::child_process regated(WSCONFORM_EXE, {"report", dir.str("out"), "--baseline", dir.str("baseline.json")});
    EXPECT_EQ(regated.wait(30s), 1) << regated.err();
}

// Cases that need a configured peer run only when the user declares that setup.
TEST(capabilities_process, cases_needing_a_setup_run_only_when_it_is_declared) {
    test::child_process server(WSCONFORM_EXE, {"echo-server", "--port", "0", "--quiet", "--subprotocol", "wsc.echo",
                                               "--allow-origin", "https://allowed.example"});
    const std::uint16_t port = listening_port(server);
    ASSERT_NE(port, 0);
    test::temp_dir dir;
    const std::string cases = "0.7.4,0.9.1,0.9.2,1.1.1";
    test::child_process plain(WSCONFORM_EXE,
                              {"client", test::ws_url(port), "--cases", cases, "--agent", "A", "--outdir", dir.str("plain")});
    ASSERT_EQ(plain.wait(30s), 0) << plain.err();
    EXPECT_NE(plain.err().find("not run: 0.9.1 needs a peer set up for origin-policy"), std::string::npos)
        << plain.err();
    EXPECT_EQ(verdicts(dir.read_json("plain/index.json"), "A").size(), 1u);

    test::child_process declared(WSCONFORM_EXE, {"client", test::ws_url(port), "--cases", cases, "--agent", "A", "--outdir",
                                                 dir.str("declared"), "--capability",
                                                 "origin-policy,subprotocol:wsc.echo"});
    ASSERT_EQ(declared.wait(30s), 0) << declared.out() << declared.err();
    const auto v = verdicts(dir.read_json("declared/index.json"), "A");
    EXPECT_EQ(v.size(), 4u);
    for (const auto& [id, pair] : v) EXPECT_EQ(pair.first, "OK") << id;
    server.signal(SIGTERM);
    server.wait(5s);
}
