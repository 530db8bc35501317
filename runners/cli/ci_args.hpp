// The options that turn a run into a CI step (HTML and JUnit reports, a baseline
// gate, shards), shared by `client` and `server`, and the end-of-run call that
// applies them (reports/gate/cli: finish_run).
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <vector>

#include "args.hpp"
#include "case_plan.hpp"
#include "case_source.hpp"
#include "wsc/report/report_command.hpp"
#include "wsc/report/shard.hpp"

namespace wsc::cli {

inline constexpr std::array ci_option_specs{
    option_spec{"junit", 0, "FILE", "also write JUnit XML (one testcase per case and agent)"},
    option_spec{"baseline", 0, "FILE", "exit 1 only on cases worse than FILE accepts (ci/README.md)"},
    option_spec{"update-baseline", 0, "", "write --baseline FILE from this run instead of gating"},
    option_spec{"pass-policy", 0, "P", "default | strict | behavior=A,B;close=C,D (docs/exit-codes.md)"},
    option_spec{"allow-missing", 0, "",
                "selected cases without a result (peer died, client stopped early) do not fail the run (exit 4)"},
    option_spec{"shard", 0, "I/N", "run only shard I of N (deterministic; merge with 'wsconform report merge')"},
    option_spec{"compare", 0, "DIR", "show verdict changes against DIR (ours or Autobahn's) in the HTML"},
    option_spec{"no-html", 0, "", "do not write OUTDIR/index.html"},
};

// --shard, if given, keeps that shard of `plan` (in tuple order).
case_plan apply_shard(case_plan plan, const parsed_args& a);

// The finish_run options for this command line; `source` must outlive them.
// Checks them as the end of the run will (the pass policy parses, the baseline
// reads, --compare has results) and throws usage_error, so that a bad flag costs
// nothing rather than a whole run.
report::ci_options read_ci_options(const parsed_args& a, const case_source& source, const case_plan& plan);

// Writes the reports and gates on the baseline: the exit code of a finished run.
int finish_ci(const std::filesystem::path& outdir, const report::result_set& results,
              const report::ci_options& ci);

}  // namespace wsc::cli
