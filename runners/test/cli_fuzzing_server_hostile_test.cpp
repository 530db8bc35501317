// `wsconform server` against clients that misbehave: garbage instead of a
// handshake, a reset in the middle of a case, a flood, a client that never closes.
// Each gets a verdict (or a refusal) within the case's timers, memory stays
// bounded, and the server goes on serving the next client.
#include <gtest/gtest.h>

#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <thread>

#include <nlohmann/json.hpp>

#include "blocking_client.hpp"
#include "child_process.hpp"
#include "listening_port.hpp"
#include "hostile_server.hpp"
#include "rss.hpp"
#include "temp_dir.hpp"

using namespace wsc;
using namespace std::chrono_literals;

namespace {

class hostile_client : public ::testing::Test {
protected:
    void start(const std::string& cases) {
        dir_.write("spec.json", R"({"url": "ws://127.0.0.1:9001", "cases": [)" + cases + R"(],
  "options": {"openHandshakeTimeout": 1, "closeHandshakeTimeout": 1},
  "outdir": ")" + dir_.str("reports") + R"("})");
        proc_ = std::make_unique<test::child_process>(
            WSCONFORM_EXE, std::vector<std::string>{"server", "-s", dir_.str("spec.json"), "--port", "0", "--quiet"});
        port_ = test::listening_port(*proc_);
        ASSERT_NE(port_, 0) << proc_->err();
    }
    void TearDown() override {
        if (proc_) {
            proc_->signal(SIGTERM);
            proc_->wait(5s);
        }
    }
    // The server still works: a well-behaved control request gets its answer.
    std::string case_count() {
        test::blocking_client c(port_, "/getCaseCount");
        if (!c.ok()) return "<refused>";
        for (int i = 0; i < 5 && !c.peer_closed(); ++i)
            for (auto& ev : c.next_events(2s))
                if (auto* m = std::get_if<message_event>(&ev)) return m->data;
        return "<nothing>";
    }
    // getCaseStatus blocks until the case has finished, so this also bounds its time.
    nlohmann::json status(int n, const std::string& agent) {
        test::blocking_client c(port_, "/getCaseStatus?case=" + std::to_string(n) + "&agent=" + agent);
        if (!c.ok()) return {};
        for (int i = 0; i < 10 && !c.peer_closed(); ++i)
            for (auto& ev : c.next_events(2s))
                if (auto* m = std::get_if<message_event>(&ev)) return nlohmann::json::parse(m->data, nullptr, false);
        return {};
    }
    test::temp_dir dir_;
    std::unique_ptr<test::child_process> proc_;
    std::uint16_t port_ = 0;
};

}  // namespace

TEST_F(hostile_client, garbage_instead_of_a_handshake_is_refused_and_others_are_served) {
    start(R"("1.1.1")");
    const int fd = test::connect_loopback(port_);
    ASSERT_GE(fd, 0);
    static constexpr char garbage[] = "\x16\x03\x01\x02\x00garbage\r\n\r\n\xff\xfe";
    test::write_all(fd, std::string(garbage, sizeof garbage - 1));
    bool eof = false;
    std::string answer;
    const auto until = std::chrono::steady_clock::now() + 5s;
    while (!eof && std::chrono::steady_clock::now() < until) answer += test::read_some(fd, 500ms, eof);
    ::close(fd);
    EXPECT_TRUE(eof) << "the server must hang up on a garbage request";
    if (!answer.empty()) {
        EXPECT_EQ(answer.rfind("HTTP/1.1 4", 0), 0u) << answer;
    }
    EXPECT_EQ(case_count(), "1");
}

TEST_F(hostile_client, a_reset_in_the_middle_of_a_case_gets_a_verdict) {
    start(R"("1.1.6", "1.1.1")");
    {
        test::blocking_client c(port_, "/runCase?case=1&agent=Resetter");
        ASSERT_TRUE(c.ok());
        c.next_events(2s);
        test::reset_connection(c.fd());
    }
    const auto s = status(1, "Resetter");
    ASSERT_TRUE(s.contains("behavior")) << s.dump();
    EXPECT_NE(s["behavior"], "OK") << s.dump();
    EXPECT_EQ(case_count(), "2");
}

TEST_F(hostile_client, a_client_that_never_closes_gets_a_verdict_within_the_timers) {
    start(R"("7.1.1")");
    const auto t0 = std::chrono::steady_clock::now();
    test::blocking_client c(port_, "/runCase?case=1&agent=Mute");
    ASSERT_TRUE(c.ok());
    c.next_events(1s);  // reads the case's frames and answers nothing, not even the close
    const auto s = status(1, "Mute");
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 10s);
    ASSERT_TRUE(s.is_object() && s.contains("behavior")) << s.dump();
    // getCaseStatus names only `behavior`; the close verdict is in the results on disk.
    const auto index = dir_.read_json("reports/index.json");
    ASSERT_TRUE(index.contains("Mute")) << index.dump();
    EXPECT_NE(index["Mute"]["7.1.1"]["behaviorClose"], "OK") << index.dump();
}

TEST_F(hostile_client, a_flooding_client_leaves_memory_bounded) {
    start(R"("1.1.1")");
    test::blocking_client c(port_, "/runCase?case=1&agent=Flood");
    ASSERT_TRUE(c.ok());
    std::atomic<bool> done{false};
    std::size_t peak = 0;
    std::thread watch([&] {
        while (!done) {
            peak = std::max(peak, test::rss_kib(std::to_string(proc_->pid())));
            std::this_thread::sleep_for(50ms);
        }
    });
    // 1 MiB binary fragments (never a final one) for up to ~1 GiB or 10 s: the
    // server either reads and drops them or stops reading, but never keeps them.
    const std::string piece(1 << 20, 'F');
    c.ep().send_binary(piece, /*fin=*/false);
    c.flush();
    std::thread flood([&] {
        const auto until = std::chrono::steady_clock::now() + 10s;
        for (int i = 0; i < 1024 && !done && std::chrono::steady_clock::now() < until; ++i) {
            c.ep().send_continuation(piece, false);
            c.flush();
        }
    });
    const auto s = status(1, "Flood");
    done = true;
    c.shutdown();
    flood.join();
    watch.join();
    ASSERT_TRUE(s.contains("behavior")) << s.dump();
    EXPECT_GT(peak, 0u);
    EXPECT_LT(peak, test::flood_rss_limit_kib()) << "peak RSS " << peak << " KiB";
    EXPECT_EQ(case_count(), "1");
}
