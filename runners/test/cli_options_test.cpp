// The command line as users of h2spec and Autobahn expect it (issue 15): flags
// checked before the first case, --timeout, -v, the failing cases listed at the
// end with their reasons, warnings for spec keys that do nothing, and the same
// case patterns in `cases` as in `client`.
#include <gtest/gtest.h>

#include "child_process.hpp"
#include "hostile_server.hpp"
#include "listening_port.hpp"
#include "temp_dir.hpp"
#include "wsconform_run.hpp"

using namespace wsc;
using namespace std::chrono_literals;

namespace {

using test::run_wsconform;

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (auto nl = text.find('\n'); nl != std::string::npos; nl = text.find('\n', start)) {
        out.push_back(text.substr(start, nl - start));
        start = nl + 1;
    }
    return out;
}

}  // namespace

// Each bad flag is an error (exit 2) before any connection is made: the peer
// never sees one.
TEST(cli_options, every_flag_is_checked_before_the_first_case) {
    test::hostile_server peer(test::accept_then_ignore);
    test::temp_dir dir;
    dir.write("broken-baseline.json", "{ \"format\": ");
    const std::string url = test::ws_url(peer.port());
    const std::vector<std::pair<std::vector<std::string>, std::string>> bad{
        {{"--pass-policy", "behavior=PASS"}, "--pass-policy"},
        {{"--baseline", dir.str("no-such-baseline.json")}, "no such file"},
        {{"--baseline", dir.str("broken-baseline.json")}, "broken-baseline.json"},
        {{"--capability", "origin-polcy"}, "--capability 'origin-polcy'"},
        {{"--shard", "3/2"}, "--shard"},
        {{"--jobs", "0"}, "--jobs: must be between 1 and 256"},
        {{"--jobs", "1.5"}, "not a whole number"},
        {{"--timeout", "0"}, "--timeout: must be between"},
        {{"--compare", dir.str("nothing-here")}, "--compare"},
    };
    for (const auto& [flags, says] : bad) {
        std::vector<std::string> args{"client", url, "--cases", "1.1.1", "--outdir", dir.str("out"), "--quiet"};
        args.insert(args.end(), flags.begin(), flags.end());
        const auto r = run_wsconform(args, 20s);
        EXPECT_EQ(r.rc, 2) << flags[0] << " " << flags[1] << "\n" << r.out << r.err;
        EXPECT_NE(r.err.find(says), std::string::npos) << flags[0] << ": " << r.err;
    }
    EXPECT_EQ(peer.connections(), 0) << "a case ran before a flag was found bad";

    // The server command checks the same flags before it listens.
    const auto server = run_wsconform({"server", "--port", "0", "--pass-policy", "nonsense"}, 20s);
    EXPECT_EQ(server.rc, 2) << server.out << server.err;
    EXPECT_EQ(server.out.find("listening on"), std::string::npos) << server.out;
}

// --timeout sets the opening (and closing) handshake timeout: against a peer that
// never answers the handshake, each case ends after it instead of after the
// default 5 s, and the per-case line shows the time the case really took.
TEST(cli_options, timeout_bounds_the_opening_handshake) {
    test::hostile_server peer([](int fd, const std::atomic<bool>& stop) { test::drain_until_closed(fd, stop); });
    test::temp_dir dir;
    const auto t0 = std::chrono::steady_clock::now();
    const auto r = run_wsconform({"client", test::ws_url(peer.port()), "--cases", "1.1.1,1.1.2", "--agent", "Mute",
                                  "--outdir", dir.str("out"), "--timeout", "0.3"},
                                 30s);
    const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_EQ(r.rc, 1) << r.out << r.err;
    EXPECT_LT(took, 4.5) << "two 5 s default timeouts would take 10 s";
    for (const auto& line : lines_of(r.out)) {
        if (line.rfind("[", 0) != 0 || line.find(" FAILED/") == std::string::npos) continue;
        const auto ms = line.rfind(" ms");
        ASSERT_NE(ms, std::string::npos) << line;
        EXPECT_GE(std::stod(line.substr(line.rfind(' ', ms - 1) + 1)), 290) << line;
    }
}

// Without --baseline the failing cases are listed at the end, each with its
// verdicts and reason, and called FAIL (a regression needs a baseline); the run
// time is printed. -v adds each failing case's wire log.
TEST(cli_options, failing_cases_are_listed_with_their_reason_and_v_prints_wire_logs) {
    test::hostile_server peer(test::accept_then_ignore);
    test::temp_dir dir;
    const std::vector<std::string> base{"client", test::ws_url(peer.port()), "--cases", "1.1.1,1.1.2", "--agent",
                                        "Deaf", "--outdir", dir.str("out"), "--quiet", "--timeout", "0.5"};
    const auto r = run_wsconform(base, 30s);
    EXPECT_EQ(r.rc, 1) << r.out << r.err;
    EXPECT_NE(r.out.find("FAIL       Deaf 1.1.1: "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("FAIL       Deaf 1.1.2: "), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("REGRESSION"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("more (see the HTML"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("\ntime: "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("2 fail the pass policy - FAIL"), std::string::npos) << r.out;
    for (const auto& line : lines_of(r.out))
        if (line.rfind("FAIL       Deaf", 0) == 0) EXPECT_GT(line.size(), std::string("FAIL       Deaf 1.1.1: ").size() + 20) << line;
    EXPECT_EQ(r.out.find("wire-log row"), std::string::npos);

    auto verbose = base;
    verbose.push_back("-v");
    const auto v = run_wsconform(verbose, 30s);
    EXPECT_EQ(v.rc, 1);
    EXPECT_NE(v.out.find("--- Deaf 1.1.1: "), std::string::npos) << v.out;
    EXPECT_NE(v.out.find("--- Deaf 1.1.2: "), std::string::npos) << v.out;
    EXPECT_NE(v.out.find(" ms  "), std::string::npos) << v.out;
}

// Autobahn keys wsconform accepts but does not act on get one warning line each.
TEST(cli_options, unimplemented_spec_keys_are_named_in_a_warning) {
    test::hostile_server peer(test::accept_then_ignore);
    test::temp_dir dir;
    dir.write("spec.json", R"({"servers": [{"url": ")" + test::ws_url(peer.port()) +
                               R"(", "agent": "A", "options": {"version": 18}}],
  "options": {"failByDrop": false, "utf8validateIncoming": true, "openHandshakeTimeout": 1},
  "webport": 8080, "cases": ["1.1.1"], "outdir": ")" + dir.str("out") + R"("})");
    const auto r = run_wsconform({"client", "-s", dir.str("spec.json"), "--quiet", "--timeout", "0.5"}, 30s);
    for (const char* key : {"'options.failByDrop'", "'options.utf8validateIncoming'", "'webport'",
                            "'servers[0].options.version'"}) {
        const auto at = r.err.find(key);
        ASSERT_NE(at, std::string::npos) << key << "\n" << r.err;
        EXPECT_EQ(r.err.find(key, at + 1), std::string::npos) << key << " warned twice";
    }
    EXPECT_EQ(r.err.find("openHandshakeTimeout"), std::string::npos) << r.err;

    dir.write("server.json", R"({"url": "ws://127.0.0.1:9001", "webport": 8080, "options": {"failByDrop": true},
  "cases": ["1.1.1"], "outdir": ")" + dir.str("sout") + R"("})");
    test::child_process server(WSCONFORM_EXE, {"server", "-s", dir.str("server.json"), "--port", "0", "--quiet"});
    ASSERT_NE(test::listening_port(server), 0) << server.err();
    server.signal(SIGTERM);
    server.wait(10s);
    EXPECT_NE(server.err().find("'webport' is accepted but not implemented"), std::string::npos) << server.err();
    EXPECT_NE(server.err().find("'options.failByDrop' is accepted but not implemented"), std::string::npos);
}

// '*' is Autobahn's sections 1-13 in `cases` as in `client`; nothing matching is
// exit 2 in both.
TEST(cli_options, cases_patterns_mean_what_they_mean_to_client) {
    const auto star = run_wsconform({"cases", "--cases", "*"});
    EXPECT_EQ(star.rc, 0);
    EXPECT_EQ(star.out.rfind("1.1.1 ", 0), 0u) << star.out.substr(0, 200);
    EXPECT_EQ(star.out.find("\n0."), std::string::npos) << "'*' must not include the handshake section";
    const auto all = run_wsconform({"cases"});
    EXPECT_EQ(all.rc, 0);
    EXPECT_EQ(all.out.rfind("0.", 0), 0u) << "the plain listing is the whole catalogue";
    const auto zero = run_wsconform({"cases", "--section", "0"});
    EXPECT_EQ(zero.rc, 0);
    EXPECT_EQ(zero.out.rfind("0.", 0), 0u);

    for (const std::vector<std::string>& args : {std::vector<std::string>{"cases", "--cases", "99.*"},
                                                 std::vector<std::string>{"cases", "--cases", "1.1.99"},
                                                 std::vector<std::string>{"cases", "--section", "42"}}) {
        const auto r = run_wsconform(args);
        EXPECT_EQ(r.rc, 2) << args[1] << " " << args[2] << "\n" << r.out;
        EXPECT_TRUE(r.out.empty()) << r.out;
    }
    const auto client = run_wsconform({"client", "ws://127.0.0.1:1/", "--cases", "99.*"});
    EXPECT_EQ(client.rc, 2);
    EXPECT_NE(client.err.find("no case matches"), std::string::npos) << client.err;
}
