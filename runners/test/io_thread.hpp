// An io_context running on its own thread for the length of a test.
#pragma once

#include <future>
#include <thread>

#include "wsc/net/asio.hpp"

namespace wsc::test {

class io_thread {
public:
    io_thread() : guard_(net::asio::make_work_guard(io_)) {}
    ~io_thread() { stop(); }
    net::asio::io_context& io() { return io_; }
    void start() { thread_ = std::thread([this] { io_.run(); }); }
    void stop() {
        guard_.reset();
        io_.stop();
        if (thread_.joinable()) thread_.join();
    }
    // Runs f on the io thread and waits for it.
    template <class F>
    void run_sync(F f) {
        std::promise<void> done;
        net::asio::post(io_, [&] {
            f();
            done.set_value();
        });
        done.get_future().wait();
    }

private:
    net::asio::io_context io_;
    net::asio::executor_work_guard<net::asio::io_context::executor_type> guard_;
    std::thread thread_;
};

}  // namespace wsc::test
