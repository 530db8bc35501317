// (b) The full sans-I/O endpoint in the server role: the same bytes go through
// receive_data, and take_events hands back one message_event per frame, so
// message assembly (allocation, std::string per message) is included.
#include <cstring>
#include <string_view>
#include <variant>
#include <vector>

#include "bench_cases.hpp"
#include "wsc/endpoint.hpp"

namespace wsc::bench {

void read_with_endpoint(benchmark::State& st, payload_kind kind, std::size_t payload_size) {
    const wire_batch& b = cached_batch(kind, payload_size);
    endpoint_config cfg;
    cfg.side = role::server;
    endpoint ep(cfg);
    // The endpoint reads const input, so it would not need this copy; it is kept
    // because it stands for the recv() into the runner's buffer that Beast's
    // stream read performs too (see RESULTS.md).
    std::vector<char> work(b.wire.size());
    const std::string_view input(work.data(), work.size());

    // Check once, untimed, that every message arrives intact.
    std::memcpy(work.data(), b.wire.data(), work.size());
    ep.receive_data(input);
    std::vector<event> first = ep.take_events();
    bool ok = first.size() == b.copies && ep.state() == conn_state::open;
    for (const event& e : first) {
        const auto* m = std::get_if<message_event>(&e);
        ok = ok && m && m->binary == !is_text(kind) && m->data == b.payload;
    }
    if (!ok) {
        st.SkipWithError("wsc::endpoint did not deliver the batch");
        return;
    }

    for (auto _ : st) {
        std::memcpy(work.data(), b.wire.data(), work.size());
        ep.receive_data(input);
        std::vector<event> events = ep.take_events();
        benchmark::DoNotOptimize(events.data());
        if (events.size() != b.copies) {
            st.SkipWithError("wsc::endpoint lost a message");
            break;
        }
    }
    st.SetBytesProcessed(static_cast<std::int64_t>(st.iterations() * b.payload_bytes()));
    st.SetItemsProcessed(static_cast<std::int64_t>(st.iterations() * b.copies));
}

}  // namespace wsc::bench
