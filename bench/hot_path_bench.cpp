// (a) The codec's hot path without the endpoint: the pull parser unmasks each
// payload in place and, for text, feeds the validator in the same pass
// (frame_parser::next with a utf8_validator).
#include <cstring>
#include <vector>

#include "bench_cases.hpp"
#include "wsc/frame.hpp"
#include "wsc/utf8.hpp"

namespace wsc::bench {
namespace {

// Reads every frame in data[0..n) and returns the number of complete, valid
// messages, or -1 on any parse or UTF-8 failure. All frames carry FIN, so a
// frame is a message.
long read_frames(frame_parser& parser, utf8_validator& utf8, bool text, std::uint8_t* data, std::size_t n) {
    long messages = 0;
    std::size_t pos = 0;
    for (;;) {
        // Text payload is unmasked in place and validated in the same pass.
        const frame_parser::step s = parser.next(data + pos, n - pos, text ? &utf8 : nullptr);
        pos += s.consumed;
        switch (s.what) {
        case frame_parser::status::need_more:
            return pos == n ? messages : -1;
        case frame_parser::status::header:
            utf8.reset();
            break;
        case frame_parser::status::payload:
            break;
        case frame_parser::status::frame_end:
            if (text && !utf8.complete()) return -1;
            ++messages;
            break;
        case frame_parser::status::failed:
            return -1;
        }
    }
}

}  // namespace

void read_with_parser(benchmark::State& st, payload_kind kind, std::size_t payload_size) {
    const wire_batch& b = cached_batch(kind, payload_size);
    frame_parser_config cfg;
    cfg.masking = mask_rule::must_be_masked;  // server side, as in (b) and (c)
    frame_parser parser(cfg);
    utf8_validator utf8;
    const bool text = is_text(kind);
    // The work buffer stands for the server's receive buffer; the parser unmasks in
    // place, so each iteration restores it from the pristine wire bytes. That copy is
    // timed: Beast pays the same one inside its stream read (see RESULTS.md).
    std::vector<std::uint8_t> work(b.wire.size());

    // Check once, untimed, that the parser really returns the payload.
    std::memcpy(work.data(), b.wire.data(), work.size());
    if (read_frames(parser, utf8, text, work.data(), work.size()) != static_cast<long>(b.copies)) {
        st.SkipWithError("frame_parser did not read the batch");
        return;
    }
    const std::size_t header = b.wire.size() / b.copies - payload_size;
    if (std::memcmp(work.data() + header, b.payload.data(), payload_size) != 0) {
        st.SkipWithError("frame_parser unmasked the payload wrongly");
        return;
    }

    for (auto _ : st) {
        std::memcpy(work.data(), b.wire.data(), work.size());
        const long got = read_frames(parser, utf8, text, work.data(), work.size());
        benchmark::DoNotOptimize(got);
        benchmark::ClobberMemory();
    }
    st.SetBytesProcessed(static_cast<std::int64_t>(st.iterations() * b.payload_bytes()));
    st.SetItemsProcessed(static_cast<std::int64_t>(st.iterations() * b.copies));
}

}  // namespace wsc::bench
