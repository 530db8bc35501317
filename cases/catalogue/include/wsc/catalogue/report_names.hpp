#pragma once
// Autobahn report file names: "<agent>_case_<id>.json".

#include <string>
#include <string_view>

namespace wsc::catalogue {

// Lower-case; every byte outside [a-z0-9] becomes a space (so a UTF-8 letter outside ASCII gives one
// space per byte); trim; spaces become '_'. Runs of underscores are kept, as Autobahn keeps them.
std::string sanitize_agent(std::string_view agent);

// e.g. ("AutobahnPython/0.10.9", "1.1.1") -> "autobahnpython_0_10_9_case_1_1_1.json".
std::string report_file_name(std::string_view agent, std::string_view case_id, std::string_view extension = "json");

}  // namespace wsc::catalogue
