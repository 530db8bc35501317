// The CLI-facing side of the reports: `wsconform report ...` and what a run does
// after its JSON is on disk (HTML, JUnit, baseline gate). runners/cli calls these;
// the options are parsed there (see ci/README.md for the lines that wire them).
#pragma once

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "wsc/report/completeness.hpp"
#include "wsc/report/html_report.hpp"
#include "wsc/report/result_set.hpp"

namespace wsc::report {

// `wsconform report ...` (arguments after "report"); returns an exit code
// (docs/exit-codes.md):
//   report OUTDIR [--junit FILE] [--baseline FILE] [--update-baseline]
//                 [--pass-policy P] [--allow-missing] [--compare DIR] [--title T] [--no-html]
//   report merge DIR... -o OUTDIR [same options as above]
//   report compare BEFORE AFTER [--html OUTDIR]
int run_report_command(std::span<const std::string> args);
// `lookup` fills case texts and RFC sections from the catalogue (catalogue_lookup.hpp).
int run_report_command(std::span<const std::string> args, std::ostream& out, std::ostream& err,
                       const html::case_info_lookup& lookup = {});

// What `--junit`, `--baseline`, `--update-baseline` and `--pass-policy` ask of the
// end of a run (or of `wsconform report`).
struct ci_options {
    std::optional<std::filesystem::path> junit;
    std::optional<std::filesystem::path> baseline;
    bool update_baseline = false;
    std::optional<std::string> pass_policy;  // pass_policy::parse syntax
    bool html = true;                       // write OUTDIR/index.html
    std::optional<std::filesystem::path> compare_with;  // result dir (ours or Autobahn's)
    std::string title;                                   // empty: the default
    html::case_info_lookup lookup;                       // from wsc_catalogue, when linked
    std::vector<std::string> case_ids;                   // the run's selection (for Missing)
    // What each agent owed (completeness.hpp); saved as OUTDIR/selection.json so
    // later `report` runs judge the same. Unset: nothing is known to be missing.
    std::optional<expected_cases> expected;
    bool allow_missing = false;  // missing cases are listed but do not fail (exit 4)
    bool wire_logs = false;      // -v: print each failing case's wire log before the list
    // Set when the run itself decides the exit code (interrupted, unreachable) or
    // nothing is to be gated (`report merge` without --baseline): the findings
    // are printed, the last line says "NOT GATED: <this>" instead of a verdict.
    std::string not_gated;

    // The same HTML, without JUnit or a baseline: for re-rendering mid-run
    // (/updateReports), where nothing is gated yet.
    ci_options html_only() const {
        ci_options o;
        o.html = html;
        o.compare_with = compare_with;
        o.title = title;
        o.lookup = lookup;
        o.case_ids = case_ids;
        o.expected = expected;
        return o;
    }
};

// Writes index.html (and the JUnit file), then applies the baseline: lists the
// failing cases (REGRESSION with a baseline, FAIL without), improvements and
// missing cases, and returns 4 if expected cases are missing (unless
// allow_missing), else 1 if a case fails and the baseline does not accept it,
// else 0; with --update-baseline writes the baseline instead and returns 0.
// Returns 2 (and says why on `err`) for an unreadable baseline or a bad pass
// policy. Without --baseline, every case that fails the pass policy counts (an
// empty baseline).
int finish_run(const result_set& results, const std::filesystem::path& outdir, const ci_options& opts,
               std::ostream& out, std::ostream& err);

// What finish_run checks before it writes anything: the pass policy parses and
// the baseline file reads (unless --update-baseline will create it). Returns an
// error message, or "" when all is well; runs call it before their first case.
std::string check_ci_options(const ci_options& opts);

}  // namespace wsc::report
