// What `wsconform` exits with (docs/exit-codes.md). The values match
// runners/cli/exit_codes.hpp; this header lets report code use them without the CLI.
#pragma once

#include "wsc/report/baseline.hpp"

namespace wsc::report::exit_policy {

inline constexpr int pass = 0;
inline constexpr int regression = 1;   // a case failed the pass policy and the baseline does not accept it
inline constexpr int usage = 2;        // bad arguments, spec, results directory or baseline file
inline constexpr int unreachable = 3;  // the peer could not be reached
inline constexpr int incomplete = 4;   // expected cases have no result (without --allow-missing)
inline constexpr int interrupted = 130;

// An incomplete run outranks its regressions: what it did not test could hide
// more, and its regressions are printed all the same.
inline int of(const gate_result& g) {
    if (!g.complete()) return incomplete;
    return g.ok() ? pass : regression;
}

// A run's own failure (usage, unreachable, interrupted) outranks the gate's verdict:
// results of a run that did not finish are not a conformance statement.
inline int combine(int run_code, int gate_code) { return run_code != pass ? run_code : gate_code; }

}  // namespace wsc::report::exit_policy
