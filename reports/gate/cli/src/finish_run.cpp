#include <iostream>

#include "wsc/report/baseline.hpp"
#include "wsc/report/exit_policy.hpp"
#include "wsc/report/junit.hpp"
#include "wsc/report/report_command.hpp"
#include "wsc/report/wire_text.hpp"

namespace wsc::report {

namespace {

struct gate_inputs {
    baseline accepted;
    pass_policy policy;
};

// Throws with the message a user should see.
gate_inputs read_gate_inputs(const ci_options& opts) {
    gate_inputs in;
    if (opts.update_baseline && !opts.baseline) throw std::invalid_argument("--update-baseline needs --baseline FILE");
    if (opts.baseline && (std::filesystem::exists(*opts.baseline) || !opts.update_baseline)) {
        if (!std::filesystem::exists(*opts.baseline))
            throw std::invalid_argument("--baseline " + opts.baseline->string() +
                                        ": no such file (--update-baseline writes one)");
        in.accepted = baseline::load(*opts.baseline);
    }
    // An explicit --pass-policy wins; else the one the baseline was written with.
    if (opts.pass_policy) {
        try {
            in.policy = pass_policy::parse(*opts.pass_policy);
        } catch (const std::invalid_argument& e) {
            throw std::invalid_argument("--pass-policy '" + *opts.pass_policy + "': " + e.what());
        }
    } else if (in.accepted.policy) {
        in.policy = *in.accepted.policy;
    }
    return in;
}

}  // namespace

std::string check_ci_options(const ci_options& opts) {
    try {
        read_gate_inputs(opts);
    } catch (const std::exception& e) {
        return e.what();
    }
    if (opts.compare_with && !std::filesystem::exists(*opts.compare_with / "index.json"))
        return "--compare " + opts.compare_with->string() + ": no index.json there";
    return {};
}

int finish_run(const result_set& results, const std::filesystem::path& outdir, const ci_options& opts,
               std::ostream& out, std::ostream& err) {
    gate_inputs in;
    try {
        in = read_gate_inputs(opts);
    } catch (const std::exception& e) {
        err << "wsconform: " << e.what() << "\n";
        return exit_policy::usage;
    }
    const baseline& accepted = in.accepted;
    const pass_policy& policy = in.policy;

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

    const expected_cases no_expectation;
    const expected_cases& expected = opts.expected ? *opts.expected : no_expectation;
    const gate_result g = compare(results, accepted, policy, expected, opts.allow_missing);
    try {
        if (opts.expected) save_expected(outdir, *opts.expected);
        if (opts.html) {
            html::options h;
            if (!opts.title.empty()) h.title = opts.title;
            h.policy = policy;
            h.lookup = opts.lookup;
            h.case_ids = opts.case_ids;
            h.comparison = diff ? &*diff : nullptr;
            h.missing = &g.missing;
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
            j.expected = opts.expected ? &*opts.expected : nullptr;
            junit::write(*opts.junit, results, j);
            out << "junit: " << opts.junit->string() << "\n";
        }
        if (opts.update_baseline) {
            const baseline next = updated(results, accepted, policy);
            next.save(*opts.baseline);
            std::size_t todo = 0;
            for (const auto& [agent, cases] : next.agents)
                for (const auto& [id, e] : cases) todo += e.reason == baseline_todo_reason;
            out << "baseline: wrote " << next.size() << " accepted entries to " << opts.baseline->string();
            if (todo) out << " (" << todo << " need a reason: \"" << baseline_todo_reason << "\")";
            out << "\n";
            // A baseline written from an incomplete run would accept nothing for
            // the cases it never saw; say so, and do not call the run a pass.
            if (!g.complete()) {
                out << "baseline: " << g.missing_count() << " expected cases have no result, so the baseline says "
                    << "nothing about them\n";
                return exit_policy::incomplete;
            }
            return exit_policy::pass;
        }
    } catch (const std::exception& e) {
        err << "wsconform: " << e.what() << "\n";
        return exit_policy::usage;
    }

    if (opts.wire_logs)
        for (const auto& f : g.regressions) print_wire_log(results.at(f.agent).at(f.id), out);
    print_options how;
    how.baseline = opts.baseline.has_value();
    how.not_gated = opts.not_gated;
    print(g, out, how);
    const int code = exit_policy::of(g);
    if (code == exit_policy::incomplete && how.not_gated.empty())
        out << "exit 4: incomplete run - " << g.missing_count()
            << " selected cases have no result; the verdicts above cover only what ran (--allow-missing gates "
               "on that alone)\n";
    return code;
}

}  // namespace wsc::report
