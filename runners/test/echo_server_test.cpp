// The reference echo server, in process, against a blocking codec client.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "blocking_client.hpp"
#include "io_thread.hpp"
#include "rss.hpp"
#include "wsc/frame.hpp"
#include "wsc/testee/echo_server.hpp"

using namespace wsc;
using namespace std::chrono_literals;

namespace {

class echo_server_test : public ::testing::Test {
protected:
    void start(bool deflate = true) {
        testee::echo_server_options opts;
        opts.port = 0;
        opts.deflate = deflate;
        opts.handshake_timeout_s = 0.5;
        opts.limits.close_timeout_s = 0.5;
        opts.limits.max_pending_output = 1u << 20;
        server_ = std::make_unique<testee::echo_server>(io_.io(), opts);
        server_->start();
        io_.start();
    }
    void TearDown() override {
        io_.stop();
        server_.reset();
    }
    std::uint16_t port() const { return server_->port(); }

    test::io_thread io_;
    std::unique_ptr<testee::echo_server> server_;
};

const message_event* as_message(std::vector<event>& evs) {
    return evs.empty() ? nullptr : std::get_if<message_event>(&evs.front());
}

}  // namespace

TEST_F(echo_server_test, server_echoes_text_and_binary_with_their_type) {
    start();
    test::blocking_client c(port());
    ASSERT_TRUE(c.ok());
    c.ep().send_text("Hello, world!");
    c.flush();
    auto evs = c.next_events();
    auto* m = as_message(evs);
    ASSERT_TRUE(m);
    EXPECT_FALSE(m->binary);
    EXPECT_EQ(m->data, "Hello, world!");

    c.ep().send_binary(std::string(70000, '\xfe'));
    c.flush();
    evs = c.next_events();
    m = as_message(evs);
    ASSERT_TRUE(m);
    EXPECT_TRUE(m->binary);
    EXPECT_EQ(m->data, std::string(70000, '\xfe'));
}

TEST_F(echo_server_test, server_answers_ping_with_pong) {
    start();
    test::blocking_client c(port());
    ASSERT_TRUE(c.ok());
    c.ep().send_ping("payload-0");
    c.flush();
    auto evs = c.next_events();
    ASSERT_EQ(evs.size(), 1u);
    auto* p = std::get_if<pong_event>(&evs.front());
    ASSERT_TRUE(p);
    EXPECT_EQ(p->payload, "payload-0");
}

TEST_F(echo_server_test, server_completes_closing_handshake_and_closes_tcp_first) {
    start();
    test::blocking_client c(port());
    ASSERT_TRUE(c.ok());
    c.ep().send_close(1000, "bye");
    c.flush();
    auto evs = c.next_events();
    ASSERT_FALSE(evs.empty());
    auto* cl = std::get_if<close_event>(&evs.front());
    ASSERT_TRUE(cl);
    EXPECT_EQ(cl->code, 1000);
    // §7.1.1: the server closes TCP first.
    EXPECT_TRUE(c.wait_eof(2s));
    EXPECT_TRUE(c.ep().closing_handshake_complete());
}

TEST_F(echo_server_test, server_fails_the_connection_on_an_unmasked_client_frame) {
    start();
    test::blocking_client c(port());
    ASSERT_TRUE(c.ok());
    frame_spec spec;  // no mask: §5.1 says the server MUST close the connection
    c.send_raw(encode_frame(spec, "Hello"));
    auto evs = c.next_events();
    ASSERT_FALSE(evs.empty());
    auto* cl = std::get_if<close_event>(&evs.front());
    ASSERT_TRUE(cl);
    EXPECT_EQ(cl->code, 1002);
    EXPECT_TRUE(c.wait_eof(2s));
}

TEST_F(echo_server_test, server_negotiates_permessage_deflate_and_echoes_compressed) {
    start(true);
    test::blocking_client c(port(), "/", true);
    ASSERT_TRUE(c.ok());
    ASSERT_TRUE(c.handshake().deflate().has_value());
    const std::string text(20000, 'a');
    c.ep().send_text(text);
    c.flush();
    auto evs = c.next_events();
    auto* m = as_message(evs);
    ASSERT_TRUE(m);
    EXPECT_EQ(m->data, text);
}

TEST_F(echo_server_test, no_deflate_declines_the_offer) {
    start(false);
    test::blocking_client c(port(), "/", true);
    ASSERT_TRUE(c.ok());
    EXPECT_FALSE(c.handshake().deflate().has_value());
}

TEST_F(echo_server_test, server_refuses_a_bad_handshake_with_an_http_error) {
    start();
    const int fd = test::connect_loopback(port());
    ASSERT_GE(fd, 0);
    test::write_all(fd, "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
    std::string response;
    bool eof = false;
    while (!eof) {
        std::string part = test::read_some(fd, 2000ms, eof);
        if (part.empty() && !eof) break;
        response += part;
    }
    ::close(fd);
    EXPECT_EQ(response.rfind("HTTP/1.1 4", 0), 0u) << response;
    EXPECT_TRUE(eof);
}

TEST_F(echo_server_test, server_drops_a_client_that_never_sends_its_handshake) {
    start();
    const int fd = test::connect_loopback(port());
    ASSERT_GE(fd, 0);
    const auto t0 = std::chrono::steady_clock::now();
    bool eof = false;
    while (!eof && std::chrono::steady_clock::now() - t0 < 3s) test::read_some(fd, 100ms, eof);
    ::close(fd);
    EXPECT_TRUE(eof);
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 2s);
}

TEST_F(echo_server_test, server_serves_many_connections_at_once) {
    start();
    std::vector<std::unique_ptr<test::blocking_client>> clients;
    for (int i = 0; i < 32; ++i) {
        clients.push_back(std::make_unique<test::blocking_client>(port()));
        ASSERT_TRUE(clients.back()->ok());
    }
    for (int i = 0; i < 32; ++i) {
        clients[i]->ep().send_text("client " + std::to_string(i));
        clients[i]->flush();
    }
    for (int i = 0; i < 32; ++i) {
        auto evs = clients[i]->next_events();
        auto* m = as_message(evs);
        ASSERT_TRUE(m);
        EXPECT_EQ(m->data, "client " + std::to_string(i));
    }
}

TEST_F(echo_server_test, server_refuses_a_frame_over_its_limit_without_buffering_it) {
    start();
    test::blocking_client c(port());
    ASSERT_TRUE(c.ok());
    frame_spec spec;
    spec.opcode = 0x2;
    spec.mask = mask_key{1, 2, 3, 4};
    std::string header;
    write_header(header, spec, std::uint64_t(8) << 30);  // announces 8 GiB
    c.send_raw(header);
    auto evs = c.next_events();
    ASSERT_FALSE(evs.empty());
    auto* cl = std::get_if<close_event>(&evs.front());
    ASSERT_TRUE(cl);
    EXPECT_EQ(cl->code, 1009);
}

TEST_F(echo_server_test, a_client_that_sends_but_never_reads_does_not_grow_server_memory) {
    start();
    test::blocking_client c(port());
    ASSERT_TRUE(c.ok());
    const std::size_t before = test::rss_kib();
    // 1 MiB binary messages, echoed by the server, which we never read: once its
    // output backs up it must stop reading rather than queue echoes.
    std::string frame;
    frame_spec spec;
    spec.opcode = 0x2;
    spec.mask = mask_key{9, 8, 7, 6};
    write_frame(frame, spec, std::string(1 << 20, 'x'));
    // Write from a thread and watch progress: once the server has not taken a byte
    // for a second, it has stopped reading.
    std::size_t sent = 0;
    auto last_progress = std::chrono::steady_clock::now();
    std::atomic<std::size_t> progress{0};
    std::atomic<bool> stop{false};
    std::thread writer([&] {
        while (!stop) {
            c.send_raw(frame);
            progress += frame.size();
            if (progress > (std::size_t(512) << 20)) break;
        }
    });
    while (std::chrono::steady_clock::now() - last_progress < 1s) {
        std::this_thread::sleep_for(100ms);
        if (progress != sent) {
            sent = progress;
            last_progress = std::chrono::steady_clock::now();
        }
    }
    const std::size_t after = test::rss_kib();
    stop = true;
    c.shutdown();  // unblocks the writer's send()
    writer.join();
    EXPECT_LT(sent, std::size_t(512) << 20) << "the server never stopped reading";
    EXPECT_LT(after - std::min(after, before), std::size_t(64) * 1024) << "RSS grew by " << (after - before) << " KiB";
}
