#include "ci_args.hpp"

#include <iostream>
#include <stdexcept>

#include "wsc/report/catalogue_lookup.hpp"

namespace wsc::cli {

case_plan apply_shard(case_plan plan, const parsed_args& a) {
    const auto text = a.get("shard");
    if (!text) return plan;
    report::shard_spec s;
    try {
        s = report::parse_shard(*text);
    } catch (const std::invalid_argument& e) {
        throw usage_error("--shard '" + *text + "': " + e.what());
    }
    return report::select_shard(std::move(plan), s);
}

report::ci_options read_ci_options(const parsed_args& a, const case_source& source, const case_plan& plan) {
    report::ci_options ci;
    if (auto f = a.get("junit")) ci.junit = *f;
    if (auto f = a.get("baseline")) ci.baseline = *f;
    ci.update_baseline = a.has("update-baseline");
    ci.pass_policy = a.get("pass-policy");
    if (auto d = a.get("compare")) ci.compare_with = *d;
    ci.html = !a.has("no-html");
    ci.allow_missing = a.has("allow-missing");
    ci.wire_logs = a.has("verbose");
    ci.lookup = report::catalogue_lookup(source.catalogue());
    for (const auto& c : plan) ci.case_ids.push_back(c.id);
    if (const std::string problem = report::check_ci_options(ci); !problem.empty()) throw usage_error(problem);
    return ci;
}

int finish_ci(const std::filesystem::path& outdir, const report::result_set& results,
              const report::ci_options& ci) {
    return report::finish_run(results, outdir, ci, std::cout, std::cerr);
}

}  // namespace wsc::cli
