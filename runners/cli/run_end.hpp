// The end of a run that played cases (`client`, `server`, and later commands):
// the section table with missing cases, the run time, the reports, the gate, and
// the exit code with its precedence (docs/exit-codes.md): interrupted (130) and
// nothing tested (3) are the run's own outcome, printed after a gate line that
// says it is not a verdict; otherwise the gate decides (0, 1, 4).
#pragma once

#include <filesystem>
#include <ostream>
#include <string>

#include "run_options.hpp"
#include "section_summary.hpp"
#include "wsc/report/autobahn_json.hpp"
#include "wsc/report/report_command.hpp"

namespace wsc::cli {

struct run_end_state {
    bool interrupted = false;
    std::string nothing_tested;  // non-empty: no case ran, and why (exit 3)
};

// `ci.expected` must say what each agent owed; its missing cases join `summary`.
int end_run(const std::filesystem::path& outdir, const report::result_store& store, report::ci_options ci,
            section_summary& summary, const run_clock& clock, const run_end_state& state, std::ostream& out);

}  // namespace wsc::cli
