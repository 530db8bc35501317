// What `wsconform` returns, so scripts and CI can tell outcomes apart.
#pragma once

namespace wsc::cli::exit_code {
constexpr int ok = 0;
constexpr int conformance_failures = 1;  // reserved: baselines decide (reports/ and ci/)
constexpr int usage = 2;                 // bad arguments or spec file
constexpr int unreachable = 3;           // the peer could not be reached; nothing ran
constexpr int interrupted = 130;         // SIGINT / SIGTERM
}  // namespace wsc::cli::exit_code
