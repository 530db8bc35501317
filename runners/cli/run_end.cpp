#include "run_end.hpp"

#include <cstdio>
#include <iostream>

#include "exit_codes.hpp"
#include "progress.hpp"
#include "report_hook.hpp"
#include "wsc/report/completeness.hpp"

namespace wsc::cli {

int end_run(const std::filesystem::path& outdir, const report::result_store& store, report::ci_options ci,
            section_summary& summary, const run_clock& clock, const run_end_state& state, std::ostream& out) {
    if (ci.expected)
        for (const auto& m : report::find_missing(store.results(), *ci.expected))
            for (const auto& id : m.ids) summary.add_missing(id);
    out << "\n";
    summary.print(out);
    const double took = clock.seconds();
    char seconds[32];
    std::snprintf(seconds, sizeof seconds, "%.1f s", took);
    out << "time: " << seconds << (took >= 60 ? " (" + format_duration(took) + ")" : std::string()) << "\n";
    report_written(outdir, out);
    // The gate line judges only the results there are; when the run's own outcome
    // decides the exit code, it says so instead of PASS or FAIL.
    if (state.interrupted) ci.not_gated = "the run was interrupted";
    else if (!state.nothing_tested.empty()) ci.not_gated = "nothing was tested";
    const int gate = report::finish_run(store.results(), outdir, ci, out, std::cerr);
    if (gate == exit_code::usage) return gate;
    if (state.interrupted) {
        out << "exit " << exit_code::interrupted << ": interrupted; the reports cover only the cases that finished\n";
        return exit_code::interrupted;
    }
    if (!state.nothing_tested.empty()) {
        out << "exit " << exit_code::unreachable << ": " << state.nothing_tested << "; nothing was tested\n";
        return exit_code::unreachable;
    }
    return gate;
}

}  // namespace wsc::cli
