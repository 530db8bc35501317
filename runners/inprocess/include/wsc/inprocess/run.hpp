// The in-process executor: one engine session and one echo_peer joined by an
// in-memory transport on a virtual clock. Each write the session makes reaches the
// peer as its own receive_data call (so chopped frames arrive in pieces), the peer's
// answer comes back at once, and when neither side has anything to do the clock jumps
// to the session's next timer. A whole catalogue runs in seconds, timers included.
#pragma once

#include <functional>
#include <vector>

#include "wsc/catalogue/case.hpp"
#include "wsc/engine/session.hpp"
#include "wsc/inprocess/echo_peer.hpp"
#include "wsc/report/case_result.hpp"

namespace wsc::inprocess {

struct run_options {
    engine::timeouts limits;
    double max_virtual_s = 20000;  // give up (as a TCP drop) past this much virtual time
    int compression_level = 1;
    std::uint64_t seed = 1;  // masks and keys are drawn from a seeded generator
};

// Whether the case can run against this peer with the implementation under test in
// `testee`'s role: the case applies to that role and the peer declares every
// capability the case requires.
bool applicable(const catalogue::Case& c, catalogue::Role testee, const echo_peer_options& peer);

// Plays one case. `peer.side` is set from `testee`; in client mode the peer's
// case_number is the case's position.
report::case_result run_case(const catalogue::Case& c, catalogue::Role testee, echo_peer_options peer,
                             const run_options& opts = {});

// Plays the applicable cases in order; `on_result` sees each result as it is made.
std::vector<report::case_result> run_catalogue(const std::vector<const catalogue::Case*>& cases,
                                               catalogue::Role testee, const echo_peer_options& peer,
                                               const run_options& opts = {},
                                               const std::function<void(const report::case_result&)>& on_result = {});

}  // namespace wsc::inprocess
