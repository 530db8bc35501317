// The comparison view: which cases changed verdict between two result sets (two
// runs, or ours against an imported Autobahn report).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "wsc/report/result_set.hpp"

namespace wsc::report {

struct verdict_pair {
    std::string behavior, behavior_close;
    bool operator==(const verdict_pair&) const = default;
};

struct verdict_change {
    std::string agent;  // the agent's name in the newer set
    std::string id;
    std::optional<verdict_pair> before, after;  // nullopt: the case has no result there
    int direction = 0;  // -1 worse, +1 better, 0 different but neither (or only one side ran)
};

struct run_diff {
    std::string label_before, label_after;
    std::vector<std::pair<std::string, std::string>> agents;  // (before name, after name) compared
    std::vector<verdict_change> changes;                      // tuple order within each agent
    std::size_t compared = 0;                                 // cases present on both sides
};

// Agents are matched by name; when each side has exactly one agent they are
// compared whatever their names (Autobahn calls a server without a Server header
// "UnknownServer").
run_diff diff_runs(const result_set& before, const result_set& after, std::string label_before = "before",
                   std::string label_after = "after");

}  // namespace wsc::report
