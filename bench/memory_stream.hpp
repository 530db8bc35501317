// A synchronous in-memory stream for Beast's websocket::stream: reads copy out of
// a byte string we own (once, for the handshake request, or round and round, for
// frames), writes are counted and dropped. Its read_some is the one copy a real
// socket read would make, so Beast pays for it the way our benchmarks pay the
// memcpy into the receive buffer.
#pragma once

#include <boost/asio/buffer.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/beast/core/role.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/system_error.hpp>

#include <cstddef>
#include <string_view>

namespace wsc::bench {

class memory_stream {
public:
    using executor_type = boost::asio::io_context::executor_type;

    explicit memory_stream(boost::asio::io_context& ioc) : executor_(ioc.get_executor()) {}

    executor_type get_executor() noexcept { return executor_; }

    // Serves `bytes` once, then reports EOF.
    void serve_once(std::string_view bytes) noexcept { source_ = bytes, pos_ = 0, cyclic_ = false; }
    // Serves `bytes` forever. `bytes` must hold whole frames so the wrap-around is
    // a frame boundary.
    void serve_cyclic(std::string_view bytes) noexcept { source_ = bytes, pos_ = 0, cyclic_ = true; }
    std::size_t bytes_written() const noexcept { return written_; }

    template <class MutableBufferSequence>
    std::size_t read_some(const MutableBufferSequence& buffers, boost::system::error_code& ec) {
        ec = {};
        if (pos_ == source_.size()) {
            if (!cyclic_ || source_.empty()) {
                ec = boost::asio::error::eof;
                return 0;
            }
            pos_ = 0;
        }
        const std::size_t n =
            boost::asio::buffer_copy(buffers, boost::asio::const_buffer(source_.data() + pos_, source_.size() - pos_));
        pos_ += n;
        return n;
    }
    template <class MutableBufferSequence>
    std::size_t read_some(const MutableBufferSequence& buffers) {
        boost::system::error_code ec;
        const std::size_t n = read_some(buffers, ec);
        if (ec) throw boost::system::system_error(ec);
        return n;
    }

    template <class ConstBufferSequence>
    std::size_t write_some(const ConstBufferSequence& buffers, boost::system::error_code& ec) {
        ec = {};
        const std::size_t n = boost::asio::buffer_size(buffers);
        written_ += n;
        return n;
    }
    template <class ConstBufferSequence>
    std::size_t write_some(const ConstBufferSequence& buffers) {
        boost::system::error_code ec;
        return write_some(buffers, ec);
    }

private:
    executor_type executor_;
    std::string_view source_;
    std::size_t pos_ = 0;
    bool cyclic_ = false;
    std::size_t written_ = 0;
};

// Beast closes the next layer through this customisation point (found by ADL)
// when a read fails the connection; there is nothing to shut down here.
inline void teardown(boost::beast::role_type, memory_stream&, boost::system::error_code& ec) { ec = {}; }

}  // namespace wsc::bench
