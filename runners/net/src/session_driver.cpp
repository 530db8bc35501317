#include "wsc/net/session_driver.hpp"

namespace wsc::net {

session_driver::session_driver(std::shared_ptr<transport> t, engine::session s, connection_clock clock,
                               driver_limits limits)
    : transport_(std::move(t)),
      session_(std::move(s)),
      clock_(clock),
      limits_(limits),
      writer_(std::make_shared<paced_writer>(transport_)),
      timer_(transport_->executor()),
      grace_timer_(transport_->executor()),
      buffer_(std::make_unique<std::array<char, read_buffer_size>>()) {}

void session_driver::start(std::string initial, done_handler done) {
    done_ = std::move(done);
    keep_alive_.hold(transport_->executor(), shared_from_this());
    std::weak_ptr<session_driver> weak = shared_from_this();
    writer_->on_drained = [weak] {
        auto self = weak.lock();
        if (self && self->read_paused_) {
            self->read_paused_ = false;
            self->read();
        }
    };
    // A failed write means the peer is gone; closing makes the pending read report
    // it, so EOF reaches the session through one path only.
    writer_->on_error = [weak](const error_code&) {
        if (auto self = weak.lock()) self->transport_->close();
    };
    session_.start(clock_.now_s());
    if (!initial.empty()) session_.on_data(clock_.now_s(), initial);
    pump();
    read();
}

void session_driver::abort() {
    if (finished_) return;
    transport_->close();
    finish();
}

void session_driver::read() {
    if (finished_ || reading_ || eof_) return;
    if (writer_->pending_bytes() > limits_.max_pending_output) {
        read_paused_ = true;
        return;
    }
    reading_ = true;
    transport_->async_read_some(asio::buffer(*buffer_), [self = shared_from_this()](const error_code& ec,
                                                                                     std::size_t n) {
        self->reading_ = false;
        if (self->finished_) return;
        if (ec) {
            // The peer closed or reset TCP, or we closed it after the session asked
            // to: either way the connection is gone now.
            self->eof_ = true;
            self->transport_->close();
            self->session_.on_eof(self->clock_.now_s());
        } else {
            self->session_.on_data(self->clock_.now_s(), std::string_view(self->buffer_->data(), n));
        }
        self->pump();
        self->read();
    });
}

void session_driver::pump() {
    if (finished_) return;
    for (auto& w : session_.take_writes()) writer_->push(std::move(w.bytes), w.gap_s);
    if (session_.close_tcp_requested() && !close_started_) {
        close_started_ = true;
        writer_->close_when_drained();
    }
    if (session_.done()) return finish();
    arm_timer();
    if (eof_ && !grace_armed_) {
        grace_armed_ = true;
        grace_timer_.expires_after(seconds(limits_.after_eof_grace_s));
        grace_timer_.async_wait([self = shared_from_this()](const error_code& ec) {
            if (!ec) self->finish();
        });
    }
}

void session_driver::arm_timer() {
    const auto next = session_.next_timer_s();
    if (!next) {
        if (armed_at_ >= 0) timer_.cancel();
        armed_at_ = -1;
        return;
    }
    if (*next == armed_at_) return;
    armed_at_ = *next;
    timer_.expires_at(clock_.at(*next));
    timer_.async_wait([self = shared_from_this(), at = *next](const error_code& ec) {
        if (ec || self->finished_ || self->armed_at_ != at) return;
        self->armed_at_ = -1;
        self->session_.on_timer(self->clock_.now_s());
        self->pump();
    });
}

void session_driver::finish() {
    if (finished_) return;
    finished_ = true;
    const auto hold = keep_alive_.release();  // released when this function returns
    timer_.cancel();
    grace_timer_.cancel();
    writer_->stop();
    transport_->close();
    auto done = std::move(done_);
    if (done) done(session_.result());
}

}  // namespace wsc::net
