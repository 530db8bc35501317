#include "wsc/inprocess/run.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <memory>

namespace wsc::inprocess {

namespace {

// splitmix64: reproducible masks and keys per case.
random_source seeded_random(std::uint64_t seed) {
    auto state = std::make_shared<std::uint64_t>(seed);
    return [state](std::uint8_t* out, std::size_t n) {
        std::uint64_t z = 0;
        for (std::size_t i = 0; i < n; ++i) {
            if (i % 8 == 0) {
                z = (*state += 0x9e3779b97f4a7c15ull);
                z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
                z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
                z ^= z >> 31;
            }
            out[i] = static_cast<std::uint8_t>(z >> (8 * (i % 8)));
        }
    };
}

std::string utc_now() {
    const auto t = std::chrono::system_clock::now();
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count() % 1000;
    const std::time_t s = std::chrono::system_clock::to_time_t(t);
    std::tm tm{};
    gmtime_r(&s, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
    char out[48];
    std::snprintf(out, sizeof out, "%s.%03dZ", buf, static_cast<int>(ms));
    return out;
}

std::uint64_t seed_for(const catalogue::Case& c, std::uint64_t base) {
    std::uint64_t h = base * 0x100000001b3ull;
    for (char ch : c.id.str()) h = (h ^ static_cast<unsigned char>(ch)) * 0x100000001b3ull;
    return h;
}

}  // namespace

bool applicable(const catalogue::Case& c, catalogue::Role testee, const echo_peer_options& peer) {
    if (!c.applies_to(testee)) return false;
    return std::all_of(c.requirements.begin(), c.requirements.end(), [&](const std::string& r) {
        return std::find(peer.capabilities.begin(), peer.capabilities.end(), r) != peer.capabilities.end();
    });
}

report::case_result run_case(const catalogue::Case& c, catalogue::Role testee, echo_peer_options peer,
                             const run_options& opts) {
    const bool testing_server = testee == catalogue::Role::server;
    peer.side = testing_server ? role::server : role::client;
    peer.case_number = c.position;
    if (!peer.random) peer.random = seeded_random(seed_for(c, opts.seed) ^ 0xa5a5a5a5ull);

    engine::session_config cfg;
    cfg.fuzzer_role = testing_server ? role::client : role::server;
    cfg.agent = peer.agent;
    cfg.host = peer.host;
    cfg.limits = opts.limits;
    cfg.random = seeded_random(seed_for(c, opts.seed));
    cfg.started_utc = utc_now();
    cfg.compression_level = opts.compression_level;

    engine::session s(c, std::move(cfg));
    echo_peer p(std::move(peer));
    double now = 0;
    bool tcp_closed = false;

    // TCP is one connection: once either side closes it, both see it gone.
    auto close_tcp = [&] {
        if (tcp_closed) return;
        tcp_closed = true;
        p.receive_eof();
        s.on_eof(now);
    };
    auto from_peer = [&] {
        std::string out = p.take_output();
        if (tcp_closed) return;
        if (!out.empty()) s.on_data(now, out);
        if (p.eof_to_send()) close_tcp();
    };

    s.start(now);
    p.start();
    from_peer();
    while (!s.done()) {
        auto writes = s.take_writes();
        if (!writes.empty()) {
            for (auto& w : writes) {
                now += w.gap_s;
                if (tcp_closed) break;
                p.receive_data(w.bytes);
                from_peer();
            }
            continue;
        }
        if (s.close_tcp_requested() || tcp_closed) {
            close_tcp();
            continue;
        }
        const auto next = s.next_timer_s();
        if (!next || *next > opts.max_virtual_s) {
            close_tcp();  // nothing left that could move the case on
            continue;
        }
        now = std::max(now, *next);
        s.on_timer(now);
    }
    return s.result();
}

std::vector<report::case_result> run_catalogue(const std::vector<const catalogue::Case*>& cases,
                                               catalogue::Role testee, const echo_peer_options& peer,
                                               const run_options& opts,
                                               const std::function<void(const report::case_result&)>& on_result) {
    std::vector<report::case_result> out;
    for (const auto* c : cases) {
        if (!applicable(*c, testee, peer)) continue;
        out.push_back(run_case(*c, testee, peer, opts));
        if (on_result) on_result(out.back());
    }
    return out;
}

}  // namespace wsc::inprocess
