// A whole run's results as the report writers take them: agent -> case ID -> result
// (the shape result_store::results() has), plus loading, merging and writing them.
#pragma once

#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "wsc/report/case_result.hpp"

namespace wsc::report {

using result_set = std::map<std::string, std::map<std::string, case_result>>;

struct results_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Reads OUTDIR/index.json and every case file it names (ours or Autobahn's). A case
// whose file is absent keeps what the index says (verdicts, duration, close code),
// so a published Autobahn index.json alone is enough to compare against.
// Throws results_error when index.json is missing or malformed.
result_set load_results(const std::filesystem::path& dir);

// Adds `from` to `into`. Shards and agents are disjoint, so a clash means the same
// case ran twice: the later `started` wins and a line saying so is returned.
std::vector<std::string> merge_into(result_set& into, const result_set& from);

// Writes the Autobahn-compatible case files and index.json (through result_store).
void write_results(const std::filesystem::path& dir, const result_set& results);

// Every case ID of every agent, in tuple order, without duplicates.
std::vector<std::string> all_case_ids(const result_set& results);
std::size_t result_count(const result_set& results);

}  // namespace wsc::report
