// `wsconform server` as a process: Autobahn's fuzzingserver URL protocol
// (catalogue.md §4) against codec-based clients, then the echo-client subcommand.
#include <gtest/gtest.h>

#include <unistd.h>

#include <csignal>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "blocking_client.hpp"
#include "child_process.hpp"
#include "listening_port.hpp"
#include "temp_dir.hpp"

using namespace wsc;
using namespace std::chrono_literals;

namespace {

using test::listening_port;

// One text message from a control endpoint, then the close.
std::string control_text(std::uint16_t port, const std::string& target, std::optional<close_event>* close = nullptr) {
    test::blocking_client c(port, target);
    if (!c.ok()) return "<refused>";
    std::string text;
    for (int i = 0; i < 10 && !c.peer_closed(); ++i) {
        for (auto& ev : c.next_events(2s)) {
            if (auto* m = std::get_if<message_event>(&ev)) text = m->data;
            if (auto* cl = std::get_if<close_event>(&ev); cl && close) *close = *cl;
        }
    }
    c.wait_eof(2s);
    return text;
}

// Plays one case as an echo client until the server closes.
void echo_until_closed(test::blocking_client& c) {
    const auto deadline = std::chrono::steady_clock::now() + 15s;
    while (!c.peer_closed() && std::chrono::steady_clock::now() < deadline) {
        for (auto& ev : c.next_events(1s)) {
            if (auto* m = std::get_if<message_event>(&ev)) {
                if (m->binary) c.ep().send_binary(m->data);
                else c.ep().send_text(m->data);
                c.flush();
            }
        }
    }
}

class fuzzing_server_process : public ::testing::Test {
protected:
    void start(std::vector<std::string> extra = {}) {
        std::vector<std::string> args{"server", "--port", "0", "--outdir", dir_.str("reports"), "--quiet"};
        args.insert(args.end(), extra.begin(), extra.end());
        proc_ = std::make_unique<test::child_process>(WSCONFORM_EXE, args);
        port_ = listening_port(*proc_);
        ASSERT_NE(port_, 0) << proc_->err();
    }
    void TearDown() override {
        if (proc_) {
            proc_->signal(SIGTERM);
            proc_->wait(5s);
        }
    }
    test::temp_dir dir_;
    std::unique_ptr<test::child_process> proc_;
    std::uint16_t port_ = 0;
};

}  // namespace

TEST_F(fuzzing_server_process, get_case_count_answers_a_number_and_closes_without_a_code) {
    start({"--cases", "1.1.1,1.1.2,2.1"});
    std::optional<close_event> close;
    EXPECT_EQ(control_text(port_, "/getCaseCount", &close), "3");
    ASSERT_TRUE(close.has_value());
    EXPECT_FALSE(close->code.has_value());
}

TEST_F(fuzzing_server_process, get_case_info_names_the_nth_selected_case) {
    start({"--cases", "1.1.1,1.1.2,2.1"});
    const auto info = nlohmann::json::parse(control_text(port_, "/getCaseInfo?case=2"), nullptr, false);
    ASSERT_TRUE(info.is_object());
    EXPECT_EQ(info["id"], "1.1.2");
    EXPECT_TRUE(info["description"].is_string());
    EXPECT_EQ(info["description"].get<std::string>().find('<'), std::string::npos);
}

TEST_F(fuzzing_server_process, run_case_out_of_range_or_without_agent_is_refused_with_500) {
    start({"--cases", "1.1.1"});
    test::blocking_client a(port_, "/runCase?case=2&agent=t");
    EXPECT_FALSE(a.ok());
    EXPECT_EQ(a.handshake().response().status, 500);
    test::blocking_client b(port_, "/runCase?case=1");
    EXPECT_FALSE(b.ok());
    EXPECT_EQ(b.handshake().response().status, 500);
}

TEST_F(fuzzing_server_process, run_case_then_status_then_update_reports) {
    start({"--cases", "1.1.1,2.2"});
    for (const char* n : {"1", "2"}) {
        test::blocking_client c(port_, std::string("/runCase?case=") + n + "&agent=Codec%20Client");
        ASSERT_TRUE(c.ok());
        echo_until_closed(c);
    }
    const auto status = nlohmann::json::parse(control_text(port_, "/getCaseStatus?case=1&agent=Codec%20Client"),
                                              nullptr, false);
    EXPECT_EQ(status["behavior"], "OK");
    const auto by_tuple = nlohmann::json::parse(
        control_text(port_, "/getCaseStatus?casetuple=2.2&agent=Codec%20Client"), nullptr, false);
    EXPECT_EQ(by_tuple["behavior"], "OK");

    control_text(port_, "/updateReports?agent=Codec%20Client");
    const auto index = dir_.read_json("reports/index.json");
    ASSERT_TRUE(index.contains("Codec Client")) << index.dump();
    EXPECT_EQ(index["Codec Client"]["1.1.1"]["behavior"], "OK");
    EXPECT_EQ(index["Codec Client"]["2.2"]["behaviorClose"], "OK");
    EXPECT_TRUE(std::filesystem::exists(dir_.path() / "reports" / "codec_client_case_1_1_1.json"));
    const auto one = dir_.read_json("reports/codec_client_case_1_1_1.json");
    EXPECT_EQ(one["case"], 1);  // server mode: N from the request
    EXPECT_EQ(one["isServer"], true);
}

// No client played a case, so nothing was tested: exit 3, not a pass
// (docs/exit-codes.md).
TEST_F(fuzzing_server_process, stop_server_ends_the_process) {
    start({"--cases", "1.1.1"});
    control_text(port_, "/stopServer");
    EXPECT_EQ(proc_->wait(5s), 3);
    EXPECT_NE(proc_->out().find("exit 3: no client played a case"), std::string::npos) << proc_->out();
}

TEST_F(fuzzing_server_process, update_reports_with_shutdown_on_complete_ends_the_process) {
    start({"--cases", "1.1.1"});
    control_text(port_, "/updateReports?agent=x&shutdownOnComplete=true");
    EXPECT_EQ(proc_->wait(5s), 3);
    EXPECT_EQ(proc_->out().find("PASS"), std::string::npos) << proc_->out();
}

TEST_F(fuzzing_server_process, echo_client_subcommand_passes_sections_1_to_5) {
    start({"--cases", "1.*,2.*,3.*,4.*,5.*"});
    test::child_process client(WSCONFORM_EXE, {"echo-client", test::ws_url(port_), "--agent",
                                               "RefClient", "--quiet"});
    ASSERT_EQ(client.wait(60s), 0) << client.err();
    const auto index = dir_.read_json("reports/index.json");
    ASSERT_TRUE(index.contains("RefClient"));
    EXPECT_EQ(index["RefClient"].size(), 64u);
    for (const auto& [id, entry] : index["RefClient"].items()) {
        EXPECT_EQ(entry["behavior"], "OK") << id;
        EXPECT_EQ(entry["behaviorClose"], "OK") << id;
    }
}

TEST_F(fuzzing_server_process, a_client_that_never_sends_its_handshake_does_not_block_others) {
    start({"--cases", "1.1.1"});
    const int silent = test::connect_loopback(port_);
    ASSERT_GE(silent, 0);
    EXPECT_EQ(control_text(port_, "/getCaseCount"), "1");
    ::close(silent);
}

TEST_F(fuzzing_server_process, sigterm_between_cases_returns_the_gate_code_and_writes_junit) {
    start({"--cases", "1.1.1", "--junit", dir_.str("junit.xml")});
    test::child_process client(WSCONFORM_EXE, {"echo-client", test::ws_url(port_), "--agent",
                                               "RefClient", "--quiet"});
    ASSERT_EQ(client.wait(30s), 0) << client.err();
    proc_->signal(SIGTERM);
    EXPECT_EQ(proc_->wait(10s), 0) << proc_->out() << proc_->err();
    EXPECT_TRUE(std::filesystem::exists(dir_.path() / "junit.xml"));
    EXPECT_TRUE(std::filesystem::exists(dir_.path() / "reports" / "index.html"));
}
