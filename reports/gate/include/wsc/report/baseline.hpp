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
};

struct gate_result {
    std::vector<gate_finding> regressions;   // fail the gate
    std::vector<gate_finding> improvements;  // better than the baseline: update it
    std::vector<gate_finding> not_run;       // baseline entries this run did not cover
    std::size_t checked = 0, passed = 0, accepted = 0;
    bool ok() const { return regressions.empty(); }
};

gate_result compare(const result_set& results, const baseline& accepted, const pass_policy& policy);

// A baseline that accepts exactly this run's non-passing verdicts. Reasons of
// entries that stay are kept, new entries get "TODO: explain"; entries for cases
// this run did not cover are kept, so updating from one shard loses nothing.
baseline updated(const result_set& results, const baseline& old, const pass_policy& policy);

// Human-readable: one line per regression, then improvements and baseline entries
// not run (at most `max_lines` finding lines in all), then a total line.
void print(const gate_result& g, std::ostream& out, std::size_t max_lines = static_cast<std::size_t>(-1));

}  // namespace wsc::report
