// (c) The same work done by Boost.Beast 1.74: websocket::stream in the server
// role, after a real (in-memory) opening handshake, reads each message into a
// flat_buffer. Beast unmasks in place in its own buffers and validates UTF-8 on
// text messages by default, so the work matches (a) and (b).
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <string>

#include "bench_cases.hpp"
#include "memory_stream.hpp"

namespace wsc::bench {
namespace {

// A minimal valid client opening handshake (RFC 6455 §4.1; the key is the RFC's example).
constexpr std::string_view upgrade_request =
    "GET /bench HTTP/1.1\r\n"
    "Host: bench.invalid\r\n"
    "Upgrade: websocket\r\n"
    "Connection: Upgrade\r\n"
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
    "Sec-WebSocket-Version: 13\r\n"
    "\r\n";

}  // namespace

void read_with_beast(benchmark::State& st, payload_kind kind, std::size_t payload_size) {
    namespace websocket = boost::beast::websocket;
    const wire_batch& b = cached_batch(kind, payload_size);
    boost::asio::io_context ioc;
    websocket::stream<memory_stream> ws(ioc);
    ws.read_message_max(64ull << 20);  // the same limit as wsc::endpoint_config
    boost::system::error_code ec;
    ws.next_layer().serve_once(upgrade_request);
    ws.accept(ec);
    if (ec) {
        st.SkipWithError(("Beast handshake failed: " + ec.message()).c_str());
        return;
    }
    ws.next_layer().serve_cyclic(b.wire);
    boost::beast::flat_buffer buffer;

    // Check once, untimed, that every message arrives intact (and that the cyclic
    // stream is back at the start of the batch afterwards).
    for (std::size_t i = 0; i < b.copies; ++i) {
        ws.read(buffer, ec);
        if (ec || ws.got_text() != is_text(kind) || boost::beast::buffers_to_string(buffer.data()) != b.payload) {
            st.SkipWithError(("Beast did not deliver the batch: " + ec.message()).c_str());
            return;
        }
        buffer.consume(buffer.size());
    }

    for (auto _ : st) {
        for (std::size_t i = 0; i < b.copies; ++i) {
            ws.read(buffer, ec);
            if (ec) break;
            benchmark::DoNotOptimize(buffer.data().data());
            buffer.consume(buffer.size());
        }
        if (ec) {
            st.SkipWithError(("Beast read failed: " + ec.message()).c_str());
            break;
        }
    }
    st.SetBytesProcessed(static_cast<std::int64_t>(st.iterations() * b.payload_bytes()));
    st.SetItemsProcessed(static_cast<std::int64_t>(st.iterations() * b.copies));
}

}  // namespace wsc::bench
