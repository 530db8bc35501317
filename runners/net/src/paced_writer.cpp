#include "wsc/net/paced_writer.hpp"

namespace wsc::net {

paced_writer::paced_writer(std::shared_ptr<transport> t)
    : transport_(std::move(t)), gap_timer_(transport_->executor()) {}

void paced_writer::push(std::string bytes, double gap_s) {
    if (stopped_ || close_requested_) return;
    if (bytes.empty()) return;  // an empty write puts nothing on the wire
    pending_bytes_ += bytes.size();
    queue_.push_back(item{std::move(bytes), gap_s});
    pump();
}

void paced_writer::close_when_drained() {
    if (stopped_ || close_requested_) return;
    close_requested_ = true;
    pump();
}

void paced_writer::stop() {
    stopped_ = true;
    queue_.clear();
    pending_bytes_ = 0;
    gap_timer_.cancel();
}

void paced_writer::pump() {
    if (stopped_ || in_flight_ || waiting_) return;
    if (queue_.empty()) {
        if (close_requested_) {
            stopped_ = true;
            transport_->close();
            if (on_closed) on_closed();
        } else if (on_drained) {
            on_drained();
        }
        return;
    }
    const double gap = queue_.front().gap_s;
    if (gap > 0) {
        const auto due = last_done_ + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                          std::chrono::duration<double>(gap));
        const auto now = std::chrono::steady_clock::now();
        // Chops ask for a gap of ~10 us (catalogue.md §1.1). A timer costs more
        // syscalls than that, and polling the clock burns a core; pump() runs from the
        // previous write's completion, which is already a later event-loop turn, so a
        // short gap is left to that turn and the slice still goes in a write of its own.
        if (now < due && due - now >= std::chrono::microseconds(200)) {
            waiting_ = true;
            gap_timer_.expires_at(due);
            gap_timer_.async_wait([self = shared_from_this()](const error_code& ec) {
                self->waiting_ = false;
                if (ec) return;
                self->write_front();
            });
            return;
        }
    }
    write_front();
}

void paced_writer::write_front() {
    if (stopped_ || queue_.empty()) return;
    in_flight_ = true;
    // The bytes leave the queue, so stop() can clear it while Asio still reads them.
    current_ = std::move(queue_.front().bytes);
    queue_.pop_front();
    transport_->async_write(asio::buffer(current_), [self = shared_from_this()](const error_code& ec, std::size_t) {
        self->in_flight_ = false;
        if (self->stopped_) return;
        if (ec) {
            self->stop();
            if (self->on_error) self->on_error(ec);
            return;
        }
        self->pending_bytes_ -= self->current_.size();
        self->current_.clear();
        self->last_done_ = std::chrono::steady_clock::now();
        self->pump();
    });
}

}  // namespace wsc::net
