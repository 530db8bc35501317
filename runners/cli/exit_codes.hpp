// What `wsconform` returns, so scripts and CI can tell outcomes apart
// (docs/exit-codes.md; the report side's copy is reports/gate exit_policy.hpp).
#pragma once

namespace wsc::cli::exit_code {
constexpr int ok = 0;
constexpr int conformance_failures = 1;  // a case fails the pass policy and no baseline accepts it
constexpr int usage = 2;                 // bad arguments or spec file
constexpr int unreachable = 3;           // the peer could not be reached; nothing ran
constexpr int incomplete = 4;            // selected cases have no result (without --allow-missing)
constexpr int interrupted = 130;         // SIGINT / SIGTERM
}  // namespace wsc::cli::exit_code
