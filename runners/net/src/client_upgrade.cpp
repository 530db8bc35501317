#include "wsc/net/client_upgrade.hpp"

#include <array>

#include "wsc/net/connection_clock.hpp"

namespace wsc::net {

namespace {

struct upgrade : std::enable_shared_from_this<upgrade> {
    upgrade(asio::io_context& io, std::function<void(upgrade_result)> d) : timer(io), done(std::move(d)) {}

    asio::steady_timer timer;
    std::function<void(upgrade_result)> done;
    upgrade_result result;
    std::array<char, 4096> buffer{};
    bool finished = false;

    void begin(std::shared_ptr<transport> t, client_handshake_config cfg, double timeout_s) {
        result.stream = std::move(t);
        result.handshake = std::make_shared<client_handshake>(std::move(cfg));
        timer.expires_after(seconds(timeout_s));
        timer.async_wait([self = shared_from_this()](const error_code& ec) {
            if (!ec) self->fail(asio::error::timed_out, "no handshake response in time");
        });
        auto self = shared_from_this();
        const std::string& request = result.handshake->request();
        result.stream->async_write(asio::buffer(request), [self](const error_code& ec, std::size_t) {
            if (ec) return self->fail(ec, "writing the handshake request: " + ec.message());
            self->read();
        });
    }

    void read() {
        if (finished) return;
        result.stream->async_read_some(
            asio::buffer(buffer), [self = shared_from_this()](const error_code& ec, std::size_t n) {
                if (self->finished) return;
                if (ec) return self->fail(ec, "reading the handshake response: " + ec.message());
                switch (self->result.handshake->receive_data(std::string_view(self->buffer.data(), n))) {
                case handshake_status::need_more: return self->read();
                case handshake_status::accepted:
                    self->result.leftover = self->result.handshake->take_leftover();
                    return self->finish();
                case handshake_status::rejected:
                    self->result.what = std::string(name_of(self->result.handshake->failure())) + ": " +
                                        self->result.handshake->detail();
                    self->result.stream->close();
                    self->result.stream.reset();
                    return self->finish();
                }
            });
    }

    void fail(const error_code& ec, std::string what) {
        if (finished) return;
        result.ec = ec;
        result.what = std::move(what);
        if (result.stream) result.stream->close();
        result.stream.reset();
        finish();
    }

    void finish() {
        if (finished) return;
        finished = true;
        timer.cancel();
        auto d = std::move(done);
        d(std::move(result));
    }
};

}  // namespace

void async_upgrade(asio::io_context& io, const ws_url& url, const connect_options& connect,
                   client_handshake_config cfg, double handshake_timeout_s,
                   std::function<void(upgrade_result)> done) {
    if (cfg.host.empty()) cfg.host = url.host_header();
    if (cfg.target.empty() || cfg.target == "/") cfg.target = url.target;
    async_connect(io, url, connect,
                  [&io, cfg = std::move(cfg), handshake_timeout_s, done = std::move(done), url](
                      const error_code& ec, std::shared_ptr<transport> t) mutable {
                      if (ec) {
                          upgrade_result r;
                          r.ec = ec;
                          r.what = "cannot connect to " + url.to_string() + ": " + ec.message();
                          return done(std::move(r));
                      }
                      std::make_shared<upgrade>(io, std::move(done))->begin(std::move(t), std::move(cfg),
                                                                            handshake_timeout_s);
                  });
}

}  // namespace wsc::net
