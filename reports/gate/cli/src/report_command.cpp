#include <iostream>

#include "wsc/report/exit_policy.hpp"
#include "wsc/report/report_command.hpp"
#include "wsc/report/run_diff.hpp"

namespace wsc::report {

namespace {

constexpr const char* usage_text =
    "Usage: wsconform report OUTDIR [options]        re-render index.html from OUTDIR's JSON results\n"
    "       wsconform report merge DIR... -o OUTDIR [options]\n"
    "                                                merge shards or agents into OUTDIR (gates only\n"
    "                                                with --baseline)\n"
    "       wsconform report compare BEFORE AFTER [--html OUTDIR]\n"
    "                                                list cases whose verdict changed\n"
    "\n"
    "Options:\n"
    "  --junit FILE          also write JUnit XML\n"
    "  --baseline FILE       exit 1 on any case worse than FILE accepts (ci/README.md)\n"
    "  --update-baseline     write FILE from these results instead (keeps reasons)\n"
    "  --pass-policy P       default | strict | behavior=A,B;close=C,D\n"
    "  -v, --verbose         print the wire log of each failing case\n"
    "  --allow-missing       cases the run selected but has no result for do not fail (exit 4)\n"
    "  --compare DIR         show verdict changes against DIR (ours or Autobahn's) in the HTML\n"
    "  --title TEXT          the page title\n"
    "  --no-html             do not write index.html\n"
    "\n"
    "Expected cases come from each directory's selection.json (written by the run);\n"
    "without it, only the results present are judged.\n"
    "\n"
    "Exit codes: 0 pass, 1 conformance regression, 2 usage or input error, 4 incomplete\n"
    "(expected cases missing) (docs/exit-codes.md).\n";

struct usage_problem : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct parsed {
    std::vector<std::string> positional;
    std::optional<std::string> output;
    std::optional<std::string> html_dir;
    ci_options ci;
    bool help = false;
};

parsed parse(std::span<const std::string> args) {
    parsed p;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string a = args[i];
        std::optional<std::string> inline_value;
        if (a.rfind("--", 0) == 0) {
            if (const auto eq = a.find('='); eq != std::string::npos) {
                inline_value = a.substr(eq + 1);
                a = a.substr(0, eq);
            }
        }
        const auto value = [&]() -> std::string {
            if (inline_value) return *inline_value;
            if (i + 1 >= args.size()) throw usage_problem(a + " needs a value");
            return args[++i];
        };
        const auto flag = [&] {
            if (inline_value) throw usage_problem(a + " takes no value");
        };
        if (a == "-h" || a == "--help") p.help = true;
        else if (a == "--junit") p.ci.junit = value();
        else if (a == "--baseline") p.ci.baseline = value();
        else if (a == "--update-baseline") flag(), p.ci.update_baseline = true;
        else if (a == "--pass-policy") p.ci.pass_policy = value();
        else if (a == "--compare") p.ci.compare_with = value();
        else if (a == "--title") p.ci.title = value();
        else if (a == "--no-html") flag(), p.ci.html = false;
        else if (a == "--allow-missing") flag(), p.ci.allow_missing = true;
        else if (a == "-v" || a == "--verbose") flag(), p.ci.wire_logs = true;
        else if (a == "-o" || a == "--output") p.output = value();
        else if (a == "--html") p.html_dir = value();
        else if (a.size() > 1 && a[0] == '-') throw usage_problem("unknown option " + a);
        else p.positional.push_back(a);
    }
    return p;
}

int render_dir(parsed& p, std::ostream& out, std::ostream& err) {
    if (p.positional.size() != 1) throw usage_problem("expected one results directory");
    const std::filesystem::path dir = p.positional[0];
    result_set results;
    try {
        results = load_results(dir);
        p.ci.expected = load_expected(dir);
    } catch (const std::exception& e) {
        err << "wsconform report: " << e.what() << "\n";
        return exit_policy::usage;
    }
    return finish_run(results, dir, p.ci, out, err);
}

int merge(parsed& p, std::ostream& out, std::ostream& err) {
    if (p.positional.size() < 2) throw usage_problem("merge needs at least one input directory");
    if (!p.output) throw usage_problem("merge needs -o OUTDIR");
    const std::filesystem::path to = *p.output;
    result_set merged;
    try {
        for (std::size_t i = 1; i < p.positional.size(); ++i) {
            const std::filesystem::path from = p.positional[i];
            std::error_code ec;
            if (std::filesystem::equivalent(from, to, ec))
                throw usage_problem("merge: the output directory must not be one of the inputs");
            for (const auto& note : merge_into(merged, load_results(from))) err << "wsconform report merge: " << note << "\n";
            // Shards owe together what each owed; an input without selection.json
            // (an older run, Autobahn's) adds no expectation.
            if (auto owed = load_expected(from)) {
                if (!p.ci.expected) p.ci.expected.emplace();
                merge_expected(*p.ci.expected, *owed);
            }
        }
        write_results(to, merged);
    } catch (const usage_problem&) {
        throw;
    } catch (const std::exception& e) {
        err << "wsconform report merge: " << e.what() << "\n";
        return exit_policy::usage;
    }
    out << "merged " << result_count(merged) << " results of " << merged.size() << " agent"
        << (merged.size() == 1 ? "" : "s") << " into " << to.string() << "\n";
    // Merging is a data step; it gates only when asked to (--baseline). Without
    // one it still lists what fails and what is missing, but claims no verdict.
    if (!p.ci.baseline) p.ci.not_gated = "report merge gates only with --baseline FILE ('wsconform report " +
                                         to.string() + "' gates the merged results)";
    const int code = finish_run(merged, to, p.ci, out, err);
    if (p.ci.baseline) return code;
    return code == exit_policy::regression || code == exit_policy::incomplete ? exit_policy::pass : code;
}

int compare_dirs(parsed& p, std::ostream& out, std::ostream& err) {
    if (p.positional.size() != 3) throw usage_problem("compare needs BEFORE and AFTER directories");
    result_set before, after;
    try {
        before = load_results(p.positional[1]);
        after = load_results(p.positional[2]);
    } catch (const std::exception& e) {
        err << "wsconform report compare: " << e.what() << "\n";
        return exit_policy::usage;
    }
    const run_diff d = diff_runs(before, after, p.positional[1], p.positional[2]);
    std::size_t worse = 0;
    for (const auto& c : d.changes) {
        const auto show = [](const std::optional<verdict_pair>& v) {
            return v ? v->behavior + " / " + v->behavior_close : std::string("no result");
        };
        out << (c.direction < 0 ? "WORSE  " : c.direction > 0 ? "BETTER " : "CHANGED") << " " << c.agent << " " << c.id
            << ": " << show(c.before) << " -> " << show(c.after) << "\n";
        worse += c.direction < 0;
    }
    out << d.compared << " cases compared, " << d.changes.size() << " changed, " << worse << " worse\n";
    if (p.html_dir) {
        html::options h;
        h.comparison = &d;
        h.lookup = p.ci.lookup;
        if (!p.ci.title.empty()) h.title = p.ci.title;
        html::write(*p.html_dir, after, h);
        out << "report: " << (std::filesystem::path(*p.html_dir) / "index.html").string() << "\n";
    }
    return worse ? exit_policy::regression : exit_policy::pass;
}

}  // namespace

int run_report_command(std::span<const std::string> args, std::ostream& out, std::ostream& err,
                       const html::case_info_lookup& lookup) {
    try {
        parsed p = parse(args);
        p.ci.lookup = lookup;
        if (p.help || args.empty()) {
            (p.help ? out : err) << usage_text;
            return p.help ? exit_policy::pass : exit_policy::usage;
        }
        const std::string& verb = p.positional.empty() ? std::string() : p.positional[0];
        if (verb == "merge") return merge(p, out, err);
        if (verb == "compare") return compare_dirs(p, out, err);
        return render_dir(p, out, err);
    } catch (const usage_problem& e) {
        err << "wsconform report: " << e.what() << "\nRun 'wsconform report --help' for usage.\n";
        return exit_policy::usage;
    }
}

int run_report_command(std::span<const std::string> args) { return run_report_command(args, std::cout, std::cerr); }

}  // namespace wsc::report
