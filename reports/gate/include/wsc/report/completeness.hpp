// Which cases a run owed a result for, per agent, and which of them it has none
// for. A gate that only judged the results present would pass a run whose peer
// died after five cases; "missing" makes such a run incomplete (exit 4,
// docs/exit-codes.md) unless the user allows it.
//
// The expectation is kept beside the results (OUTDIR/selection.json) so that
// `wsconform report OUTDIR` and `report merge` of shards judge completeness the
// same way the run did.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "wsc/report/result_set.hpp"

namespace wsc::report {

inline constexpr const char* selection_format = "wsconform-selection/1";
inline constexpr const char* selection_file = "selection.json";

// agent -> the case IDs the run selected for it (exclusions for that agent already
// left out). An agent may be a placeholder label (a server URL) when the peer
// never said its name.
using expected_cases = std::map<std::string, std::vector<std::string>>;

struct missing_cases {
    std::string agent;
    std::vector<std::string> ids;  // tuple order
    std::size_t expected = 0;      // how many the agent owed
};

// Every expected case without a result, per agent, agents in name order.
std::vector<missing_cases> find_missing(const result_set& results, const expected_cases& expected);

// Adds `from` to `into` (union per agent, tuple order): merged shards owe what
// each shard owed.
void merge_expected(expected_cases& into, const expected_cases& from);

// OUTDIR/selection.json. load_expected returns nullopt when the file is absent
// (results of older runs, or Autobahn's), throws results_error when it is broken.
void save_expected(const std::filesystem::path& outdir, const expected_cases& expected);
std::optional<expected_cases> load_expected(const std::filesystem::path& outdir);

}  // namespace wsc::report
