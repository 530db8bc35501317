#include "wsc/net/request_reader.hpp"

#include <array>

#include "wsc/net/connection_clock.hpp"

namespace wsc::net {

namespace {

struct head_read : std::enable_shared_from_this<head_read> {
    head_read(std::shared_ptr<transport> tr, std::size_t max, std::function<void(request_head)> d)
        : t(std::move(tr)), timer(t->executor()), reader(http_head_reader::kind::request, max), done(std::move(d)) {}

    std::shared_ptr<transport> t;
    asio::steady_timer timer;
    http_head_reader reader;
    std::function<void(request_head)> done;
    request_head result;
    std::array<char, 4096> buffer{};
    bool finished = false;

    void start(double timeout_s) {
        timer.expires_after(seconds(timeout_s));
        timer.async_wait([self = shared_from_this()](const error_code& ec) {
            if (!ec) self->finish(request_head::outcome::timed_out);
        });
        read();
    }

    void read() {
        t->async_read_some(asio::buffer(buffer), [self = shared_from_this()](const error_code& ec, std::size_t n) {
            if (self->finished) return;
            if (ec) return self->finish(request_head::outcome::closed);
            const std::string_view bytes(self->buffer.data(), n);
            self->result.raw.append(bytes);
            switch (self->reader.receive(bytes)) {
            case http_head_reader::status::need_more: return self->read();
            case http_head_reader::status::done:
                self->result.head = self->reader.head();
                return self->finish(request_head::outcome::complete);
            case http_head_reader::status::failed:
                self->result.failure = self->reader.failure();
                self->result.detail = self->reader.detail();
                return self->finish(request_head::outcome::malformed);
            }
        });
    }

    void finish(request_head::outcome how) {
        if (finished) return;
        finished = true;
        timer.cancel();
        result.how = how;
        // A read may still be outstanding after a timeout; closing ends it.
        if (how == request_head::outcome::timed_out) t->close();
        auto d = std::move(done);
        d(std::move(result));
    }
};

}  // namespace

void async_read_request_head(std::shared_ptr<transport> t, double timeout_s, std::size_t max_head_size,
                             std::function<void(request_head)> done) {
    std::make_shared<head_read>(std::move(t), max_head_size, std::move(done))->start(timeout_s);
}

}  // namespace wsc::net
