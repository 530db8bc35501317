// `wsconform` as a process: help and usage errors, and the echo server subcommand.
#include <gtest/gtest.h>

#include <csignal>

#include "blocking_client.hpp"
#include "child_process.hpp"
#include "listening_port.hpp"

using namespace wsc;
using namespace std::chrono_literals;

namespace {

using test::listening_port;

}  // namespace

TEST(cli, help_lists_the_commands) {
    test::child_process p(WSCONFORM_EXE, {"--help"});
    ASSERT_EQ(p.wait(10s), 0);
    for (const char* name : {"client", "server", "echo-server", "echo-client", "cases", "version"})
        EXPECT_NE(p.out().find(name), std::string::npos) << name;
}

TEST(cli, every_subcommand_has_help) {
    for (const char* name : {"echo-server", "echo-client"}) {
        test::child_process p(WSCONFORM_EXE, {name, "--help"});
        EXPECT_EQ(p.wait(10s), 0) << name;
        EXPECT_NE(p.out().find("Usage: wsconform"), std::string::npos) << name;
    }
}

TEST(cli, unknown_command_and_option_exit_2_naming_them) {
    test::child_process a(WSCONFORM_EXE, {"frobnicate"});
    EXPECT_EQ(a.wait(10s), 2);
    EXPECT_NE(a.err().find("frobnicate"), std::string::npos);
    test::child_process b(WSCONFORM_EXE, {"echo-server", "--bogus"});
    EXPECT_EQ(b.wait(10s), 2);
    EXPECT_NE(b.err().find("--bogus"), std::string::npos);
}

TEST(cli, version_prints_the_product) {
    test::child_process p(WSCONFORM_EXE, {"version"});
    ASSERT_EQ(p.wait(10s), 0);
    EXPECT_EQ(p.out().rfind("wsconform/", 0), 0u);
}

TEST(cli, echo_server_round_trip_then_sigterm) {
    test::child_process p(WSCONFORM_EXE, {"echo-server", "--port", "0"});
    const std::uint16_t port = listening_port(p);
    ASSERT_NE(port, 0) << p.err();
    {
        test::blocking_client c(port, "/", true);
        ASSERT_TRUE(c.ok());
        EXPECT_TRUE(c.handshake().deflate().has_value());
        c.ep().send_text("κόσμε");
        c.flush();
        auto evs = c.next_events();
        ASSERT_FALSE(evs.empty());
        auto* m = std::get_if<message_event>(&evs.front());
        ASSERT_TRUE(m);
        EXPECT_EQ(m->data, "κόσμε");
    }
    p.signal(SIGTERM);
    EXPECT_EQ(p.wait(5s), 0);
}

TEST(cli, echo_client_against_nobody_exits_3) {
    // Port 1 on loopback: nothing listens there for an unprivileged test.
    test::child_process p(WSCONFORM_EXE, {"echo-client", "ws://127.0.0.1:1", "--quiet"});
    EXPECT_EQ(p.wait(15s), 3);
}
