// Each queued write is its own write, gaps are kept, close comes after the last byte.
#include <gtest/gtest.h>

#include <future>

#include "blocking_client.hpp"
#include "io_thread.hpp"
#include "wsc/net/accept_loop.hpp"
#include "wsc/net/paced_writer.hpp"

using namespace wsc;
using namespace std::chrono_literals;

TEST(paced_writer, writes_separately_with_gaps_then_closes) {
    test::io_thread io;
    auto acceptor = std::make_shared<net::accept_loop>(io.io(), "127.0.0.1", 0);
    acceptor->start([](std::shared_ptr<net::transport> t) {
        auto w = std::make_shared<net::paced_writer>(t);
        w->push("one");
        w->push("two", 0.15);
        w->push("three", 0.15);
        w->close_when_drained();
    });
    io.start();
    const int fd = test::connect_loopback(acceptor->port());
    ASSERT_GE(fd, 0);
    std::vector<std::pair<std::string, std::chrono::steady_clock::time_point>> reads;
    bool eof = false;
    const auto t0 = std::chrono::steady_clock::now();
    while (!eof && std::chrono::steady_clock::now() - t0 < 3s) {
        std::string part = test::read_some(fd, 100ms, eof);
        if (!part.empty()) reads.emplace_back(part, std::chrono::steady_clock::now());
    }
    ::close(fd);
    EXPECT_TRUE(eof);
    ASSERT_EQ(reads.size(), 3u);  // 150 ms apart: three separate segments
    EXPECT_EQ(reads[0].first, "one");
    EXPECT_EQ(reads[1].first, "two");
    EXPECT_EQ(reads[2].first, "three");
    EXPECT_GE(reads[2].second - reads[0].second, 250ms);
}
