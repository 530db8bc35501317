// `wsconform client` as a process: against the reference echo server (every
// verdict OK), against hostile peers (a verdict per case, bounded time and memory),
// and its exit codes.
#include <gtest/gtest.h>

#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <thread>

#include "blocking_client.hpp"
#include "child_process.hpp"
#include "listening_port.hpp"
#include "hostile_server.hpp"
#include "rss.hpp"
#include "temp_dir.hpp"
#include "wsc/frame.hpp"

using namespace wsc;
using namespace std::chrono_literals;

namespace {

using test::listening_port;

// A spec with short engine timeouts, so hostile peers cost seconds, not minutes.
std::string fast_spec(std::uint16_t port, const std::string& cases, const std::string& outdir) {
    return R"({"servers": [{"url": ")" + test::ws_url(port) + R"(", "agent": "Hostile"}],
  "options": {"openHandshakeTimeout": 1, "closeHandshakeTimeout": 1, "serverConnectionDropTimeout": 1},
  "cases": [)" + cases + R"(], "exclude-cases": [], "exclude-agent-cases": {},
  "outdir": ")" + outdir + R"("})";
}

// Runs `wsconform client -s spec` against a hostile server; returns the exit code
// and checks that every listed case got a verdict in index.json.
struct hostile_run {
    int rc = -1;
    double seconds = 0;
    std::size_t peak_rss_kib = 0;
    nlohmann::json index;
};

hostile_run run_against(test::hostile_server& server, const std::string& cases, std::chrono::seconds limit) {
    test::temp_dir dir;
    dir.write("spec.json", fast_spec(server.port(), cases, dir.str("out")));
    hostile_run out;
    const auto t0 = std::chrono::steady_clock::now();
    test::child_process p(WSCONFORM_EXE, {"client", "-s", dir.str("spec.json"), "--quiet"});
    while (std::chrono::steady_clock::now() - t0 < limit) {
        if (auto rc = p.wait(100ms)) {
            out.rc = *rc;
            break;
        }
        out.peak_rss_kib = std::max(out.peak_rss_kib, test::rss_kib(std::to_string(p.pid())));
    }
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    out.index = dir.read_json("out/index.json");
    return out;
}

}  // namespace

TEST(fuzzing_client_process, echo_server_passes_sections_1_to_7) {
    test::child_process server(WSCONFORM_EXE, {"echo-server", "--port", "0", "--quiet"});
    const std::uint16_t port = listening_port(server);
    ASSERT_NE(port, 0);
    test::temp_dir dir;
    test::child_process client(WSCONFORM_EXE, {"client", test::ws_url(port), "--cases", "1.*,2.*,3.*,4.*,5.*,6.*,7.*",
                                               "--outdir", dir.str("out"), "--agent", "EchoServer", "--jobs", "2"});
    ASSERT_EQ(client.wait(180s), 0) << client.err();
    const auto index = dir.read_json("out/index.json");
    ASSERT_TRUE(index.contains("EchoServer"));
    EXPECT_EQ(index["EchoServer"].size(), 246u);  // 16+11+7+10+20+145+37
    for (const auto& [id, e] : index["EchoServer"].items()) {
        EXPECT_TRUE(e["behavior"] == "OK" || e["behavior"] == "INFORMATIONAL") << id << " " << e.dump();
        EXPECT_TRUE(e["behaviorClose"] == "OK" || e["behaviorClose"] == "INFORMATIONAL") << id << " " << e.dump();
    }
    // One quiet line per case when stdout is not a TTY, then the summary.
    EXPECT_NE(client.out().find("] 1.1.1 OK/OK"), std::string::npos);
    EXPECT_NE(client.out().find("section"), std::string::npos);
    EXPECT_NE(client.out().find("index.json"), std::string::npos);
    server.signal(SIGTERM);
    server.wait(5s);
}

TEST(fuzzing_client_process, agent_defaults_to_the_server_header) {
    test::child_process server(WSCONFORM_EXE, {"echo-server", "--port", "0", "--quiet"});
    const std::uint16_t port = listening_port(server);
    ASSERT_NE(port, 0);
    test::temp_dir dir;
    test::child_process client(WSCONFORM_EXE, {"client", test::ws_url(port), "--cases", "1.1.1", "--outdir", dir.str("out"),
                                               "--quiet"});
    ASSERT_EQ(client.wait(30s), 0) << client.err();
    const auto index = dir.read_json("out/index.json");
    ASSERT_EQ(index.size(), 1u);
    EXPECT_EQ(index.begin().key().rfind("wsconform-echo-server", 0), 0u) << index.dump();
    server.signal(SIGTERM);
    server.wait(5s);
}

TEST(fuzzing_client_process, resume_skips_cases_already_in_the_outdir) {
    test::child_process server(WSCONFORM_EXE, {"echo-server", "--port", "0", "--quiet"});
    const std::uint16_t port = listening_port(server);
    ASSERT_NE(port, 0);
    test::temp_dir dir;
    {
        test::child_process first(WSCONFORM_EXE, {"client", test::ws_url(port), "--cases", "1.1.1,1.1.2", "--outdir",
                                                  dir.str("out"), "--agent", "A"});
        ASSERT_EQ(first.wait(30s), 0);
    }
    test::child_process again(WSCONFORM_EXE, {"client", test::ws_url(port), "--cases", "1.1.*", "--outdir", dir.str("out"),
                                              "--agent", "A", "--resume"});
    ASSERT_EQ(again.wait(30s), 0) << again.err();
    EXPECT_NE(again.out().find("1.1.1 skipped"), std::string::npos) << again.out();
    EXPECT_EQ(again.out().find("1.1.3 skipped"), std::string::npos);
    EXPECT_EQ(dir.read_json("out/index.json")["A"].size(), 8u);
    server.signal(SIGTERM);
    server.wait(5s);
}

TEST(fuzzing_client_process, connection_refused_exits_3) {
    test::temp_dir dir;
    test::child_process client(WSCONFORM_EXE, {"client", "ws://127.0.0.1:1/", "--cases", "1.1.1,1.1.2", "--outdir",
                                               dir.str("out"), "--quiet"});
    EXPECT_EQ(client.wait(40s), 3);
    EXPECT_NE(client.err().find("127.0.0.1:1"), std::string::npos) << client.err();
    EXPECT_NE(client.out().find("exit 3: no server could be reached"), std::string::npos) << client.out();
}

TEST(fuzzing_client_process, a_bad_spec_exits_2_naming_file_key_and_problem) {
    test::temp_dir dir;
    dir.write("bad.json", R"({"servers": "ws://127.0.0.1:9001", "cases": ["*"]})");
    test::child_process client(WSCONFORM_EXE, {"client", "-s", dir.str("bad.json")});
    EXPECT_EQ(client.wait(10s), 2);
    EXPECT_NE(client.err().find("bad.json"), std::string::npos) << client.err();
    EXPECT_NE(client.err().find("servers"), std::string::npos) << client.err();

    dir.write("broken.json", "{ not json");
    test::child_process broken(WSCONFORM_EXE, {"client", "-s", dir.str("broken.json")});
    EXPECT_EQ(broken.wait(10s), 2);
    EXPECT_NE(broken.err().find("broken.json"), std::string::npos) << broken.err();
}

TEST(fuzzing_client_process, peer_that_never_answers_the_handshake) {
    test::hostile_server peer([](int fd, const std::atomic<bool>& stop) { test::drain_until_closed(fd, stop); });
    const auto r = run_against(peer, R"("1.1.1", "2.1", "5.1")", 30s);
    EXPECT_EQ(r.rc, 1) << "a failing peer with no baseline is a conformance regression";
    ASSERT_TRUE(r.index.contains("Hostile")) << r.index.dump();
    EXPECT_EQ(r.index["Hostile"].size(), 3u);
    for (const auto& [id, e] : r.index["Hostile"].items()) EXPECT_EQ(e["behavior"], "FAILED") << id;
    EXPECT_LT(r.seconds, 15);
}

TEST(fuzzing_client_process, peer_that_answers_garbage) {
    test::hostile_server peer([](int fd, const std::atomic<bool>& stop) {
        test::read_handshake_key(fd, stop);
        test::write_all(fd, std::string("\x16\x03\x01garbage\r\n\r\n\xff\xfe", 15));
        test::drain_until_closed(fd, stop);
    });
    const auto r = run_against(peer, R"("1.1.1", "2.1")", 30s);
    EXPECT_EQ(r.rc, 1) << "a failing peer with no baseline is a conformance regression";
    ASSERT_TRUE(r.index.contains("Hostile")) << r.index.dump();
    EXPECT_EQ(r.index["Hostile"].size(), 2u);
    EXPECT_LT(r.seconds, 15);
}

TEST(fuzzing_client_process, peer_that_resets_mid_case) {
    test::hostile_server peer([](int fd, const std::atomic<bool>& stop) {
        const std::string key = test::read_handshake_key(fd, stop);
        if (key.empty()) return;
        test::send_switching_protocols(fd, key);
        bool eof = false;
        test::read_some(fd, 200ms, eof);  // the case's first frame
        test::reset_connection(fd);
    });
    const auto r = run_against(peer, R"("1.1.1", "1.1.6", "2.1")", 30s);
    EXPECT_EQ(r.rc, 1) << "a failing peer with no baseline is a conformance regression";
    ASSERT_TRUE(r.index.contains("Hostile")) << r.index.dump();
    EXPECT_EQ(r.index["Hostile"].size(), 3u);
    EXPECT_LT(r.seconds, 15);
}

TEST(fuzzing_client_process, peer_that_floods_gigabytes_after_the_handshake) {
    test::hostile_server peer([](int fd, const std::atomic<bool>& stop) {
        const std::string key = test::read_handshake_key(fd, stop);
        if (key.empty()) return;
        test::send_switching_protocols(fd, key);
        // Unmasked binary frames of 1 MiB, as fast as the fuzzer reads, until ~2 GiB
        // went out or the fuzzer hung up.
        frame_spec spec;
        spec.opcode = 0x2;
        spec.fin = false;
        std::string frame = encode_frame(spec, std::string(1 << 20, 'F'));
        spec.opcode = 0x0;
        const std::string cont = encode_frame(spec, std::string(1 << 20, 'F'));
        for (int i = 0; i < 2048 && !stop; ++i) {
            if (::send(fd, i == 0 ? frame.data() : cont.data(), cont.size(), MSG_NOSIGNAL) <= 0) return;
        }
    });
    const auto r = run_against(peer, R"("1.1.1", "2.1")", 60s);
    EXPECT_EQ(r.rc, 1) << "a failing peer with no baseline is a conformance regression";
    ASSERT_TRUE(r.index.contains("Hostile")) << r.index.dump();
    EXPECT_EQ(r.index["Hostile"].size(), 2u);
    EXPECT_GT(r.peak_rss_kib, 0u);
    EXPECT_LT(r.peak_rss_kib, test::flood_rss_limit_kib()) << "peak RSS " << r.peak_rss_kib << " KiB";
}

TEST(fuzzing_client_process, peer_that_never_closes) {
    test::hostile_server peer(test::accept_then_ignore);
    const auto r = run_against(peer, R"("1.1.1", "2.1", "7.1.1")", 30s);
    EXPECT_EQ(r.rc, 1) << "a failing peer with no baseline is a conformance regression";
    ASSERT_TRUE(r.index.contains("Hostile")) << r.index.dump();
    EXPECT_EQ(r.index["Hostile"].size(), 3u);
    for (const auto& [id, e] : r.index["Hostile"].items()) EXPECT_NE(e["behaviorClose"], "OK") << id;
    EXPECT_LT(r.seconds, 20);
}

TEST(fuzzing_client_process, sigint_keeps_finished_cases_and_exits_130) {
    test::hostile_server peer(test::accept_then_ignore);
    test::temp_dir dir;
    dir.write("spec.json", fast_spec(peer.port(), R"("1.*", "2.*")", dir.str("out")));
    test::child_process p(WSCONFORM_EXE, {"client", "-s", dir.str("spec.json")});
    // Wait for the first finished case line, then interrupt.
    auto line = p.read_line(20s);
    ASSERT_TRUE(line) << p.err();
    p.signal(SIGINT);
    EXPECT_EQ(p.wait(10s), 130);
    const auto index = dir.read_json("out/index.json");
    ASSERT_TRUE(index.contains("Hostile"));
    EXPECT_GE(index["Hostile"].size(), 1u);
    EXPECT_LT(index["Hostile"].size(), 27u);
    EXPECT_NE(p.out().find("section"), std::string::npos);
    EXPECT_NE(p.out().find("exit 130: interrupted"), std::string::npos) << p.out();
}
