// wss: the echo server behind TLS, and the client side's verification and SNI.
#include <gtest/gtest.h>

#include <future>

#include "io_thread.hpp"
#include "temp_dir.hpp"
#include "test_certificate.hpp"
#include "wsc/net/client_upgrade.hpp"
#include "wsc/testee/echo_server.hpp"

using namespace wsc;

namespace {

class tls_test : public ::testing::Test {
protected:
    void SetUp() override {
        test::write_self_signed(dir_.str("cert.pem"), dir_.str("key.pem"));
        net::tls_options files;
        files.cert_file = dir_.str("cert.pem");
        files.key_file = dir_.str("key.pem");
        testee::echo_server_options opts;
        opts.port = 0;
        opts.tls = net::make_server_tls_context(files);
        server_ = std::make_unique<testee::echo_server>(io_.io(), opts);
        server_->start();
        io_.start();
    }
    void TearDown() override {
        io_.stop();
        server_.reset();
    }

    // Connects with `tls`, sends one text message and returns the echo, or the
    // failure text prefixed with "error: ".
    std::string echo_over_tls(net::tls_options tls, const std::string& host = "localhost") {
        net::connect_options connect;
        connect.tls = tls;
        connect.tls_context = net::make_client_tls_context(tls);
        connect.timeout_s = 5;
        auto url = *net::parse_ws_url("wss://" + host + ":" + std::to_string(server_->port()) + "/");
        client_handshake_config cfg;
        cfg.random = system_random();
        std::promise<std::string> answer;
        net::async_upgrade(io_.io(), url, connect, cfg, 5, [&](net::upgrade_result r) {
            if (!r.ok()) return answer.set_value("error: " + r.what);
            endpoint_config ec;
            ec.side = role::client;
            ec.random = system_random();
            auto s = std::make_shared<net::endpoint_stream>(r.stream, endpoint(std::move(ec)));
            auto done = std::make_shared<bool>(false);
            s->start(
                std::move(r.leftover),
                [&answer, done](net::endpoint_stream& st, event& ev) {
                    if (auto* m = std::get_if<message_event>(&ev); m && !*done) {
                        *done = true;
                        answer.set_value(m->data);
                        st.ep().send_close(1000);
                    }
                },
                [&answer, done](net::endpoint_stream&) {
                    if (!*done) {
                        *done = true;
                        answer.set_value("error: closed");
                    }
                });
            s->ep().send_text("over TLS");
            s->flush();
        });
        auto f = answer.get_future();
        if (f.wait_for(std::chrono::seconds(10)) != std::future_status::ready) return "error: timeout";
        return f.get();
    }

    test::io_thread io_;
    test::temp_dir dir_;
    std::unique_ptr<testee::echo_server> server_;
};

}  // namespace

TEST_F(tls_test, echo_over_wss_with_the_certificate_as_ca) {
    net::tls_options tls;
    tls.ca_file = dir_.str("cert.pem");
    EXPECT_EQ(echo_over_tls(tls), "over TLS");
}

TEST_F(tls_test, an_untrusted_certificate_is_refused_unless_insecure) {
    net::tls_options strict;  // system trust anchors only
    EXPECT_EQ(echo_over_tls(strict).rfind("error: ", 0), 0u);
    net::tls_options insecure;
    insecure.insecure = true;
    EXPECT_EQ(echo_over_tls(insecure), "over TLS");
}

TEST_F(tls_test, the_name_is_checked_against_the_certificate) {
    net::tls_options wrong_name;
    wrong_name.ca_file = dir_.str("cert.pem");
    wrong_name.sni = "not-localhost.example";
    EXPECT_EQ(echo_over_tls(wrong_name).rfind("error: ", 0), 0u);
}
