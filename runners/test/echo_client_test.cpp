// The reference echo client against a small fuzzing-server stand-in built here on
// the codec, speaking the Autobahn URL protocol (catalogue.md §4).
#include <gtest/gtest.h>

#include <future>
#include <mutex>

#include "io_thread.hpp"
#include "wsc/handshake.hpp"
#include "wsc/net/accept_loop.hpp"
#include "wsc/net/endpoint_stream.hpp"
#include "wsc/net/request_reader.hpp"
#include "wsc/testee/echo_client.hpp"

using namespace wsc;

namespace {

// Records what the client asked for and what it echoed.
struct protocol_log {
    std::mutex m;
    std::vector<std::string> targets;
    std::vector<std::string> echoes;
};

void serve(std::shared_ptr<net::transport> t, std::shared_ptr<protocol_log> log, int count) {
    net::async_read_request_head(t, 2, 16384, [t, log, count](net::request_head req) {
        if (req.how != net::request_head::outcome::complete) return t->close();
        auto hs = std::make_shared<server_handshake>(server_handshake_config{});
        hs->receive_data(req.raw);
        auto response = std::make_shared<std::string>(hs->response());
        const std::string target = req.head.target;
        {
            std::lock_guard lock(log->m);
            log->targets.push_back(target);
        }
        t->async_write(net::asio::buffer(*response), [t, hs, response, log, count, target](const net::error_code&,
                                                                                             std::size_t) {
            endpoint_config cfg;
            cfg.side = role::server;
            auto s = std::make_shared<net::endpoint_stream>(t, endpoint(std::move(cfg)));
            s->start(
                hs->take_leftover(),
                [log](net::endpoint_stream& st, event& ev) {
                    if (auto* m = std::get_if<message_event>(&ev)) {
                        std::lock_guard lock(log->m);
                        log->echoes.push_back((m->binary ? "bin:" : "text:") + m->data);
                        if (m->binary) st.ep().send_close(1000);
                    }
                },
                [](net::endpoint_stream&) {});
            if (target == "/getCaseCount") {
                s->ep().send_text(std::to_string(count));
                s->ep().send_close(std::nullopt);  // Autobahn closes without a status code
            } else if (target.rfind("/runCase", 0) == 0) {
                s->ep().send_text("case " + target);
                s->ep().send_binary("end");
            } else {
                s->ep().send_close(1000);
            }
            s->flush();
        });
    });
}

}  // namespace

TEST(echo_client, runs_every_case_in_order_then_updates_reports) {
    test::io_thread io;
    auto log = std::make_shared<protocol_log>();
    auto acceptor = std::make_shared<net::accept_loop>(io.io(), "127.0.0.1", 0);
    acceptor->start([log](std::shared_ptr<net::transport> t) { serve(std::move(t), log, 3); });

    testee::echo_client_options opts;
    opts.server = *net::parse_ws_url("ws://127.0.0.1:" + std::to_string(acceptor->port()));
    opts.agent = "my agent/1.0";
    opts.deflate = false;
    auto client = std::make_shared<testee::echo_client>(io.io(), opts);
    std::promise<testee::echo_client_outcome> outcome;
    client->run([&](testee::echo_client_outcome how, const std::string&) { outcome.set_value(how); });
    io.start();
    auto f = outcome.get_future();
    ASSERT_EQ(f.wait_for(std::chrono::seconds(10)), std::future_status::ready);
    EXPECT_EQ(f.get(), testee::echo_client_outcome::done);
    io.stop();

    const std::vector<std::string> expected_targets{
        "/getCaseCount",
        "/runCase?case=1&agent=my%20agent%2F1.0",
        "/runCase?case=2&agent=my%20agent%2F1.0",
        "/runCase?case=3&agent=my%20agent%2F1.0",
        "/updateReports?agent=my%20agent%2F1.0",
    };
    EXPECT_EQ(log->targets, expected_targets);
    ASSERT_EQ(log->echoes.size(), 6u);
    EXPECT_EQ(log->echoes[0], "text:case /runCase?case=1&agent=my%20agent%2F1.0");
    EXPECT_EQ(log->echoes[1], "bin:end");
}

TEST(echo_client, reports_an_unreachable_server) {
    test::io_thread io;
    // A port that was free a moment ago: bind, read the number, release.
    std::uint16_t port = 0;
    {
        auto probe = std::make_shared<net::accept_loop>(io.io(), "127.0.0.1", 0);
        port = probe->port();
        probe->stop();
    }
    testee::echo_client_options opts;
    opts.server = *net::parse_ws_url("ws://127.0.0.1:" + std::to_string(port));
    auto client = std::make_shared<testee::echo_client>(io.io(), opts);
    std::promise<testee::echo_client_outcome> outcome;
    client->run([&](testee::echo_client_outcome how, const std::string&) { outcome.set_value(how); });
    io.start();
    auto f = outcome.get_future();
    ASSERT_EQ(f.wait_for(std::chrono::seconds(10)), std::future_status::ready);
    EXPECT_EQ(f.get(), testee::echo_client_outcome::unreachable);
}
