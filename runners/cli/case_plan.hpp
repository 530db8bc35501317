// The cases one run plays, in tuple order (catalogue.md §2), as the executors need
// them: the catalogue entry plus the numbers reports carry.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace wsc::catalogue {
struct Case;
}

namespace wsc::cli {

struct planned_case {
    std::string id;                          // "6.4.3"
    int position = 0;                        // Autobahn's global position (1..517)
    std::string description;                 // one line, HTML removed
    const catalogue::Case* tc = nullptr;     // owned by the loaded catalogue
};

using case_plan = std::vector<planned_case>;

// exclude-agent-cases (catalogue.md §6.1): true when `agent` must skip `case_id`.
using agent_exclusion = std::function<bool(const std::string& agent, const std::string& case_id)>;

}  // namespace wsc::cli
