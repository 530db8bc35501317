// utf8_validate: wsc::utf8_validator fed at split points chosen by the input,
// compared with a plain reference decoder written here from RFC 3629 §4 (the
// UTF8-octets grammar). Differential checks:
//  - after each piece, feed() fails exactly when the reference has found the first
//    octet that no valid UTF-8 text can contain at that place (the fail position);
//  - complete() is true exactly when no failure happened and the input ends on a
//    code point boundary; failed() agrees with the last feed();
//  - is_valid_utf8 on the whole body agrees with the reference;
//  - a failed validator stays failed, and reset() starts over cleanly.
//
// Prefix: [0] chunk mode, [1] chunk seed.
#include "common/fuzz_support.hpp"
#include "wsc/utf8.hpp"

namespace {

struct reference_result {
    std::size_t fail_at;  // index of the first impossible octet, or size when none
    bool complete;        // no failure and the last sequence is whole
};

// RFC 3629 §4:
//   UTF8-2 = %xC2-DF UTF8-tail
//   UTF8-3 = %xE0 %xA0-BF UTF8-tail / %xE1-EC 2( UTF8-tail ) /
//            %xED %x80-9F UTF8-tail / %xEE-EF 2( UTF8-tail )
//   UTF8-4 = %xF0 %x90-BF 2( UTF8-tail ) / %xF1-F3 3( UTF8-tail ) /
//            %xF4 %x80-8F 2( UTF8-tail )
WSC_FUZZ_NO_COVERAGE reference_result reference(const std::uint8_t* s, std::size_t n) {
    std::size_t i = 0;
    while (i < n) {
        const std::uint8_t b = s[i];
        std::size_t need;
        std::uint8_t lo = 0x80, hi = 0xBF;  // bounds for the second octet
        if (b < 0x80) { ++i; continue; }
        else if (b >= 0xC2 && b <= 0xDF) need = 1;
        else if (b == 0xE0) { need = 2; lo = 0xA0; }
        else if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) need = 2;
        else if (b == 0xED) { need = 2; hi = 0x9F; }
        else if (b == 0xF0) { need = 3; lo = 0x90; }
        else if (b >= 0xF1 && b <= 0xF3) need = 3;
        else if (b == 0xF4) { need = 3; hi = 0x8F; }
        else return {i, false};
        for (std::size_t k = 1; k <= need; ++k) {
            if (i + k >= n) return {n, false};  // a valid prefix cut short
            const std::uint8_t c = s[i + k];
            const std::uint8_t l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xBF;
            if (c < l || c > h) return {i + k, false};
        }
        i += need + 1;
    }
    return {n, true};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    wsc_fuzz::config_reader cr(data, size);
    const std::uint8_t mode = cr.byte(), seed = cr.byte();
    wsc_fuzz::chunker chunks(mode, seed);
    const auto in = wsc_fuzz::body_of(data, size);
    const reference_result ref = reference(in.body, in.body_size);

    wsc::utf8_validator v;
    std::size_t fed = 0;
    wsc_fuzz::for_each_chunk(in.body, in.body_size, chunks, [&](const wsc_fuzz::piece_view& piece) {
        const bool ok = v.feed(piece.data(), piece.size());
        fed += piece.size();
        const bool ref_ok = ref.fail_at >= fed;
        FUZZ_CHECK(ok == ref_ok, "after %zu octets feed()=%d, reference fail position %zu", fed, ok, ref.fail_at);
        FUZZ_CHECK(v.failed() == !ok, "failed()=%d after feed()=%d", v.failed(), ok);
        if (!ok) FUZZ_CHECK(!v.complete(), "complete() after a failure");
    });
    const bool ref_complete = ref.complete;
    FUZZ_CHECK(v.complete() == ref_complete, "complete()=%d, reference %d (fail at %zu of %zu)", v.complete(),
               ref_complete, ref.fail_at, in.body_size);
    const std::string_view whole(reinterpret_cast<const char*>(in.body), in.body_size);
    FUZZ_CHECK(wsc::is_valid_utf8(whole) == ref_complete, "is_valid_utf8 disagrees with the reference");

    // Feeding more after a failure changes nothing.
    if (v.failed()) {
        FUZZ_CHECK(!v.feed("a"), "feed() succeeded after a failure");
        FUZZ_CHECK(v.failed(), "failure forgotten");
    }
    // reset() forgets everything: the tail after the fail position validates on its own.
    v.reset();
    FUZZ_CHECK(v.complete() && !v.failed(), "reset() left state");
    if (ref.fail_at < in.body_size) {
        const std::size_t from = ref.fail_at + 1;
        const reference_result tail = reference(in.body + from, in.body_size - from);
        v.feed(in.body + from, in.body_size - from);
        FUZZ_CHECK(v.complete() == tail.complete, "after reset, tail complete()=%d reference %d", v.complete(),
                   tail.complete);
    }
    return 0;
}
