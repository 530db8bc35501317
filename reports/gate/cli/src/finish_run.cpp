#include <iostream>

#include "wsc/report/baseline.hpp"
#include "wsc/report/exit_policy.hpp"
#include "wsc/report/junit.hpp"
#include "wsc/report/report_command.hpp"

namespace wsc::report {

int finish_run(const result_set& results, const std::filesystem::path& outdir, const ci_options& opts,
               std::ostream& out, std::ostream& err) {
    baseline accepted;
    pass_policy policy;
    try {
        if (opts.baseline && (std::filesystem::exists(*opts.baseline) || !opts.update_baseline))
            accepted = baseline::load(*opts.baseline);
        // An explicit --pass-policy wins; else the one the baseline was written with.
        if (opts.pass_policy)
            policy = pass_policy::parse(*opts.pass_policy);
        else if (accepted.policy)
            policy = *accepted.policy;
    } catch (const std::exception& e) {
        err << "wsconform: " << e.what() << "\n";
        return exit_policy::usage;
    }

    std::optional<run_diff> diff;
    if (opts.compare_with) {
        try {
            diff = diff_runs(load_results(*opts.compare_with), results, opts.compare_with->filename().string(),
                             "this run");
        } catch (const std::exception& e) {
            err << "wsconform: --compare: " << e.what() << "\n";
            return exit_policy::usage;
        }
    }

    try {
        if (opts.html) {
            html::options h;
            if (!opts.title.empty()) h.title = opts.title;
            h.policy = policy;
            h.lookup = opts.lookup;
            h.case_ids = opts.case_ids;
            h.comparison = diff ? &*diff : nullptr;
            // With a baseline, the page says for each failing case whether it is accepted and why.
            h.accepted = opts.baseline && !opts.update_baseline ? &accepted : nullptr;
            html::write(outdir, results, h);
            out << "report: " << (outdir / "index.html").string() << "\n";
        }
        if (opts.junit) {
            junit::options j;
            j.policy = policy;
            j.accepted = opts.baseline && !opts.update_baseline ? &accepted : nullptr;
            j.case_ids = opts.case_ids;
            junit::write(*opts.junit, results, j);
            out << "junit: " << opts.junit->string() << "\n";
        }
        if (opts.update_baseline) {
            if (!opts.baseline) {
                err << "wsconform: --update-baseline needs --baseline FILE\n";
                return exit_policy::usage;
            }
            const baseline next = updated(results, accepted, policy);
            next.save(*opts.baseline);
            std::size_t todo = 0;
            for (const auto& [agent, cases] : next.agents)
                for (const auto& [id, e] : cases) todo += e.reason == baseline_todo_reason;
            out << "baseline: wrote " << next.size() << " accepted entries to " << opts.baseline->string();
            if (todo) out << " (" << todo << " need a reason: \"" << baseline_todo_reason << "\")";
            out << "\n";
            return exit_policy::pass;
        }
    } catch (const std::exception& e) {
        err << "wsconform: " << e.what() << "\n";
        return exit_policy::usage;
    }

    const gate_result g = compare(results, accepted, policy);
    // Without a baseline the per-case list is the report's job; say how it went.
    print(g, out, opts.baseline ? static_cast<std::size_t>(-1) : 0);
    return exit_policy::of(g);
}

}  // namespace wsc::report
