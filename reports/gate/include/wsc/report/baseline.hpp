// Accepted non-passing verdicts, per agent, each with the reason it is accepted
// (tungstenite's expected-results.json idea, plus reasons). The gate fails on any
// case that is worse than its baseline entry or fails without one. Schema:
// ci/README.md.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "wsc/report/completeness.hpp"
#include "wsc/report/pass_policy.hpp"
#include "wsc/report/result_set.hpp"

namespace wsc::report {

inline constexpr const char* baseline_format = "wsconform-baseline/1";
inline constexpr const char* baseline_todo_reason = "TODO: explain";

struct baseline_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct baseline_entry {
    std::string behavior, behavior_close, reason;
    bool operator==(const baseline_entry&) const = default;
};

struct baseline {
    std::optional<pass_policy> policy;  // the policy the file was written with, if it says
    std::map<std::string, std::map<std::string, baseline_entry>> agents;  // agent -> case ID -> entry

    const baseline_entry* find(const std::string& agent, const std::string& id) const;
    std::size_t size() const;

    // Also reads an Autobahn index.json used as a baseline (non-passing entries are
    // taken, with reason "imported from index.json"). Throws baseline_error.
    static baseline from_json(const nlohmann::json& j, const pass_policy& policy = {});
    static baseline load(const std::filesystem::path& file, const pass_policy& policy = {});
    // Stable output: agents sorted, cases in tuple order, 2-space indent, final newline.
    std::string dump() const;
    void save(const std::filesystem::path& file) const;  // write to a temporary name, rename
};

struct gate_finding {
    std::string agent, id;
    std::string behavior, behavior_close;  // what this run saw
    std::optional<baseline_entry> accepted;  // the baseline entry, if any
    std::string why;
    std::string reason;  // the failing verdict's own explanation, one line
};

struct gate_result {
    std::vector<gate_finding> regressions;   // fail the gate
    std::vector<gate_finding> improvements;  // better than the baseline: update it
    std::vector<gate_finding> not_run;       // baseline entries this run did not cover
    // Expected cases without a result (completeness.hpp): the run is incomplete
    // unless the user allowed it (--allow-missing).
    std::vector<missing_cases> missing;
    bool missing_allowed = false;
    std::size_t checked = 0, passed = 0, accepted = 0;
    bool ok() const { return regressions.empty(); }
    std::size_t missing_count() const;
    bool complete() const { return missing.empty() || missing_allowed; }
};

gate_result compare(const result_set& results, const baseline& accepted, const pass_policy& policy);
// compare(), then the expected cases without a result go into `missing`.
gate_result compare(const result_set& results, const baseline& accepted, const pass_policy& policy,
                    const expected_cases& expected, bool allow_missing);

// A baseline that accepts exactly this run's non-passing verdicts. Reasons of
// entries that stay are kept, new entries get "TODO: explain"; entries for cases
// this run did not cover are kept, so updating from one shard loses nothing.
baseline updated(const result_set& results, const baseline& old, const pass_policy& policy);

struct print_options {
    // With a baseline, failing cases it does not accept are REGRESSIONs; without
    // one they are listed as FAIL (nothing regressed from anything).
    bool baseline = true;
    // Empty: the last line gives the verdict (PASS, FAIL, INCOMPLETE). Otherwise
    // the results are not a conformance statement (the run did not finish, or
    // `report merge` was not asked to gate) and the line says "NOT GATED: why".
    std::string not_gated;
    std::size_t max_lines = static_cast<std::size_t>(-1);  // finding lines in all
    std::size_t max_missing_ids = 12;                      // IDs named per agent
};

// Human-readable: one line per failing case (id, verdicts, one-line reason), then
// improvements, baseline entries not run and missing cases per agent, then the
// total line "gate: ... - VERDICT".
void print(const gate_result& g, std::ostream& out, const print_options& how = {});
// The word the total line ends with: PASS, FAIL or INCOMPLETE.
const char* verdict_word(const gate_result& g);

}  // namespace wsc::report
