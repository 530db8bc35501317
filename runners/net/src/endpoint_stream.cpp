#include "wsc/net/endpoint_stream.hpp"

#include "wsc/close_code.hpp"
#include "wsc/net/connection_clock.hpp"

namespace wsc::net {

endpoint_stream::endpoint_stream(std::shared_ptr<transport> t, endpoint ep, stream_limits limits)
    : transport_(std::move(t)),
      ep_(std::move(ep)),
      limits_(limits),
      writer_(std::make_shared<paced_writer>(transport_)),
      close_timer_(transport_->executor()),
      idle_timer_(transport_->executor()),
      buffer_(std::make_unique<std::array<char, read_buffer_size>>()) {}

void endpoint_stream::start(std::string leftover, event_handler on_event, closed_handler on_closed) {
    on_event_ = std::move(on_event);
    on_closed_ = std::move(on_closed);
    keep_alive_.hold(transport_->executor(), shared_from_this());
    // The writer's callbacks hold the stream weakly: the stream owns the writer.
    std::weak_ptr<endpoint_stream> weak = shared_from_this();
    writer_->on_drained = [weak] {
        auto self = weak.lock();
        if (self && self->read_paused_) {
            self->read_paused_ = false;
            self->read();
        }
    };
    writer_->on_error = [weak](const error_code&) {
        if (auto self = weak.lock()) self->finish();
    };
    writer_->on_closed = [weak] {
        if (auto self = weak.lock()) self->finish();
    };
    arm_idle_timer();
    if (!leftover.empty()) feed(leftover);
    read();
}

void endpoint_stream::read() {
    if (finished_ || reading_ || !transport_->is_open()) return;
    if (writer_->pending_bytes() > limits_.max_pending_output) {
        read_paused_ = true;
        return;
    }
    // Once the codec has closed the input path there is nothing to read for but EOF,
    // which a read still tells us about.
    reading_ = true;
    transport_->async_read_some(asio::buffer(*buffer_),
                                [self = shared_from_this()](const error_code& ec, std::size_t n) {
                                    self->reading_ = false;
                                    self->on_read(ec, n);
                                });
}

void endpoint_stream::on_read(const error_code& ec, std::size_t n) {
    if (finished_) return;
    if (ec) {
        // EOF, reset or our own close: the codec decides what that means (§7.1.5).
        ep_.receive_eof();
        dispatch();
        return finish();
    }
    arm_idle_timer();
    feed(std::string_view(buffer_->data(), n));
    read();
}

void endpoint_stream::feed(std::string_view bytes) {
    while (!bytes.empty() && !finished_) {
        // Once the codec stops reading (closing or failed), splitting buys nothing.
        const std::size_t take =
            ep_.state() == conn_state::open ? boundaries_.through_next_frame(bytes) : bytes.size();
        ep_.receive_data(bytes.substr(0, take));
        dispatch();
        bytes.remove_prefix(take);
    }
}

void endpoint_stream::dispatch() {
    for (auto& ev : ep_.take_events())
        if (on_event_ && !finished_) on_event_(*this, ev);
    flush();
}

void endpoint_stream::flush() {
    if (finished_) return;
    std::string out = ep_.take_output();
    if (!out.empty()) writer_->push(std::move(out));
    // §7.1.1: the server closes TCP first once the closing handshake is done; the
    // codec says so through eof_to_send (also after failing the connection).
    if (ep_.eof_to_send()) {
        writer_->close_when_drained();
        return;
    }
    if (ep_.close_expected() || ep_.state() != conn_state::open) arm_close_timer();
}

void endpoint_stream::arm_close_timer() {
    if (close_timer_armed_) return;
    close_timer_armed_ = true;
    idle_timer_.cancel();
    close_timer_.expires_after(seconds(limits_.close_timeout_s));
    close_timer_.async_wait([self = shared_from_this()](const error_code& ec) {
        if (!ec) self->abort();
    });
}

void endpoint_stream::arm_idle_timer() {
    if (limits_.idle_timeout_s <= 0 || close_timer_armed_) return;
    idle_timer_.expires_after(seconds(limits_.idle_timeout_s));
    idle_timer_.async_wait([weak = std::weak_ptr<endpoint_stream>(shared_from_this())](const error_code& ec) {
        auto self = weak.lock();
        if (ec || !self || self->finished_) return;
        if (self->ep_.state() == conn_state::open) {
            self->ep_.send_close(close_code::going_away, "idle timeout");
            self->flush();
        } else {
            self->abort();
        }
    });
}

void endpoint_stream::abort() {
    if (finished_) return;
    if (!ep_.closing_handshake_complete()) {
        ep_.receive_eof();
        ep_.take_events();
    }
    finish();
}

void endpoint_stream::finish() {
    if (finished_) return;
    finished_ = true;
    const auto hold = keep_alive_.release();  // released when this function returns
    writer_->stop();
    close_timer_.cancel();
    idle_timer_.cancel();
    transport_->close();
    auto done = std::move(on_closed_);
    on_event_ = nullptr;
    if (done) done(*this);
}

}  // namespace wsc::net
